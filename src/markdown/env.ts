import type Token from 'markdown-it/lib/token.mjs';
import { errorBoxHtml, escapeHtml, type SourceLocation } from '../model/page.js';
import type { CompileContext, DeckMeta, Diagnostic, DiagramSource, Severity } from '../model/types.js';
import type { MarpBackground } from './plugins/marp-images.js';

/** Per-render state handed to markdown-it: where we are in the file, and where problems go. */
export interface RenderEnv {
  file: string;
  slug: string;
  /** File line of the rendered text's first line. */
  line: number;
  /** The Markdown being rendered, to locate things markdown-it gives no token for. */
  source: string;
  meta: DeckMeta;
  ctx: CompileContext;
  diagnostics: Diagnostic[];
  hasMermaid: boolean;
  hasMath: boolean;
  diagrams: DiagramSource[];
  /** Per slide: `<section>` attributes found while rendering (Quarto heading attributes). */
  slideAttrs: Record<string, string>;
  /** Per slide: Marp `![bg]` images. */
  backgrounds: MarpBackground[];
  /** Per deck: the most groups of any code walkthrough (see model/code-walk.ts). */
  walkGroups?: number;
  /** Per deck: Quarto code chunks were shown (warned once). */
  chunksWarned: boolean;
  /** Per deck: project-relative files the page loads that the build must copy into the site (see local-files.ts). */
  files: Set<string>;
  /** Counter for unique element ids within one deck. */
  ids: { next: number };
}

/** File line of a block token (markdown-it keeps `map = [startLine, endLine]`, 0-based in the rendered text). */
export function tokenLine(env: RenderEnv, token: Token | undefined): number {
  return env.line + (token?.map?.[0] ?? 0);
}

/** A problem at `line` of the deck being rendered; `code` is its rule id (see Diagnostic). */
export function report(env: RenderEnv, line: number, severity: Severity, message: string, hint: string | undefined, code: string): void {
  env.diagnostics.push({ code, file: env.file, line, severity, message, ...(hint ? { hint } : {}) });
}

export { escapeHtml };

/** The box shown in place of something that failed, on its slide only (the page contract's one error box). */
export function errorBox(title: string, detail: string, at: SourceLocation): string {
  return errorBoxHtml({ title, detail, at });
}
