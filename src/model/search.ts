/**
 * The course search, as the build indexes it and the browser queries it (MiniSearch on both sides): one
 * document per slide, the same tokenizer and options, defined once here.
 */

/** One slide in the index. `id` is `<slug>#<slide id>`. */
export interface SearchDoc {
  id: string;
  /** Slide title, the slide's text, the speaker notes' text (indexed). */
  title: string;
  text: string;
  notes: string;
  /** Shown with a result (stored). */
  deck: string;
  /** Reading-mode address of the slide relative to the home page: `./<slug>/?view=read#slide-3`. */
  href: string;
  label: string;
}

export const SEARCH_FIELDS = ['title', 'text', 'notes'] as const;
export const SEARCH_STORE = ['title', 'deck', 'href', 'label', 'text', 'notes'] as const;

/** A Chinese, Japanese or Korean character (no spaces between words). */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/u;
const RUN = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+|[\p{L}\p{N}_]+/gu;

/** Runs of one script, lower-cased: a Latin-script word, or a stretch of CJK characters (as characters). */
function runs(text: string): { cjk: boolean; run: string; chars: string[] }[] {
  return [...text.toLowerCase().matchAll(RUN)].map(([run]) => ({ cjk: CJK.test(run), run, chars: [...run] }));
}

/** Every pair of neighbouring characters. */
const pairs = (chars: string[]): string[] => chars.slice(1).map((c, i) => `${chars[i]}${c}`);

/**
 * Words for Latin-script text; for Chinese, Japanese and Korean (no spaces between words) every character
 * and every pair of neighbouring characters, so "推理" finds 复杂推理 and a one-character query still works.
 */
export function tokenize(text: string): string[] {
  return runs(text).flatMap(({ cjk, run, chars }) => (cjk ? [...chars, ...pairs(chars)] : [run]));
}

/** A query's terms: Latin words as typed (prefix search), CJK as pairs (one character alone when single). */
export function queryTerms(query: string): string[] {
  return runs(query).flatMap(({ cjk, run, chars }) => (cjk && chars.length > 1 ? pairs(chars) : [run]));
}

/** How the browser searches with `queryTerms`: Latin words as prefixes, CJK pairs exactly, every term required (see MINISEARCH_OPTIONS). */
export const QUERY_OPTIONS = {
  prefix: (term: string) => !CJK.test(term),
  tokenize: (terms: string) => terms.split(' '),
};

/** MiniSearch options shared by the build (`new MiniSearch`) and the browser (`MiniSearch.loadJSON`). */
export const MINISEARCH_OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...SEARCH_STORE],
  tokenize,
  searchOptions: { boost: { title: 2 }, combineWith: 'AND' as const },
};
