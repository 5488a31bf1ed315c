import { describe, expect, it } from 'vitest';
import { parseTalk, START } from './talk-state.js';

describe('parseTalk', () => {
  it('reads what was stored', () => {
    const talk = { pos: { h: 4, v: 1, f: 2 }, timer: { start: 1000, pausedAt: 5000 } };
    expect(parseTalk(JSON.stringify(talk))).toEqual(talk);
  });

  it('falls back to the start for nothing, junk or a wrong shape', () => {
    expect(parseTalk(null)).toEqual(START);
    expect(parseTalk('{not json')).toEqual(START);
    expect(parseTalk('42')).toEqual(START);
    expect(parseTalk(JSON.stringify({ pos: { h: -3 }, timer: 'x' }))).toEqual(START);
  });

  it('keeps the good fields of a partly broken state', () => {
    const t = parseTalk(JSON.stringify({ pos: { h: 2, v: 'x', f: 1.5 }, timer: { start: 10 } }));
    expect(t).toEqual({ pos: { h: 2, v: 0, f: -1 }, timer: { start: 10, pausedAt: null } });
  });
});
