import { describe, expect, it } from 'vitest';
import { LIMITS, RECONNECT, reconnectDelay } from './live.js';
import { parseLecturerMessage, parseServerMessage } from './live-messages.js';

describe('parseLecturerMessage', () => {
  it('reads a position', () => {
    expect(parseLecturerMessage('{"t":"pos","h":3,"v":1,"f":-1,"id":"slide-4-2"}')).toEqual({
      t: 'pos',
      h: 3,
      v: 1,
      f: -1,
      id: 'slide-4-2',
      black: false,
    });
    expect(parseLecturerMessage('{"t":"pos","h":3,"v":1,"f":-1,"id":"slide-4-2","black":true}')).toMatchObject({ black: true });
  });

  it('keeps only the fields it knows', () => {
    expect(parseLecturerMessage('{"t":"pos","h":0,"v":0,"f":2,"id":"x","lecturer":"k","__proto__":{"a":1}}')).toEqual({
      t: 'pos',
      h: 0,
      v: 0,
      f: 2,
      id: 'x',
      black: false,
    });
  });

  it.each([
    ['not JSON', '{"t":"pos"'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a string', '"pos"'],
    ['an unknown type', '{"t":"ink","h":0,"v":0,"f":0,"id":""}'],
    ['a negative slide', '{"t":"pos","h":-1,"v":0,"f":0,"id":""}'],
    ['a fraction', '{"t":"pos","h":1.5,"v":0,"f":0,"id":""}'],
    ['a fragment below -1', '{"t":"pos","h":1,"v":0,"f":-2,"id":""}'],
    ['a huge index', '{"t":"pos","h":1e9,"v":0,"f":0,"id":""}'],
    ['a string index', '{"t":"pos","h":"1","v":0,"f":0,"id":""}'],
    ['a blackout that is not a boolean', '{"t":"pos","h":1,"v":0,"f":0,"id":"","black":"yes"}'],
    ['a missing id', '{"t":"pos","h":1,"v":0,"f":0}'],
    ['a long id', JSON.stringify({ t: 'pos', h: 1, v: 0, f: 0, id: 'x'.repeat(LIMITS.maxIdLength + 1) })],
    ['an oversized frame', `{"t":"pos","h":1,"v":0,"f":0,"id":"","pad":"${' '.repeat(LIMITS.maxPayload)}"}`],
  ])('drops %s', (_what, data) => {
    expect(parseLecturerMessage(data)).toBeUndefined();
  });
});

describe('parseServerMessage', () => {
  it('reads a state and the audience count, and ignores types it does not know (a newer server)', () => {
    expect(parseServerMessage('{"t":"state","seq":4,"pos":{"h":1,"v":0,"f":0,"id":"slide-2"},"lecturer":true}')).toEqual({
      t: 'state',
      seq: 4,
      pos: { h: 1, v: 0, f: 0, id: 'slide-2' },
      black: false,
      lecturer: true,
    });
    expect(parseServerMessage('{"t":"state","seq":0,"pos":null,"lecturer":false}')).toMatchObject({ pos: null });
    expect(parseServerMessage('{"t":"state","seq":5,"pos":null,"black":true,"lecturer":true}')).toMatchObject({ black: true });
    expect(parseServerMessage('{"t":"audience","count":12}')).toEqual({ t: 'audience', count: 12 });
    expect(parseServerMessage('{"t":"ink","stroke":[]}')).toBeUndefined();
    expect(parseServerMessage('garbage')).toBeUndefined();
  });
});

describe('ink on the live channel', () => {
  const draw = { t: 'ink', op: 'draw', place: 'slide-2', id: 's1', tool: 'pen', color: '#e0245e', size: 6, from: 0, pts: [1, 2, 0.5] };
  it("reads the lecturer's ink both ways, with only its own fields", () => {
    expect(parseLecturerMessage(JSON.stringify({ ...draw, lecturer: 'k' }))).toEqual(draw);
    expect(parseServerMessage(JSON.stringify(draw))).toEqual(draw);
    expect(parseLecturerMessage('{"t":"ink","op":"keep","place":"board-1","ids":[]}')).toEqual({
      t: 'ink',
      op: 'keep',
      place: 'board-1',
      ids: [],
    });
  });
  it('carries the blank board page the lecturer shows, within bounds', () => {
    expect(parseLecturerMessage('{"t":"pos","h":1,"v":0,"f":-1,"id":"slide-2","board":2}')).toMatchObject({ board: 2 });
    expect(parseLecturerMessage('{"t":"pos","h":1,"v":0,"f":-1,"id":"slide-2","board":-1}')).toBeUndefined();
    expect(parseLecturerMessage(`{"t":"pos","h":1,"v":0,"f":-1,"id":"slide-2","board":${LIMITS.maxBoardPages}}`)).toBeUndefined();
    expect(parseServerMessage('{"t":"state","seq":1,"pos":null,"lecturer":true,"board":0}')).toMatchObject({ board: 0 });
    expect(parseServerMessage('{"t":"state","seq":1,"pos":null,"lecturer":true,"board":"x"}')).not.toHaveProperty('board');
  });
  it("drops bad ink, ink past the lecturer's frame size, and a position past the audience's", () => {
    expect(parseLecturerMessage(JSON.stringify({ ...draw, place: 'constructor' }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ ...draw, pts: [1, 2] }))).toBeUndefined();
    expect(parseLecturerMessage(JSON.stringify({ ...draw, pad: ' '.repeat(LIMITS.lecturerMaxPayload) }))).toBeUndefined();
    expect(
      parseLecturerMessage(JSON.stringify({ t: 'pos', h: 1, v: 0, f: 0, id: '', pad: ' '.repeat(LIMITS.maxPayload) })),
    ).toBeUndefined();
  });
});

describe('reconnectDelay', () => {
  it('doubles up to a bound, with jitter between half and all of it', () => {
    expect(reconnectDelay(0, 1)).toBe(RECONNECT.minMs);
    expect(reconnectDelay(0, 0)).toBe(RECONNECT.minMs / 2);
    expect(reconnectDelay(3, 1)).toBe(RECONNECT.minMs * 8);
    expect(reconnectDelay(50, 1)).toBe(RECONNECT.maxMs);
  });
});
