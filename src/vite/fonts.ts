import { FONT_FAMILY, pageCssVars } from '../model/page.js';
import type { Deck, Diagnostic } from '../model/types.js';
import { uiText } from '../model/ui-strings.js';
import { drawsNothing, MAIN_SOURCE, sourcesOf, sourceWeights } from './font-sources.js';
import { type FontFormat, subset, subsetFileName, WEIGHTS, type Weight } from './font-subset.js';

/** The bundled CJK font, in the two weights slides use; pages get subsets of it (see `planFonts`). */
export { FONT_FAMILY };

/** Characters every page may show besides its own text: ASCII, common CJK punctuation, UI symbols. */
const ALWAYS =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') +
  '，。、；：？！“”‘’（）《》【】「」—…·→←↑↓⇌✓✗●○■□▢–×≈≤≥±÷°％';

export interface FontFile {
  weight: number;
  /** The slice it was cut from (`font-sources.ts`). */
  slice: string;
  fileName: string;
  source: Uint8Array;
  format: FontFormat;
  /** CSS `unicode-range` of the characters this page takes from the file (absent: all of them). */
  unicodeRange?: string;
  /** A file a first visit does not need (no preload). */
  rest?: boolean;
}

/**
 * The text a deck can show: its source, its diagrams' sources, its metadata, and every string of
 * Lectern's own views in every UI language (`uiCharacters`, from the one strings module).
 */
export function deckText(deck: Deck, raw: string): string {
  return [raw, deck.meta.title, deck.meta.author ?? '', uiText(deck.meta.lang), ...deck.diagrams.map((d) => d.source)].join('\n');
}

const openingSlides = (deck: Deck) => deck.slides.filter((s) => s.h + s.v < 3);

/**
 * The text of the slides reveal.js lays out when the deck opens at its first slide (its default
 * `viewDistance` of 3: horizontal index + vertical index < 3); hidden slides fetch no fonts.
 */
export function openingText(deck: Deck): string {
  return [deck.meta.title, uiText(deck.meta.lang), ...openingSlides(deck).map((s) => s.html.replace(/<[^>]*>/g, ' '))].join('\n');
}

/** What the opening slides show in bold (headings, `<strong>`, `<b>`, table headers): the bold weight's opening. */
export function openingBoldText(deck: Deck): string {
  const bold = /<(h[1-6]|strong|b|th)\b[^>]*>([\s\S]*?)<\/\1>/g;
  const parts = [deck.meta.title];
  for (const s of openingSlides(deck)) for (const m of s.html.matchAll(bold)) parts.push((m[2] ?? '').replace(/<[^>]*>/g, ' '));
  return parts.join('\n');
}

const sorted = (chars: Iterable<string>) => [...new Set(chars)].sort().join('');

