import { describe, expect, it } from 'vitest';
import { foldText, jumpMatches } from './jump.js';

const deck = [
  { index: 0, title: 'Where reasoning comes from' },
  { index: 1, title: 'Chain-of-thought prompting' },
  { index: 2, title: 'GPT-3 and in-context learning' },
  { index: 3, title: '' },
  { index: 4, title: '复杂推理从哪里来' },
  { index: 5, title: '思维链提示' },
  { index: 6, title: 'Prompting without a chain' },
  { index: 11, title: 'Éléments de raisonnement' },
];
const titles = (q: string) => jumpMatches(q, deck).map((m) => m.title);

describe('jump matches', () => {
  it('names a slide by the number every view shows', () => {
    expect(jumpMatches('12', deck)[0]).toEqual({ index: 11, title: 'Éléments de raisonnement', byNumber: true });
    expect(jumpMatches('#5', deck)[0]?.index).toBe(4);
    expect(jumpMatches('slide 2', deck)[0]?.index).toBe(1);
    // A full-width number, as a Chinese input method types it.
    expect(jumpMatches('１２', deck)[0]?.index).toBe(11);
    expect(jumpMatches('99', deck)).toEqual([]);
  });

  it('matches words of titles in any case and width, best first', () => {
    expect(titles('prompting')).toEqual(['Prompting without a chain', 'Chain-of-thought prompting']);
    expect(titles('CHAIN')).toEqual(['Chain-of-thought prompting', 'Prompting without a chain']);
    expect(titles('ｇｐｔ')).toEqual(['GPT-3 and in-context learning']);
    expect(titles('context gpt')).toEqual(['GPT-3 and in-context learning']);
    expect(titles('elements')).toEqual(['Éléments de raisonnement']);
    expect(titles('zebra')).toEqual([]);
    // A word inside another word still matches, after those where a word starts so.
    expect(titles('ain')).toEqual(['Chain-of-thought prompting', 'Prompting without a chain']);
  });

  it('matches Chinese titles by any part of them', () => {
    expect(titles('推理')).toEqual(['复杂推理从哪里来']);
    expect(titles('思维链')).toEqual(['思维链提示']);
    expect(titles('提示 思维')).toEqual(['思维链提示']);
  });

  it('puts the numbered slide before titles holding the number', () => {
    expect(jumpMatches('3', deck).map((m) => [m.index, m.byNumber])).toEqual([[2, true]]);
    expect(jumpMatches('3', [...deck, { index: 20, title: 'GPT 3 results' }]).map((m) => m.index)).toEqual([2, 20]);
  });

  it('folds text for matching', () => {
    expect(foldText('  ＡＢＣ  Déjà\tvu ')).toBe('abc deja vu');
    expect(jumpMatches('   ', deck)).toEqual([]);
  });
});
