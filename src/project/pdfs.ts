/**
 * Which PDFs of a deck are in the built site, and whether they predate the deck: the home page links a
 * PDF only when it is there (a plain `npm run build` must never link to a file it did not write) and
 * flags one older than its lecture. The exporter names the files; everything here goes through that name.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfKind } from '../export/print-page.js';

/** `dist/pdf/<slug>.pdf`, `dist/pdf/<slug>-handout.pdf` (slug may hold folders: `part-1/intro`). */
export function pdfFileName(slug: string, kind: PdfKind): string {
  return kind === 'handout' ? `${slug}-handout.pdf` : `${slug}.pdf`;
}

export interface PdfPresence {
  /** Path of the PDF relative to the PDF directory. */
  file: string;
  /** Written before the deck's source last changed. */
  stale: boolean;
}

export function pdfPresence(pdfDir: string, slug: string, kind: PdfKind, deckPath: string): PdfPresence | undefined {
  const file = pdfFileName(slug, kind);
  const path = join(pdfDir, file);
  if (!existsSync(path)) return undefined;
  const deckTime = existsSync(deckPath) ? statSync(deckPath).mtimeMs : 0;
  return { file, stale: statSync(path).mtimeMs < deckTime };
}
