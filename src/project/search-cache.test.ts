import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { MINISEARCH_OPTIONS, QUERY_OPTIONS, queryTerms, type SearchDoc } from '../model/search.js';
import { cachedDeckIndex, cachedSearchIndex } from './search-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-search-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = (slug: string, n: number, text: string, notes = ''): SearchDoc => ({
  id: `${slug}#slide-${n}`,
  title: `${slug} ${n}`,
  text,
  notes,
  deck: slug,
  href: `./${slug}/?view=read#slide-${n}`,
  label: String(n),
});
const course = (lectures: Record<string, SearchDoc[]>) => new Map(Object.entries(lectures));
const fresh = (bySlug: Map<string, SearchDoc[]>) => {
  const index = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
  for (const docs of bySlug.values()) index.addAll(docs);
  return index;
};
const results = (index: MiniSearch<SearchDoc>, query: string) =>
  index
    .search(queryTerms(query).join(' '), QUERY_OPTIONS)
    .map((r) => `${r.id} ${r.score.toFixed(6)}`)
    .sort();

describe('the search index kept between builds', () => {
  it('after lectures change, are added or removed, it answers every query as a fresh index does', () => {
    const steps = [
      course({
        a: [doc('a', 1, '注意力 attention heads'), doc('a', 2, 'induction', '归纳头 notes')],
        b: [doc('b', 1, 'phase change 相变')],
      }),
      // b edited, a unchanged: only b is indexed again.
      course({
        a: [doc('a', 1, '注意力 attention heads'), doc('a', 2, 'induction', '归纳头 notes')],
        b: [doc('b', 1, 'phase shift 相变 heads')],
      }),
      // c added, a removed.
      course({ b: [doc('b', 1, 'phase shift 相变 heads')], c: [doc('c', 1, 'attention is all', '注意力')] }),
    ];
    for (const step of steps) {
      const loaded = MiniSearch.loadJSON<SearchDoc>(cachedSearchIndex(step, dir), MINISEARCH_OPTIONS);
      const expected = fresh(step);
      expect(loaded.documentCount).toBe(expected.documentCount);
      for (const q of ['attention', 'heads', '注意力', '相变', 'phase', 'induction', '归纳头', 'shift'])
        expect(results(loaded, q), q).toEqual(results(expected, q));
    }
  });

  it('the same lectures give the very same file; a broken cache is rebuilt', () => {
    const step = course({ a: [doc('a', 1, 'one two')] });
    const first = cachedSearchIndex(step, dir);
    expect(cachedSearchIndex(step, dir)).toBe(first);
    writeFileSync(join(dir, 'index.json'), '{ not json');
    expect(JSON.parse(cachedSearchIndex(course({ a: [doc('a', 1, 'one three')] }), dir)).documentCount).toBe(1);
    writeFileSync(join(dir, 'meta.json'), '{ not json');
    expect(JSON.parse(cachedSearchIndex(step, dir)).documentCount).toBe(1);
  });
});

describe('a lecture’s own index', () => {
  it('is made once per content and reused, the same as a fresh one', () => {
    const deckDir = mkdtempSync(join(tmpdir(), 'lectern-deck-index-'));
    try {
      const docs: SearchDoc[] = [
        {
          id: 'a#slide-1',
          title: '思维链',
          text: 'chain of thought',
          notes: '聚焦',
          deck: 'A',
          href: './a/?view=read#slide-1',
          label: '1',
        },
      ];
      const first = cachedDeckIndex(docs, deckDir);
      const fresh = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
      fresh.addAll(docs);
      expect(first).toBe(JSON.stringify(fresh));
      expect(readdirSync(join(deckDir, 'decks'))).toHaveLength(1);
      expect(cachedDeckIndex(docs, deckDir)).toBe(first);
      const changed = [{ ...docs[0], notes: '别的' } as SearchDoc];
      const other = cachedDeckIndex(changed, deckDir);
      expect(MiniSearch.loadJSON<SearchDoc>(other, MINISEARCH_OPTIONS).search('别的')).toHaveLength(1);
      expect(readdirSync(join(deckDir, 'decks'))).toHaveLength(2);
    } finally {
      rmSync(deckDir, { recursive: true, force: true });
    }
  });
});
