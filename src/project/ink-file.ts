import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNodeValue, type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { checkStroke, hasInk, INK_VERSION, type Ink, type InkStroke, inkFileOf } from '../model/ink.js';
import { slideId, slideNumbers } from '../model/page.js';
import type { Deck } from '../model/types.js';

export interface InkProblem {
  line: number;
  message: string;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * An ink file read by the build: the strokes that are right, and a problem with its line for each that is
 * not (the rest of the ink, and the deck, are kept). `slideIds` are the deck's slides: ink for a slide the
 * deck no longer has is reported and left out.
 */
export function parseInk(text: string, slideIds: ReadonlySet<string>): { ink: Ink; problems: InkProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const problems: InkProblem[] = errors.map((e) => ({
    line: lineAt(text, e.offset),
    message: `not valid JSON: ${printParseErrorCode(e.error)}`,
  }));
  const ink: Ink = { slides: {}, board: [] };
  if (errors.length || !root) return { ink, problems: problems.length ? problems : [{ line: 1, message: 'empty ink file' }] };
  if (root.type !== 'object') return { ink, problems: [{ line: 1, message: 'an ink file is an object with "slides" and "board"' }] };
  const prop = (node: JsonNode, key: string) => node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  const version = prop(root, 'version');
  if (version && version.value !== INK_VERSION)
    problems.push({
      line: lineAt(text, version.offset),
      message: `unknown ink version ${String(version.value)} (this Lectern reads ${INK_VERSION})`,
    });
  const strokes = (list: JsonNode | undefined): InkStroke[] => {
    if (!list) return [];
    if (list.type !== 'array') {
      problems.push({ line: lineAt(text, list.offset), message: 'expected a list of strokes' });
      return [];
    }
    const out: InkStroke[] = [];
    for (const node of list.children ?? []) {
      const s = checkStroke(getNodeValue(node));
      if (typeof s === 'string') problems.push({ line: lineAt(text, node.offset), message: `stroke left out: ${s}` });
      else out.push(s);
    }
    return out;
  };
  const slides = prop(root, 'slides');
  for (const p of slides?.type === 'object' ? (slides.children ?? []) : []) {
    const id = String(p.children?.[0]?.value ?? '');
    if (!slideIds.has(id)) {
      problems.push({ line: lineAt(text, p.offset), message: `ink for ${id}, which the deck does not have: left out` });
      continue;
    }
    const list = strokes(p.children?.[1]);
    if (list.length) ink.slides[id] = list;
  }
  const board = prop(root, 'board');
  if (board?.type === 'array') ink.board = (board.children ?? []).map(strokes);
  return { ink, problems };
}

/** `slides/intro.md` → `slides/intro.ink.json`. */
export { inkFileOf };

/**
 * The deck's saved ink (`slides/<slug>.ink.json`), when there is one: read, checked against the deck's
 * slides, and put on the deck for its page; each problem is a warning at its line, never an error — the
 * deck and the rest of the ink stay.
 */
export function attachInk(root: string, deck: Deck): void {
  const file = inkFileOf(deck.file);
  const path = join(root, file);
  if (!existsSync(path)) return;
  const { ink, problems } = parseInk(
    readFileSync(path, 'utf8'),
    new Set(slideNumbers(deck.slides).flatMap((n) => (n === undefined ? [] : [slideId(n)]))),
  );
  for (const p of problems)
    deck.diagnostics.push({
      code: 'ink-invalid',
      file,
      line: p.line,
      severity: 'warning',
      message: `ink: ${p.message}`,
      hint: 'fix the line, or save the ink again from the deck',
    });
  if (hasInk(ink)) deck.ink = ink;
}
