/**
 * Where each character of the bundled fonts lives. Fontsource ships Noto Sans SC as Google Fonts' slices:
 * `chinese-simplified` (common Hanzi, ASCII, CJK punctuation) and ~100 numbered slices with the rest of the
 * font — arrows (→ ←), ✓, ●, ≤, ▲ among them. Subsetting `chinese-simplified` alone left those with no
 * bundled glyph: the browser drew them with whatever system font it found (DejaVu Sans Bold in a PDF) or
 * nothing. Noto Sans Symbols 2 comes after it for what Noto Sans SC has not at all (✗ U+2717, ▢).
 * Each character is taken from the first slice whose `unicode-range` (fontsource's `unicode.json`) holds
 * it and whose cmap really maps it (the ranges overstate).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';

const require = createRequire(import.meta.url);

/** The bundled fonts in lookup order, with the weights each ships (a one-weight font serves every weight). */
const FONTS = [
  { prefix: 'noto-sans-sc', pkg: '@fontsource/noto-sans-sc', weights: [400, 700] },
  { prefix: 'noto-sans-symbols-2', pkg: '@fontsource/noto-sans-symbols-2', weights: [400] },
] as const;

/** The slice most of a deck comes from (its subsets keep their old file names, see `subsetFileName`). */
export const MAIN_SOURCE = 'noto-sans-sc-chinese-simplified';

export interface FontSource {
  /** Font and slice: `noto-sans-sc-chinese-simplified`, `noto-sans-sc-109`, `noto-sans-symbols-2-symbols`… */
  name: string;
  /** Code point runs the slice declares. */
  ranges: [number, number][];
}

/** `U+20-7E,U+4E00` → runs of code points (CSS `unicode-range` syntax, as fontsource writes it). */
export function parseUnicodeRange(range: string): [number, number][] {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [a = '0', b = a] = part.split('-');
      return [Number.parseInt(a, 16), Number.parseInt(b, 16)] as [number, number];
    });
}

let sources: FontSource[] | undefined;
/** Every slice of every bundled font: the main slice first, then Noto Sans SC's others, then Symbols 2's. */
export function fontSources(): FontSource[] {
  sources ??= FONTS.flatMap(({ prefix, pkg }) => {
    const table = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    return Object.entries(table)
      .map(([key, range]) => ({ name: `${prefix}-${key.replace(/^\[(\d+)\]$/, '$1')}`, ranges: parseUnicodeRange(range) }))
      .sort((a, b) => Number(b.name === MAIN_SOURCE) - Number(a.name === MAIN_SOURCE));
  });
  return sources;
}

const fontOf = (source: string) => FONTS.find((f) => source.startsWith(`${f.prefix}-`)) ?? FONTS[0];

/** The weights a slice's font ships (Symbols 2: regular only; the browser makes its bold). */
export function sourceWeights(source: string): readonly number[] {
  return fontOf(source).weights;
}

/** The woff2 file of a slice in a weight (its font's nearest: a one-weight font serves every weight). */
export function sourceFile(source: string, weight: number): string {
  const font = fontOf(source);
  const w = (font.weights as readonly number[]).includes(weight) ? weight : font.weights[0];
  return require.resolve(`${font.pkg}/files/${source}-${w}-normal.woff2`);
}

/** The code points a font file (woff2, woff or sfnt) maps to glyphs: its `cmap`, read by HarfBuzz. */
export async function fontCodePoints(bytes: Uint8Array): Promise<Set<number>> {
  const sfnt = await fontverter.convert(Buffer.from(bytes), 'truetype');
  return new Set(new Face(new Blob(sfnt)).collectUnicodes());
}

const cmaps = new Map<string, Promise<Set<number>>>();
/** A slice's code points (the same in every weight), read once per process. */
function sliceCodePoints(name: string): Promise<Set<number>> {
  let points = cmaps.get(name);
  if (!points) {
    points = cachedCodePoints(sourceFile(name, 400));
    cmaps.set(name, points);
  }
  return points;
}

/**
 * A font file's code points, kept in `node_modules/.cache/lectern-cmaps/` beside the font's package (keyed by
 * its name, size and time): reading a cmap decompresses the woff2, ~0.2 s of every dev server start and
 * build for Noto Sans SC. Without a writable cache the cmap is read each time.
 */
async function cachedCodePoints(file: string): Promise<Set<number>> {
  const stat = statSync(file);
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  const key = `${basename(file)}-${stat.size}-${Math.round(stat.mtimeMs)}.json`;
  const path = at < 0 ? undefined : join(file.slice(0, at), 'node_modules', '.cache', 'lectern-cmaps', key);
  if (!path) return fontCodePoints(readFileSync(file));
  try {
    return new Set(JSON.parse(readFileSync(path, 'utf8')) as number[]);
  } catch {}
  const points = await fontCodePoints(readFileSync(file));
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify([...points]));
    renameSync(`${path}.${process.pid}.tmp`, path);
  } catch {}
  return points;
}

/** The slice each character is drawn from; a character no bundled font has is absent. */
export async function sourcesOf(chars: Iterable<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const main = await sliceCodePoints(MAIN_SOURCE);
  for (const c of new Set(chars)) {
    const cp = c.codePointAt(0) ?? 0;
    if (main.has(cp)) {
      found.set(c, MAIN_SOURCE);
      continue;
    }
    for (const s of fontSources()) {
      if (s.name === MAIN_SOURCE || !s.ranges.some(([a, b]) => cp >= a && cp <= b)) continue;
      if ((await sliceCodePoints(s.name)).has(cp)) {
        found.set(c, s.name);
        break;
      }
    }
  }
  return found;
}

/** Characters that draw nothing of their own (spaces, zero-width and format characters): no font needed. */
export const drawsNothing = (c: string): boolean => /[\p{Cc}\p{Cf}\p{Z}]/u.test(c);

/** The characters of `text` no bundled font has (each once, in order of appearance). */
export async function missingGlyphs(text: string): Promise<string> {
  const chars = [...new Set(text)].filter((c) => !drawsNothing(c));
  const found = await sourcesOf(chars);
  return chars.filter((c) => !found.has(c)).join('');
}
