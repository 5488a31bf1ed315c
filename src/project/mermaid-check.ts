import type { Deck, Diagnostic } from '../model/types.js';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | undefined;

/** Mermaid's parser needs a DOM (DOMPurify); jsdom is enough to parse, not to draw. */
async function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= (async () => {
    const { JSDOM } = await import('jsdom');
    const { window } = new JSDOM('<!doctype html><body></body>', { pretendToBeVisual: true });
    Object.assign(globalThis, { window, document: window.document });
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  })();
  return mermaidPromise;
}

interface ParseError {
  message?: string;
  hash?: { loc?: { first_line?: number } };
}

/** Parses every diagram of a deck; a syntax error is reported at its line in the .md (or the .mmd). */
export async function checkDiagrams(deck: Deck): Promise<Diagnostic[]> {
  if (deck.diagrams.length === 0) return [];
  const mermaid = await loadMermaid();
  const out: Diagnostic[] = [];
  for (const d of deck.diagrams) {
    try {
      await mermaid.parse(d.source);
    } catch (err) {
      const e = err as ParseError;
      const at = e.hash?.loc?.first_line;
      const inFile = d.srcFile && at !== undefined && at <= d.srcLines;
      const line = at === undefined ? d.line : inFile ? d.line : d.line + at - d.srcLines;
      const detail = (e.message ?? String(err)).split('\n').filter(Boolean);
      const where = inFile ? ` (${d.srcFile}:${at})` : '';
      out.push({
        code: 'mermaid-syntax',
        file: deck.file,
        line,
        severity: 'error',
        message: `mermaid: ${detail[0] ?? 'syntax error'}${where}${detail.at(-1) && detail.length > 1 ? ` — ${detail.at(-1)}` : ''}`,
        hint: 'see https://mermaid.js.org/syntax/flowchart.html; the slide shows an error box instead of the diagram',
      });
    }
  }
  return out;
}
