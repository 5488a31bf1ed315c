import { Parser } from 'htmlparser2';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { type RenderEnv, tokenLine } from '../env.js';
import { resolveLocalFile } from './links.js';

/**
 * Attributes naming a file the page loads that Vite's HTML step does not bundle (reveal's backgrounds and
 * lazy media, posters). A deck names them relative to its own file, as reveal-md, Quarto and Marp do, or
 * under assets/; the build copies each into the site at the same path (`deck.files`).
 */
export const FILE_ATTRS = new Set(['src', 'data-src', 'poster', 'data-background-image', 'data-background-video', 'data-background']);
const IMAGE_ATTRS = new Set(['data-background']);
/** A `data-background` that is a colour or gradient, not a file. */
const NOT_A_FILE = /^(#|rgba?\(|hsla?\(|[a-z]+$|(linear|radial|conic)-gradient\()/i;
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** The URL a page uses for a local file the deck names, recording the file; the value unchanged when it is not one. */
export function pageFileUrl(env: RenderEnv, attr: string, value: string, line: number): string {
  const trimmed = value.trim();
  if (!trimmed || EXTERNAL.test(trimmed) || (IMAGE_ATTRS.has(attr) && NOT_A_FILE.test(trimmed))) return value;
  // reveal's data-background-video takes a comma-separated list of sources.
  const parts = attr === 'data-background-video' ? trimmed.split(',') : [trimmed];
  return parts
    .map((part) => {
      const file = resolveLocalFile(env, part.trim(), line, attr.startsWith('data-background') ? 'background' : 'file');
      if (!file || !('url' in file)) return part;
      const path = file.url.slice(1);
      env.files.add(path);
      return `${'../'.repeat(env.slug.split('/').length)}${encodeURI(path)}`;
    })
    .join(',');
}

/** Rewrites file attributes inside raw HTML, leaving every other character of it as written. */
function rewriteHtml(env: RenderEnv, html: string, line: number): string {
  const edits: { start: number; end: number; value: string }[] = [];
  const parser = new Parser({
    onattribute(name, value) {
      if (!FILE_ATTRS.has(name.toLowerCase())) return;
      const url = pageFileUrl(env, name.toLowerCase(), value, line);
      if (url === value) return;
      // htmlparser2 gives where the attribute starts; its value is the first occurrence after the `=`.
      const from = html.indexOf('=', parser.startIndex);
      const start = from < 0 ? -1 : html.indexOf(value, from);
      if (start >= 0 && start <= parser.endIndex) edits.push({ start, end: start + value.length, value: url });
    },
  });
  parser.write(html);
  parser.end();
  let out = html;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  return out;
}

function rewriteToken(env: RenderEnv, token: Token, line: number): void {
  if (token.type === 'html_block' || token.type === 'html_inline') {
    if (/\s(src|data-src|poster|data-background[\w-]*)\s*=/i.test(token.content)) token.content = rewriteHtml(env, token.content, line);
    return;
  }
  // An image's own src is Vite's to bundle (links.ts); attributes given by `.element`/`{…}` are not.
  for (const attr of token.attrs ?? []) {
    const [name, value] = attr;
    if (FILE_ATTRS.has(name) && !(token.type === 'image' && name === 'src')) attr[1] = pageFileUrl(env, name, value, line);
  }
}

/** Files a slide's HTML and attributes name (backgrounds, lazy media, raw `<img>`), found and copied into the site. */
export function localFilesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('lectern_local_files', (state) => {
    const env = state.env as RenderEnv;
    for (const token of state.tokens) {
      const line = tokenLine(env, token);
      rewriteToken(env, token, line);
      for (const child of token.children ?? []) rewriteToken(env, child, line);
    }
  });
}
