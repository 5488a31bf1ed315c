/** The course's search index, built with the site: one MiniSearch document per slide of every lecture. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { deckHref } from '../model/deck-path.js';
import { slideId, slideLabel, slideNumbers } from '../model/page.js';
import { MINISEARCH_OPTIONS, type SearchDoc } from '../model/search.js';
import type { Deck } from '../model/types.js';
import { cachedDeckIndex, cachedSearchIndex, loadLastIndex } from './search-cache.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Readable text of rendered slide markup: tags, KaTeX's MathML twin and SVG left out, entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<(math|svg|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchDocs(decks: Deck[]): SearchDoc[] {
  return decks.flatMap((deck) => {
    const numbers = slideNumbers(deck.slides);
    return deck.slides.flatMap((s, i) => {
      const n = numbers[i];
      if (n === undefined) return [];
      const id = slideId(n);
      return [
        {
          id: `${deck.slug}#${id}`,
          title: s.title,
          text: plainText(s.html),
          notes: plainText(s.notesHtml),
          deck: deck.meta.title,
          href: `${deckHref(deck.slug)}?view=read#${id}`,
          label: slideLabel(n),
        },
      ];
    });
  });
}

const searchCacheDir = (cacheDir: string) => join(cacheDir, 'lectern-search');

/** `vite build --watch`, between builds: the course index is loaded now, so the next save only updates it. */
export function warmSearchIndex(cacheDir: string): void {
  loadLastIndex(searchCacheDir(cacheDir));
}

/**
 * The serialized index (JSON) the home page fetches on its first search. `cacheDir`: made from the last
 * build's index there, indexing only the lectures that changed (see search-cache.ts).
 */
export function buildSearchIndex(decks: Deck[], cacheDir?: string): string {
  if (cacheDir) return cachedSearchIndex(new Map(decks.map((d) => [d.slug, searchDocs([d])])), searchCacheDir(cacheDir));
  const index = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
  index.addAll(searchDocs(decks));
  return JSON.stringify(index);
}

/**
 * One lecture's index (its slides and notes): what its own search panel loads (Ctrl+Shift+F), same options as the
 * course's. `cacheDir`: kept there by content (see search-cache.ts).
 */
export function deckSearchIndex(deck: Deck, cacheDir?: string): string {
  if (cacheDir) return cachedDeckIndex(searchDocs([deck]), join(cacheDir, 'lectern-search'));
  const index = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
  index.addAll(searchDocs([deck]));
  return JSON.stringify(index);
}

/** An index file's name under the site's assets folder, by its content (`assets/search-0123456789.json`). */
export function searchFileName(assetsDir: string, source: string): string {
  return `${assetsDir}/search-${createHash('sha256').update(source).digest('hex').slice(0, 10)}.json`;
}
