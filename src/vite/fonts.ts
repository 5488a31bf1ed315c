import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { liveUiText } from '../model/live.js';
import { FONT_FAMILY } from '../model/page.js';
import type { Deck } from '../model/types.js';
import { uiText } from '../model/ui-strings.js';

/** The bundled CJK font, in the two weights slides use. Each page gets a subset of just its characters. */
export { FONT_FAMILY };

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
  /** CSS `unicode-range` of the file's characters when a weight is split in two (see `subsetFor`). */
  unicodeRange?: string;
  /** The part of a split a first visit does not need. */
  rest?: boolean;
}

/**
 * The text a deck can show: its source, its diagrams' sources, its metadata, and the strings of the live
 * follower UI in the deck's language (not in the opening part unless the slides use them: a deck not
 * served live never fetches them).
 */
export function deckText(deck: Deck, raw: string): string {
  return [
    raw,
    deck.meta.title,
    deck.meta.author ?? '',
    uiText(deck.meta.lang),
    ...deck.diagrams.map((d) => d.source),
    liveUiText(deck.meta.lang),
  ].join('\n');
}

/**
 * The text of the slides reveal.js lays out when the deck opens at its first slide (its default
 * `viewDistance` of 3: horizontal index + vertical index < 3); hidden slides fetch no fonts.
 */
export function openingText(deck: Deck): string {
  return [
    deck.meta.title,
    uiText(deck.meta.lang),
    ...deck.slides.filter((s) => s.h + s.v < 3).map((s) => s.html.replace(/<[^>]*>/g, ' ')),
  ].join('\n');
}

export function characters(text: string): string {
  return [...new Set(ALWAYS + text.replace(/\s+/g, ''))].sort().join('');
}

/** `U+20-7E,U+4E00,…` for a sorted string of characters. */
export function unicodeRange(chars: string): string {
  const ranges: [number, number][] = [];
  for (const c of chars) {
    const cp = c.codePointAt(0) ?? 0;
    const last = ranges[ranges.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  const hex = (n: number) => n.toString(16).toUpperCase();
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

const memory = new Map<string, Promise<FontFile>>();

/** One weight subset to `chars` (woff2), cached on disk by content hash: a rebuild without new characters is a file read. */
function subsetFile(name: string, weight: number, chars: string, cacheDir: string): Promise<FontFile> {
  const hash = createHash('sha256').update(chars).digest('hex').slice(0, 10);
  const fileName = `noto-sans-sc-${name}-${weight}-${hash}.woff2`;
  let file = memory.get(fileName);
  if (!file) {
    file = (async () => {
      const cached = join(cacheDir, fileName);
      if (existsSync(cached)) return { weight, fileName, source: readFileSync(cached) };
      const source = await subsetFont(readFileSync(sourceOf(weight)), chars, { targetFormat: 'woff2' });
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cached, source);
      return { weight, fileName, source };
    })();
    memory.set(fileName, file);
  }
  return file;
}

/**
 * Subsets the font to the characters of `text`, both weights. With `opening` (see `openingText`),
 * each weight is split in two files with disjoint `unicode-range`s: the characters of the opening
 * slides (plus ASCII and common punctuation), and the rest of the deck's, which the browser fetches
 * only once a slide that shows one of them is laid out. A first visit then downloads a fraction of
 * the font; the print view, the reading view and the speaker notes lay out everything and get both.
 */
export async function subsetFor(name: string, text: string, cacheDir: string, opening?: string): Promise<FontFile[]> {
  const all = characters(text);
  const near = opening === undefined ? all : characters(opening);
  const rest = [...all].filter((c) => !near.includes(c)).join('');
  const files = await Promise.all(
    WEIGHTS.flatMap((weight) => [
      subsetFile(name, weight, near, cacheDir).then((f) => (rest ? { ...f, unicodeRange: unicodeRange(near) } : f)),
      ...(rest ? [subsetFile(name, weight, rest, cacheDir).then((f) => ({ ...f, unicodeRange: unicodeRange(rest), rest: true }))] : []),
    ]),
  );
  return files;
}

/** `@font-face` rules and a preload for the regular weight (its opening part), with URLs made by `urlOf`. */
export function fontHead(files: FontFile[], urlOf: (fileName: string) => string): string {
  const faces = files
    .map(
      (f) =>
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${f.weight};font-display:swap;src:url(${urlOf(f.fileName)}) format('woff2')${f.unicodeRange ? `;unicode-range:${f.unicodeRange}` : ''}}`,
    )
    .join('\n');
  const regular = files.find((f) => f.weight === 400 && !f.rest);
  const preload = regular ? `<link rel="preload" as="font" type="font/woff2" crossorigin href="${urlOf(regular.fileName)}">\n` : '';
  return `${preload}<style id="lectern-fonts">\n${faces}\n</style>\n`;
}
