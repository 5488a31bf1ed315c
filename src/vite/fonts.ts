import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import type { Deck } from '../model/types.js';

/** The bundled CJK font, in the two weights slides use. Each page gets a subset of just its characters. */
export const FONT_FAMILY = 'Noto Sans SC';
const WEIGHTS = [400, 700] as const;
const require = createRequire(import.meta.url);
const sourceOf = (weight: number) =>
  require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff2`);

/** Characters every page may show besides its own text: ASCII, common CJK punctuation, UI symbols. */
const ALWAYS =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') +
  '，。、；：？！“”‘’（）《》【】「」—…·→←↑↓⇌⇋✓✗●○■□▢–×≈≤≥±÷°％';

export interface FontFile {
  weight: number;
  fileName: string;
  source: Uint8Array;
}

/** The text a deck can show: its source, its diagrams' sources, its metadata. */
export function deckText(deck: Deck, raw: string): string {
  return [raw, deck.meta.title, deck.meta.author ?? '', ...deck.diagrams.map((d) => d.source)].join('\n');
}

export function characters(text: string): string {
  return [...new Set(ALWAYS + text.replace(/\s+/g, ''))].sort().join('');
}

const memory = new Map<string, Promise<FontFile[]>>();

/**
 * Subsets the font to `text` (woff2, one file per weight), cached on disk by content hash so a
 * rebuild without new characters costs a file read.
 */
export function subsetFor(name: string, text: string, cacheDir: string): Promise<FontFile[]> {
  const chars = characters(text);
  const hash = createHash('sha256').update(chars).digest('hex').slice(0, 10);
  const key = `${name}-${hash}`;
  let files = memory.get(key);
  if (!files) {
    files = Promise.all(
      WEIGHTS.map(async (weight) => {
        const fileName = `noto-sans-sc-${name}-${weight}-${hash}.woff2`;
        const cached = join(cacheDir, fileName);
        if (existsSync(cached)) return { weight, fileName, source: readFileSync(cached) };
        const source = await subsetFont(readFileSync(sourceOf(weight)), chars, { targetFormat: 'woff2' });
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(cached, source);
        return { weight, fileName, source };
      }),
    );
    memory.set(key, files);
  }
  return files;
}

/** `@font-face` rules and a preload for the regular weight, with URLs made by `urlOf`. */
export function fontHead(files: FontFile[], urlOf: (fileName: string) => string): string {
  const faces = files
    .map(
      (f) =>
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${f.weight};font-display:swap;src:url(${urlOf(f.fileName)}) format('woff2')}`,
    )
    .join('\n');
  const regular = files.find((f) => f.weight === 400);
  const preload = regular ? `<link rel="preload" as="font" type="font/woff2" crossorigin href="${urlOf(regular.fileName)}">\n` : '';
  return `${preload}<style id="lectern-fonts">\n${faces}\n</style>\n`;
}
