import type MiniSearch from 'minisearch';
import { parseSlideId } from '../model/page.js';
import type { SearchDoc } from '../model/search.js';
import { fill, uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { hitBody, loadIndex, searchHits, snippet } from './home-search.js';
import { picker } from './picker.js';

const MAX_RESULTS = 30;

/**
 * Search this lecture's slides and notes (Ctrl+Shift+F, presenting and reading mode): the lecture's own
 * MiniSearch index, built with the site as the course home's (same documents, tokenizer and query rules,
 * src/model/search.ts), loaded with MiniSearch on the first search. A result goes to its slide (`go`, by its
 * 0-based place in reading order).
 */
export function searchPanel(opts: { lang: string | undefined; index: string; go: (index: number) => void }) {
  const t = uiStrings(opts.lang).find;
  let index: Promise<MiniSearch<SearchDoc>> | undefined;
  const panel = picker<number>({
    name: 'lectern-search',
    lang: opts.lang ?? 'en',
    title: t.searchTitle,
    placeholder: t.searchPlaceholder,
    hint: t.hint,
    close: t.close,
    debounce: 120,
    async items(query) {
      if (!query.trim()) return { items: [], status: '' };
      index ??= loadIndex(new URL(opts.index, location.href).href);
      let mini: MiniSearch<SearchDoc>;
      try {
        mini = await index;
      } catch {
        index = undefined;
        return { items: [], status: t.searchFailed };
      }
      const { terms, hits } = searchHits(mini, query);
      const items = hits.slice(0, MAX_RESULTS).map((doc) => {
        const { body, inNotes } = hitBody(doc, terms);
        const text = el('span', { class: 'lectern-find-snippet' });
        // The slide's text starts with its title, shown above it already.
        text.append(snippet(!inNotes && doc.title && body.startsWith(doc.title) ? body.slice(doc.title.length).trim() : body, terms));
        if (inNotes) text.append(el('small', {}, ` (${t.inNotes})`));
        return {
          // The index names a slide by its number (`…#slide-12`), whatever id its author gave it.
          value: parseSlideId(doc.id.slice(doc.id.lastIndexOf('#') + 1)) ?? -1,
          content: [
            el('span', { class: 'lectern-find-num' }, doc.label),
            el('span', { class: 'lectern-find-title' }, doc.title || t.untitled),
            text,
          ],
        };
      });
      const status = !hits.length ? t.searchNone : hits.length === 1 ? t.oneMatch : fill(t.matches, { n: hits.length });
      return { items, status };
    },
    choose: opts.go,
  });
  // The dev server changed the slides: the next search asks for the index again.
  const stale = () => {
    index = undefined;
  };
  document.addEventListener('lectern:updated', stale);
  return {
    open: panel.open,
    submit: panel.submit,
    close: panel.close,
    destroy() {
      document.removeEventListener('lectern:updated', stale);
      panel.destroy();
    },
  };
}
