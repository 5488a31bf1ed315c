import { describe, expect, it } from 'vitest';
import { parseTimer } from './speaker-model.js';
import { parsePos, START } from './talk-state.js';

describe('talk state, read back', () => {
  it('reads what was stored', () => {
    expect(parsePos(JSON.stringify({ h: 4, v: 1, f: 2 }))).toEqual({ h: 4, v: 1, f: 2 });
    expect(parseTimer(JSON.stringify({ start: 1000, pausedAt: 5000 }))).toEqual({ start: 1000, pausedAt: 5000 });
  });

  it('falls back to the start for nothing, junk or a wrong shape', () => {
    expect(parsePos(null)).toEqual(START.pos);
    expect(parsePos('{not json')).toEqual(START.pos);
    expect(parsePos('42')).toEqual(START.pos);
    expect(parsePos(JSON.stringify({ h: -3 }))).toEqual(START.pos);
    expect(parseTimer('"x"')).toEqual(START.timer);
  });

  it('keeps the good fields of a partly broken position', () => {
    expect(parsePos(JSON.stringify({ h: 2, v: 'x', f: 1.5 }))).toEqual({ h: 2, v: 0, f: -1 });
  });
});
