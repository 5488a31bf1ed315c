import { describe, expect, it } from 'vitest';
import { type Ink, type InkStroke, inkOf, serializeInk } from './ink.js';
import {
  applyInkOp,
  drawOps,
  emptyInkState,
  INK_LIMITS,
  type InkOp,
  type InkState,
  inkDiff,
  inkSnapshot,
  parseInkOp,
  placesOf,
  withIds,
} from './ink-ops.js';

const line = (id: string, n: number, y = 100): InkStroke => ({
  id,
  tool: 'pen',
  color: '#e0245e',
  size: 6,
  points: Array.from({ length: n }, (_, i) => [10 + i, y, 0.5]).flat(),
});
const ink = (slides: Record<string, InkStroke[]>, board: InkStroke[][] = []): Ink => ({ slides, board });
const replay = (ops: InkOp[], into = emptyInkState()) => {
  for (const op of ops) applyInkOp(into, op);
  return into;
};
const idsOf = (s: InkState) => Object.fromEntries([...s.places].map(([k, v]) => [k, v.map((x) => `${x.id}:${x.points.length / 3}`)]));

describe('ink messages: parsing', () => {
  const draw = { op: 'draw', place: 'slide-3', id: 'sab12', tool: 'pen', color: '#1d6fe0', size: 6, from: 0, pts: [1, 2, 0.5, 3, 4, 0.5] };
  it('accepts the three shapes and copies only their fields', () => {
    expect(parseInkOp({ ...draw, extra: 'x' })).toEqual(draw);
    expect(parseInkOp({ op: 'keep', place: 'board-2', ids: ['a', 'b'] })).toEqual({ op: 'keep', place: 'board-2', ids: ['a', 'b'] });
    expect(parseInkOp({ op: 'places', places: ['slide-1'] })).toEqual({ op: 'places', places: ['slide-1'] });
  });
  it('refuses anything malformed or out of bounds', () => {
    const bad: unknown[] = [
      null,
      [],
      'draw',
      { ...draw, op: 'erase' },
      { ...draw, place: 'slide-0' },
      { ...draw, place: '../slide-1' },
      { ...draw, place: '__proto__' },
      { ...draw, id: '' },
      { ...draw, id: 'x'.repeat(25) },
      { ...draw, id: '<img>' },
      { ...draw, tool: 'eraser' },
      { ...draw, color: 'red' },
      { ...draw, color: 'url(#x)' },
      { ...draw, size: 0 },
      { ...draw, size: 1e9 },
      { ...draw, from: -1 },
      { ...draw, from: 1.5 },
      { ...draw, from: INK_LIMITS.pointsPerStroke + 1 },
      { ...draw, pts: [] },
      { ...draw, pts: [1, 2] },
      { ...draw, pts: [1, 2, '0.5'] },
      { ...draw, pts: [1e6, 2, 0.5] },
      { ...draw, pts: [1, 2, 2] },
      { ...draw, pts: [1, Number.NaN, 0.5] },
      { ...draw, pts: Array.from({ length: (INK_LIMITS.pointsPerMessage + 1) * 3 }, () => 1) },
      { op: 'keep', place: 'slide-1', ids: Array.from({ length: INK_LIMITS.strokesPerPlace + 1 }, (_, i) => `s${i}`) },
      { op: 'keep', place: 'slide-1', ids: [7] },
      { op: 'keep', place: 'slide-1', ids: 'a' },
      { op: 'places', places: ['slide-1', 'nowhere'] },
      { op: 'places', places: Array.from({ length: INK_LIMITS.places + 1 }, (_, i) => `slide-${i + 1}`) },
    ];
    for (const x of bad) expect(parseInkOp(x), JSON.stringify(x)?.slice(0, 80)).toBeUndefined();
  });
  it('cuts a long stroke into bounded messages with rounded numbers', () => {
    const s = line('s1', 600);
    s.points[0] = 10.123456;
    const ops = drawOps('slide-2', s);
    expect(ops.map((o) => [o.from, o.pts.length / 3])).toEqual([
      [0, 256],
      [256, 256],
      [512, 88],
    ]);
    expect(ops[0]?.pts[0]).toBe(10.1);
    for (const op of ops) expect(parseInkOp(JSON.parse(JSON.stringify(op)))).toEqual(op);
  });
});

