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

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/u;
const RUN = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+|[\p{L}\p{N}_]+/gu;

/**
 * Words for Latin-script text; for Chinese, Japanese and Korean (no spaces between words) every character
 * and every pair of neighbouring characters, so "推理" finds 复杂推理 and a one-character query still works.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(RUN)) {
    const run = m[0];
    if (!CJK.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.push(chars[i] as string);
      if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return out;
}

/** A query's terms: Latin words as typed (prefix search), CJK as pairs (one character alone when single). */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  for (const m of query.toLowerCase().matchAll(RUN)) {
    const run = m[0];
    if (!CJK.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** MiniSearch options shared by the build (`new MiniSearch`) and the browser (`MiniSearch.loadJSON`). */
export const MINISEARCH_OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...SEARCH_STORE],
  tokenize,
  searchOptions: { boost: { title: 2 }, combineWith: 'AND' as const },
};