export function characters(text: string): string {
  return sorted(ALWAYS + text.replace(/\s+/g, ''));
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

/** One page's text for the course plan, pages in course order. */
export interface PageText {
  id: string;
  /** Everything the page can show. */
  text: string;
  /** What a first visit lays out, per weight (see `openingText`, `openingBoldText`); absent: the whole text. */
  opening?: Record<Weight, string>;
}

/** A face of a page: the file (by weight and characters) and the characters the page takes from it. */
export interface PlannedFace {
  weight: Weight;
  chars: string;
  range: string;
  rest: boolean;
  /** The slice (`font-sources.ts`); absent: the main one. */
  slice?: string;
  /**
   * The weight the file is cut from when the slice's font lacks `weight` (Noto Sans Symbols 2 is regular
   * only): the same file is then declared for both weights. Not a `font-weight: 400 700` range: Chromium then
   * matches regular text to that face alone and draws the rest in a system font.
   */
  fileWeight?: Weight;
}

/** The slice of each character (see `sourcesOf`); absent: no bundled font has it. */
export type SourceOf = (c: string) => string | undefined;

/**
 * Faces for the characters the main slice lacks (arrows, ✓, ●, ≤, ✗…): one file per slice and weight for
 * the whole course, declared on every page (`unicode-range` fetches it only where a page shows one), never
 * preloaded. A one-weight font's file serves both weights.
 */
export function extraFaces(chars: Iterable<string>, sourceOf: SourceOf): PlannedFace[] {
  const bySource = new Map<string, string[]>();
  for (const c of new Set(chars)) {
    const source = sourceOf(c);
    if (!source || source === MAIN_SOURCE) continue;
    const list = bySource.get(source);
    if (list) list.push(c);
    else bySource.set(source, [c]);
  }
  return [...bySource].flatMap(([source, cs]) => {
    const chars = sorted(cs);
    const has = sourceWeights(source);
    return WEIGHTS.map((weight) => ({
      weight,
      chars,
      range: unicodeRange(chars),
      rest: true,
      slice: source,
      ...(has.includes(weight) ? {} : { fileWeight: WEIGHTS.find((w) => has.includes(w)) ?? WEIGHTS[0] }),
    }));
  });
}

/**
 * The font files of a whole course and which of them each page declares, so that a first visit downloads
 * about what it shows and a second lecture reuses what the first downloaded:
 * - `core`, shared by every page: `always` (ASCII, punctuation, the UI's own strings in every language);
 * - per page and weight, its opening characters not in the core (the title and first slides);
 * - per page in course order, the characters it is the first page to use: page k declares the parts of
 *   files 1…k it needs, minus its opening. Reading the course in order downloads each character once.
 * Within a page and weight the ranges are disjoint, so every character has one file. Pure: no I/O.
 */
export function planFonts(pages: PageText[], always: string, sourceOf?: SourceOf): Map<string, PlannedFace[]> {
  const main = (c: string) => !sourceOf || sourceOf(c) === MAIN_SOURCE;
  const core = sorted([...characters(always)].filter(main));
  const inCore = new Set(core);
  const firstUse = new Map<string, number>();
  const extras = sourceOf ? extraFaces(courseCharacters(pages, always), sourceOf) : [];
  const own = pages.map((p, k) => {
    const chars = distinct(p.text).filter((c) => !inCore.has(c) && main(c));
    for (const c of chars) if (!firstUse.has(c)) firstUse.set(c, k);
    return chars;
  });
  // The characters each page introduced, by page index.
  const introduced = pages.map(() => [] as string[]);
  for (const [c, k] of firstUse) introduced[k]?.push(c);
  const chunks = introduced.map((cs) => sorted(cs));

  const plan = new Map<string, PlannedFace[]>();
  pages.forEach((page, k) => {
    const faces: PlannedFace[] = [];
    const mine = own[k] ?? [];
    for (const weight of WEIGHTS) {
      faces.push({ weight, chars: core, range: unicodeRange(core), rest: false });
      const openingSet = new Set(page.opening ? [...page.opening[weight].replace(/\s+/g, '')].filter((c) => !inCore.has(c)) : mine);
      const opening = sorted(mine.filter((c) => openingSet.has(c)));
      if (opening) faces.push({ weight, chars: opening, range: unicodeRange(opening), rest: false });
      const byChunk = new Map<number, string[]>();
      for (const c of mine) {
        if (openingSet.has(c)) continue;
        const j = firstUse.get(c) ?? k;
        const list = byChunk.get(j);
        if (list) list.push(c);
        else byChunk.set(j, [c]);
      }
      for (const [j, cs] of [...byChunk].sort((a, b) => a[0] - b[0]))
        faces.push({ weight, chars: chunks[j] ?? '', range: unicodeRange(sorted(cs)), rest: true });
    }
    plan.set(page.id, [...faces, ...extras]);
  });
  return plan;
}

/**
 * The course's distinct characters: `always`'s and every page's but whitespace (the space is in
 * `characters(always)`: pages draw it). Gathered without one array of every character of every page (for 30
 * lectures that array had millions of entries: ~1 s of a warm build).
 */
function courseCharacters(pages: PageText[], always: string): Set<string> {
  const used = new Set<string>(characters(always));
  for (const p of pages) for (const c of distinct(p.text)) used.add(c);
  return used;
}

/** The distinct characters of a page's text but whitespace, in first-use order; a rebuild (`--watch`) asks again for pages that did not change. */
const distinctOf = new Map<string, string[]>();
function distinct(text: string): string[] {
  let chars = distinctOf.get(text);
  if (!chars) {
    if (distinctOf.size > 1000) distinctOf.clear();
    chars = [...new Set(text.replace(/\s+/g, ''))];
    distinctOf.set(text, chars);
  }
  return chars;
}

/** The course plan (`planFonts`) with each character taken from the bundled slice that has it. */
export async function planCourseFonts(pages: PageText[], always: string): Promise<Map<string, PlannedFace[]>> {
  const found = await sourcesOf(courseCharacters(pages, always));
  return planFonts(pages, always, (c) => found.get(c));
}

/** The files of planned faces, made (or read from the cache) in `format`. */
export async function facesToFiles(faces: PlannedFace[], format: FontFormat, cacheDir: string): Promise<FontFile[]> {
  return Promise.all(
    faces.map(async (f) => {
      const slice = f.slice ?? MAIN_SOURCE;
      const cut = f.fileWeight ?? f.weight;
      return {
        weight: f.weight,
        slice,
        fileName: subsetFileName(cut, f.chars, format, slice),
        source: await subset(cut, f.chars, format, cacheDir, slice),
        format,
        unicodeRange: f.range,
        rest: f.rest,
      };
    }),
  );
}

/**
 * One main file per weight with every character of `text` the main slice has, and the other slices' files
 * for the rest (the dev server and single pages: no course plan).
 */
export async function subsetWhole(text: string, format: FontFormat, cacheDir: string): Promise<FontFile[]> {
  const chars = characters(text);
  const found = await sourcesOf(chars);
  const main = sorted([...chars].filter((c) => found.get(c) === MAIN_SOURCE));
  const faces: PlannedFace[] = [
    ...WEIGHTS.map((weight) => ({ weight, chars: main, range: unicodeRange(main), rest: false })),
    ...extraFaces(chars, (c) => found.get(c)),
  ];
  return facesToFiles(faces, format, cacheDir);
}

/**
 * A warning at the first `file:line` of each character of a deck's source that no bundled font has: a
 * viewer without a system font for it sees a blank or a box.
 */
export async function glyphDiagnostics(file: string, raw: string): Promise<Diagnostic[]> {
  const chars = [...new Set(raw)].filter((c) => !drawsNothing(c));
  const found = await sourcesOf(chars);
  return chars
    .filter((c) => !found.has(c))
    .map((c) => {
      const at = raw.indexOf(c);
      const line = raw.slice(0, at).split('\n').length;
      const cp = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      return {
        code: 'glyph-missing',
        file,
        line,
        severity: 'warning' as const,
        message: `"${c}" (${cp}) is in no bundled font: screens without a system font for it show a blank or a box`,
        hint: `Use a character ${FONT_FAMILY} or Noto Sans Symbols 2 has (e.g. ✓ ✗ → ●), an image, or KaTeX math.`,
      };
    });
}

/** One `@font-face` rule of a file, under `family`, its `src` at `url`. */
export function fontFaceRule(f: FontFile, family: string, url: string): string {
  const weight = f.weight;
  const range = f.unicodeRange ? `;unicode-range:${f.unicodeRange}` : '';
  return `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};font-display:swap;src:url(${url}) format('${f.format}')${range}}`;
}

/** `@font-face` rules, and preloads for the regular weight's first-visit files, with URLs made by `urlOf`. */
export function fontHead(files: FontFile[], urlOf: (fileName: string) => string): string {
  const faces = files.map((f) => fontFaceRule(f, FONT_FAMILY, urlOf(f.fileName))).join('\n');
  const preload = files
    .filter((f) => f.weight === 400 && !f.rest)
    .map(
      (f) =>
        `<link rel="preload" as="font" type="font/${f.format === 'woff2' ? 'woff2' : 'ttf'}" crossorigin href="${urlOf(f.fileName)}">\n`,
    )
    .join('');
  return `${preload}<style id="lectern-fonts">\n${pageCssVars()}\n${faces}\n</style>\n`;
}
