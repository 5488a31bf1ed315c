import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { MINISEARCH_OPTIONS, QUERY_OPTIONS, queryTerms, type SearchDoc, tokenize } from './search.js';

describe('course search terms', () => {
  it('indexes Latin words and CJK characters with their neighbouring pairs', () => {
    expect(tokenize('Chain-of-Thought 复杂推理')).toEqual(['chain', 'of', 'thought', '复', '杂', '推', '理', '复杂', '杂推', '推理']);
    expect(queryTerms('Thought 推理')).toEqual(['thought', '推理']);
    expect(queryTerms('推')).toEqual(['推']);
  });

  it('finds a CJK word inside a longer run, and a Latin prefix', () => {
    const doc = (id: string, text: string): SearchDoc => ({ id, title: '', text, notes: '', deck: '', href: '', label: '' });
    const mini = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
    mini.addAll([doc('a', 'LLM 复杂推理的来源'), doc('b', 'in-context learning')]);
    const search = (q: string) => mini.search(queryTerms(q).join(' '), QUERY_OPTIONS).map((r) => r.id);
    expect(search('推理')).toEqual(['a']);
    expect(search('来')).toEqual(['a']);
    expect(search('learn')).toEqual(['b']);
    expect(search('推理 learning')).toEqual([]);
  });
});
