/**
 * A lecture's ink: what the lecturer drew on each slide and on the blank board, in slide coordinates
 * (SLIDE_SIZE, 1280×720), so it lines up at any window size, in print and on a phone. The browser keeps it
 * in localStorage while teaching; "Save ink" writes it as `slides/<slug>.ink.json` (INK_SUFFIX), which the
 * build puts into the deck page (reading mode, PDF and presenting start with it). Defined once here: the
 * browser writes with `serializeInk`, the build reads with `parseInk` (src/project/ink-file.ts). Pure: no DOM, no Node.
 */
import { SLIDE_SIZE } from './page.js';

export const INK_SUFFIX = '.ink.json';
/** A deck file's ink file, beside it: `slides/part-1/intro.md` -> `slides/part-1/intro.ink.json`. */
export const inkFileOf = (deckFile: string): string => deckFile.replace(/\.md$/i, '') + INK_SUFFIX;
export const INK_VERSION = 1;
/** The dev server's "Save ink" endpoint: `POST <path><slug>` writes `slides/<slug>.ink.json`. */
export const INK_SAVE_PATH = '/@lectern/ink/';
export { INK_DATA_ID } from './page.js';

export type InkTool = 'pen' | 'highlighter';

/** One stroke: the points as flat [x, y, pressure, x, y, pressure, …], x/y in slide pixels, pressure 0–1. */
export interface InkStroke {
  /** Names the stroke while it is drawn and relayed (src/model/ink-ops.ts); not written to the ink file. */
  id?: string;
  tool: InkTool;
  color: string;
  /** Nominal width in slide pixels (pressure thins or thickens it). */
  size: number;
  points: number[];
}

export interface Ink {
  /** Strokes per slide, by slide id (`slide-12`: page.ts's slideId, the slide's number in reading order). */
  slides: Record<string, InkStroke[]>;
  /** The blank board's pages, in order. */
  board: InkStroke[][];
}

export const EMPTY_INK: Ink = { slides: {}, board: [] };

/** The pens of the toolbar: three colours, and a highlighter. Drawn colours come from here only. */
export const PEN_COLORS = ['#e0245e', '#1d6fe0', '#111111'] as const;
export const HIGHLIGHTER = { color: '#ffd400', size: 22 } as const;
export const PEN_SIZE = 6;

const COLOR = /^#[0-9a-f]{6}$/i;
const STROKE_ID = /^[A-Za-z0-9_-]{1,24}$/;
export const isInkColor = (x: unknown): x is string => typeof x === 'string' && COLOR.test(x);
const MAX_POINTS = 30_000;
const MAX_STROKES = 5_000;

/** A stroke as found in storage or a file, or why not. */
export function checkStroke(x: unknown): InkStroke | string {
  if (!x || typeof x !== 'object') return 'a stroke must be an object';
  const s = x as Record<string, unknown>;
  if (s.tool !== 'pen' && s.tool !== 'highlighter') return '`tool` must be "pen" or "highlighter"';
  if (!isInkColor(s.color)) return '`color` must be like "#e0245e"';
  if (typeof s.size !== 'number' || !(s.size > 0 && s.size <= 100)) return '`size` must be a number from 0 to 100';
  const p = s.points;
  if (!Array.isArray(p) || p.length % 3 !== 0 || p.length === 0 || p.length > MAX_POINTS * 3)
    return '`points` must be [x, y, pressure, …] triples';
  const w = SLIDE_SIZE.width * 2;
  const h = SLIDE_SIZE.height * 2;
  for (let i = 0; i < p.length; i += 3) {
    const [px, py, pr] = [p[i], p[i + 1], p[i + 2]];
    if (typeof px !== 'number' || typeof py !== 'number' || typeof pr !== 'number') return '`points` must hold numbers only';
    if (!(Math.abs(px) <= w && Math.abs(py) <= h && pr >= 0 && pr <= 1)) return `point ${i / 3 + 1} is off the slide`;
  }
  const stroke: InkStroke = { tool: s.tool, color: s.color, size: s.size, points: p as number[] };
  if (typeof s.id === 'string' && STROKE_ID.test(s.id)) stroke.id = s.id;
  return stroke;
}

/** Ink from an untrusted value (localStorage): whatever is malformed is left out. */
export function inkOf(x: unknown): Ink {
  const out: Ink = { slides: {}, board: [] };
  if (!x || typeof x !== 'object') return out;
  const v = x as { slides?: unknown; board?: unknown };
  const strokes = (list: unknown) =>
    Array.isArray(list)
      ? list
          .slice(0, MAX_STROKES)
          .map(checkStroke)
          .filter((s): s is InkStroke => typeof s !== 'string')
      : [];
  if (v.slides && typeof v.slides === 'object') {
    for (const [id, list] of Object.entries(v.slides)) {
      const ok = strokes(list);
      if (ok.length) out.slides[id] = ok;
    }
  }
  if (Array.isArray(v.board)) out.board = v.board.slice(0, 100).map(strokes);
  return out;
}

export const hasInk = (ink: Ink): boolean => Object.keys(ink.slides).length > 0 || ink.board.some((p) => p.length > 0);

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The file's text: readable JSON, one stroke per line, so a warning's line points at the stroke and a
 * diff shows which strokes changed.
 */
export function serializeInk(ink: Ink, deck: string): string {
  const stroke = (s: InkStroke) =>
    JSON.stringify({
      tool: s.tool,
      color: s.color,
      size: round(s.size),
      points: s.points.map((n, i) => (i % 3 === 2 ? Math.round(n * 100) / 100 : round(n))),
    });
  const list = (strokes: InkStroke[], indent: string) =>
    strokes.length ? `[\n${strokes.map((s) => `${indent}  ${stroke(s)}`).join(',\n')}\n${indent}]` : '[]';
  const slides = Object.entries(ink.slides)
    .filter(([, s]) => s.length)
    .map(([id, s]) => `    ${JSON.stringify(id)}: ${list(s, '    ')}`);
  const board = ink.board.map((page) => `    ${list(page, '    ')}`);
  return `{\n  "version": ${INK_VERSION},\n  "deck": ${JSON.stringify(deck)},\n  "slides": {${slides.length ? `\n${slides.join(',\n')}\n  ` : ''}},\n  "board": [${board.length ? `\n${board.join(',\n')}\n  ` : ''}]\n}\n`;
}
