import type MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, QUERY_OPTIONS, queryTerms, type SearchDoc } from '../model/search.js';
import { uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';

/**
 * The course home's search: nothing of it (MiniSearch, the index) is loaded until the reader first types
 * or focuses the box; results link to the slide in reading mode.
 */
type Stored = Pick<SearchDoc, 'title' | 'deck' | 'href' | 'label' | 'text' | 'notes'>;
const MAX_RESULTS = 30;
const SNIPPET = 60;

/** A short excerpt of `text` around the first of `terms`, with the matches marked. */
export function snippet(text: string, terms: string[]): DocumentFragment {
  const lower = text.toLowerCase();
  const hits = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, first - SNIPPET / 2);
  const part = text.slice(start, start + SNIPPET * 2);
  const out = document.createDocumentFragment();
  if (start > 0) out.append('…');
  const pattern = terms.filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = pattern.length ? new RegExp(`(${pattern.join('|')})`, 'gi') : undefined;
  for (const piece of re ? part.split(re) : [part]) {
    if (!piece) continue;
    if (re && pattern.some((p) => new RegExp(`^${p}$`, 'i').test(piece))) out.append(el('mark', {}, piece));
    else out.append(piece);
  }
  if (start + SNIPPET * 2 < text.length) out.append('…');
  return out;
}

/** The text a hit's excerpt comes from: the slide's, or its notes' when the words are only there. */
export function hitBody(doc: Pick<SearchDoc, 'text' | 'notes'>, terms: string[]): { body: string; inNotes: boolean } {
  const inText = (doc.text ?? '').toLowerCase().includes(terms[0] ?? '');
  return inText || !doc.notes ? { body: doc.text ?? '', inNotes: false } : { body: doc.notes, inNotes: true };
}

/** MiniSearch and a serialized index (`href`), loaded together on first use. */
export async function loadIndex(href: string): Promise<MiniSearch<SearchDoc>> {
  const [{ default: Mini }, json] = await Promise.all([
    import('minisearch'),
    fetch(href).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.text();
    }),
  ]);
  return Mini.loadJSON<SearchDoc>(json, MINISEARCH_OPTIONS);
}

/** A query's hits, best first (every term required, Latin words as prefixes). */
export function searchHits(mini: MiniSearch<SearchDoc>, query: string): { terms: string[]; hits: (Stored & { id: string })[] } {
  const terms = queryTerms(query);
  const hits = terms.length ? mini.search(terms.join(' '), QUERY_OPTIONS) : [];
  return { terms, hits: hits as unknown as (Stored & { id: string })[] };
}

export function initSearch(root: HTMLElement): { destroy: () => void } {
  const form = root.querySelector<HTMLFormElement>('form[data-index]');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('.course-search-status');
  const list = root.querySelector<HTMLOListElement>('.course-search-results');
  if (!form || !input || !status || !list) return { destroy: () => {} };
  const t = uiStrings(document.documentElement.lang).home;
  let index: Promise<MiniSearch<SearchDoc>> | undefined;
  const load = () => {
    index ??= loadIndex(new URL(form.dataset.index ?? '', location.href).href);
    return index;
  };
  let run = 0;
  const search = async () => {
    const query = input.value.trim();
    const mine = ++run;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = t.searching;
    let mini: MiniSearch<SearchDoc>;
    try {
      mini = await load();
    } catch {
      index = undefined;
      if (mine === run) status.textContent = t.searchFailed;
      return;
    }
    if (mine !== run) return;
    const { terms, hits } = searchHits(mini, query);
    list.replaceChildren(
      ...hits.slice(0, MAX_RESULTS).map((doc) => {
        const { body, inNotes } = hitBody(doc, terms);
        const link = el('a', { href: doc.href, class: 'search-hit' });
        link.append(
          el('span', { class: 'search-hit-deck' }, `${doc.deck} · ${doc.label}`),
          el('span', { class: 'search-hit-title' }, doc.title || doc.deck),
        );
        const text = el('span', { class: 'search-hit-text' });
        text.append(snippet(body, terms));
        if (inNotes) text.append(el('small', {}, ` (${t.inNotes})`));
        link.append(text);
        const item = el('li', {});
        item.append(link);
        return item;
      }),
    );
    status.textContent = hits.length ? `${hits.length} ${t.results}` : t.noResults;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onInput = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 120);
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void search();
  };
  input.addEventListener('input', onInput);
  form.addEventListener('submit', onSubmit);
  return {
    destroy: () => {
      clearTimeout(timer);
      input.removeEventListener('input', onInput);
      form.removeEventListener('submit', onSubmit);
    },
  };
}
