import type { Deck, Diagnostic } from '../model/types.js';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | undefined;

/** Mermaid's parser needs a DOM (DOMPurify); jsdom is enough to parse, not to draw. */
async function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= (async () => {
    const { JSDOM } = await import('jsdom');
    const { window } = new JSDOM('<!doctype html><body></body>', { pretendToBeVisual: true });
    const before = { window: Reflect.get(globalThis, 'window'), document: Reflect.get(globalThis, 'document') };
    Object.assign(globalThis, { window, document: window.document });
    try {
      const { default: mermaid } = await import('mermaid');
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      return mermaid;
    } finally {
      // Mermaid (DOMPurify) takes the window when it loads; parsing needs no globals after that, and the
      // dev server and the build run in this process: leave no browser globals behind for other code.
      for (const [key, value] of Object.entries(before)) {
        if (value === undefined) Reflect.deleteProperty(globalThis, key);
        else Reflect.set(globalThis, key, value);
      }
    }
  })();
  return mermaidPromise;
}

interface ParseError {
  message?: string;
  hash?: { loc?: { first_line?: number } };
}

/**
 * Mermaid parses its text after dropping front matter, `%%{…}%%` directives, `%%` comment lines (with
 * the blank lines before them) and leading blank lines, so the line in its error counts only what is
 * left. Returns, for each line Mermaid parses (0-based), the 0-based line of `source` it came from.
 */
export function parsedLines(source: string): number[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.map(() => true);
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end > 0) start = end + 1;
  }
  for (let i = 0; i < start; i++) kept[i] = false;
  const blank = (i: number) => kept[i] && (lines[i] ?? '').trim() === '';
  for (let i = start; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (/^%%\{[\s\S]*\}%%$/.test(t))
      lines[i] = ''; // a directive leaves its line empty
    else if (/^%%(?!\{)./.test(t)) {
      kept[i] = false;
      for (let j = i - 1; j >= start && blank(j); j--) kept[j] = false;
    }
  }
  for (let i = start; i < lines.length && (blank(i) || !kept[i]); i++) kept[i] = false;
  return lines.flatMap((_, i) => (kept[i] ? [i] : []));
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
      const parsed = e.hash?.loc?.first_line;
      // 1-based line in the text as written (.mmd lines first, then the fence body).
      const at = parsed === undefined ? undefined : (parsedLines(d.source)[parsed - 1] ?? parsed - 1) + 1;
      const inFile = d.srcFile && at !== undefined && at <= d.srcLines;
      const line = at === undefined ? d.line : inFile ? d.line : d.line + at - d.srcLines;
      const text = (e.message ?? String(err)).split('\n').filter(Boolean);
      // Mermaid's "on line N" counts lines after dropping comments: our own location replaces it.
      const first = (text[0] ?? 'syntax error').replace(/ on line \d+:?$/, '');
      const where = inFile ? ` (${d.srcFile}:${at})` : '';
      const excerpt = text.length > 2 ? text.slice(1, -1).join('\n') : '';
      out.push({
        code: 'mermaid-syntax',
        file: deck.file,
        line,
        severity: 'error',
        message: `mermaid: ${first}${where}${text.length > 1 ? `: ${text.at(-1)}` : ''}`,
        ...(excerpt ? { detail: excerpt } : {}),
        hint: 'see https://mermaid.js.org/syntax/flowchart.html; the slide shows an error box instead of the diagram',
      });
    }
  }
  return out;
}