describe('ink messages: one state everywhere', () => {
  it('a stroke grows point batch by point batch; batches sent again change nothing; a gap is refused', () => {
    const state = emptyInkState();
    const [a, b] = drawOps('slide-1', line('s1', 300));
    expect(applyInkOp(state, a as InkOp)).toBe(true);
    expect(applyInkOp(state, a as InkOp)).toBe(false);
    expect(applyInkOp(state, { ...(b as InkOp & { op: 'draw' }), from: 300 })).toBe(false);
    expect(applyInkOp(state, b as InkOp)).toBe(true);
    expect(idsOf(state)).toEqual({ 'slide-1': ['s1:300'] });
    expect(state.points).toBe(300);
    expect(
      applyInkOp(state, { op: 'draw', place: 'slide-1', id: 'new', tool: 'pen', color: '#111111', size: 6, from: 5, pts: [1, 1, 0.5] }),
    ).toBe(false);
  });

  it('keep orders and removes strokes (undo, erase, clear); places drops whole places', () => {
    const state = replay([...drawOps('slide-1', line('a', 3)), ...drawOps('slide-1', line('b', 4)), ...drawOps('board-1', line('c', 5))]);
    expect(applyInkOp(state, { op: 'keep', place: 'slide-1', ids: ['b', 'a', 'zz'] })).toBe(true);
    expect(idsOf(state)['slide-1']).toEqual(['b:4', 'a:3']);
    expect(applyInkOp(state, { op: 'keep', place: 'slide-1', ids: ['b', 'a'] })).toBe(false);
    expect(applyInkOp(state, { op: 'keep', place: 'slide-1', ids: [] })).toBe(true);
    expect(state.places.has('slide-1')).toBe(false);
    expect(state.points).toBe(5);
    expect(applyInkOp(state, { op: 'places', places: [] })).toBe(true);
    expect(state).toEqual(emptyInkState());
  });

  it('holds no more than its limits: strokes per place, points per stroke, places, points in all', () => {
    const state = emptyInkState();
    for (let i = 0; i < INK_LIMITS.strokesPerPlace + 5; i++) replay(drawOps('slide-1', line(`s${i}`, 1)), state);
    expect(state.places.get('slide-1')).toHaveLength(INK_LIMITS.strokesPerPlace);
    replay(drawOps('slide-2', line('long', INK_LIMITS.pointsPerStroke + 300)), state);
    expect((state.places.get('slide-2')?.[0]?.points.length ?? 0) / 3).toBeLessThanOrEqual(INK_LIMITS.pointsPerStroke);
    for (let i = 0; i < INK_LIMITS.places + 10; i++) replay(drawOps(`board-${i + 1}`, line('x', 1)), state);
    expect(state.places.size).toBe(INK_LIMITS.places);
    for (let i = 0; i < 30; i++) replay(drawOps(`slide-${i + 3}`, line('big', INK_LIMITS.pointsPerStroke)), state);
    expect(state.points).toBeLessThanOrEqual(INK_LIMITS.totalPoints);
  });

  it('the lecturer sends only what the server lacks; a snapshot rebuilds the state for a late joiner', () => {
    const sent = emptyInkState();
    const lecture = withIds(ink({ 'slide-2': [line('a', 10), line('b', 20)] }, [[line('c', 7)]]));
    const first = inkDiff(sent, lecture);
    const server = replay(first);
    expect(idsOf(server)).toEqual({ 'slide-2': ['a:10', 'b:20'], 'board-1': ['c:7'] });
    expect(inkDiff(sent, lecture)).toEqual([]);
    // A stroke grows while drawn, then undo removes another; then a slide is cleared.
    (lecture.slides['slide-2'] as InkStroke[])[1]?.points.push(50, 50, 0.5);
    lecture.slides['slide-2'] = [lecture.slides['slide-2']?.[1] as InkStroke];
    const second = inkDiff(sent, lecture);
    expect(second.map((o) => o.op)).toEqual(['draw', 'keep']);
    replay(second, server);
    expect(idsOf(server)['slide-2']).toEqual(['b:21']);
    lecture.slides = {};
    replay(inkDiff(sent, lecture), server);
    expect(idsOf(server)).toEqual({ 'board-1': ['c:7'] });
    // A follower holding stale ink is brought to the server's.
    const stale = replay([...drawOps('slide-9', line('old', 3)), ...drawOps('board-1', line('c', 2))]);
    expect(idsOf(replay(inkSnapshot(server), stale))).toEqual(idsOf(server));
  });

  it('a saved file (no ids) gets the same ids on every load; the file never carries them', () => {
    const saved: Ink = { slides: { 'slide-1': [{ tool: 'pen', color: '#111111', size: 4, points: [1, 2, 0.5] }] }, board: [] };
    const text = serializeInk(saved, 'd');
    const a = withIds(inkOf(JSON.parse(text)));
    const b = withIds(inkOf(JSON.parse(text)));
    expect(a.slides['slide-1']?.[0]?.id).toBe('f0');
    expect(placesOf(a)).toEqual(placesOf(b));
    expect(serializeInk(a, 'd')).toBe(text);
  });
});
