/** What the exporting commands (`lectern pdf`, `lectern site`) print while they work: the same words in both. */
import { relative } from 'node:path';

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A path as the lecturer typed it: relative to the current folder when inside it, else whole. */
export const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** The site build that comes first when `dist/` is missing or stale. */
export type BuildEvent = { type: 'build'; reason: string } | { type: 'built'; ms: number };

/** The line for a site-build event, undefined for any other event (each command prints those its own way). */
export function buildLine(e: BuildEvent | { type: string }): string | undefined {
  if (e.type === 'build' && 'reason' in e) return `Building the site (${e.reason})…`;
  if (e.type === 'built' && 'ms' in e) return `Built in ${seconds(e.ms)}.`;
  return undefined;
}

/** One finished PDF: `[3/8] slug (handout) → dist/pdf/slug-handout.pdf  (12 pages, 340 KB, 2.1 s)`. */
export function pdfLine(done: number, total: number, r: { slug: string; kind: string; file: string; ms: number }, details: string): string {
  return `[${done}/${total}] ${r.slug}${r.kind === 'handout' ? ' (handout)' : ''} → ${shown(r.file)}  (${details}, ${seconds(r.ms)})`;
}

/** `--timeout S`: seconds (default 60) as milliseconds, or undefined after saying why it is not a number. */
export function timeoutMs(value: string | undefined): number | undefined {
  const timeout = value === undefined ? 60 : Number(value);
  if (Number.isFinite(timeout) && timeout > 0) return timeout * 1000;
  console.error(`--timeout wants a number of seconds, got ${value}`);
  return undefined;
}
