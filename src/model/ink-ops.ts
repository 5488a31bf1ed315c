/**
 * Ink as it is drawn, as messages: what a deck window tells its speaker view while a stroke is under way
 * (the `lectern:<slug>` BroadcastChannel), and what the lecturer's deck sends the live server, which keeps
 * the lecture's ink and relays it to every follower (src/model/live.ts). One shape, one parser and one way
 * to apply a message, so the lecturer, the server and every follower hold the same strokes; every message
 * and the state it builds are bounded (INK_LIMITS). Pure: no DOM, no Node.
 *
 * - `draw`: points of stroke `id` on `place`, from its point `from` on. A stroke under way grows by these;
 *   `from` 0 starts it. Points a holder already has are ignored, so sending again is harmless.
 * - `keep`: the strokes of `place` are exactly these, in this order (a stroke ended, undo, erase, clear).
 * - `places`: only these places have ink (the lecturer's whole state, on every connect).
 */
import { type Ink, type InkStroke, type InkTool, isInkColor } from './ink.js';
import { SLIDE_SIZE } from './page.js';

export const INK_LIMITS = {
  /** Points in one `draw` message (a frame of drawing has a handful; a stroke sent whole is cut up). */
  pointsPerMessage: 256,
  pointsPerStroke: 10_000,
  strokesPerPlace: 500,
  /** Slides and board pages with ink. */
  places: 400,
  /** Points of the whole lecture's ink (~1.5 MB as JSON). */
  totalPoints: 100_000,
  idLength: 24,
} as const;

/** A slide (`slide-12`, page.ts's slideId) or a board page (`board-1`, from 1). */
export type InkPlaceKey = string;
const PLACE = /^(?:slide|board)-[1-9]\d{0,4}$/;
const ID = /^[A-Za-z0-9_-]{1,24}$/;
export const isPlaceKey = (x: unknown): x is string => typeof x === 'string' && PLACE.test(x);
export const boardPlace = (page: number): InkPlaceKey => `board-${page + 1}`;
export const boardPageOf = (key: InkPlaceKey): number | undefined => (key.startsWith('board-') ? Number(key.slice(6)) - 1 : undefined);

export interface InkDraw {
  op: 'draw';
  place: InkPlaceKey;
  id: string;
  tool: InkTool;
  color: string;
  size: number;
  from: number;
  pts: number[];
}
export type InkOp = InkDraw | { op: 'keep'; place: InkPlaceKey; ids: string[] } | { op: 'places'; places: InkPlaceKey[] };

/** A new stroke's id: random, short, unique within its place in practice. */
export const newStrokeId = (): string => `s${Math.random().toString(36).slice(2, 10)}`;

/** Ids for strokes that have none (a saved file's): their place and index, the same on every load. */
export function withIds(ink: Ink): Ink {
  const fill = (strokes: InkStroke[]) => {
    for (const [i, s] of strokes.entries()) s.id ??= `f${i}`;
  };
  for (const strokes of Object.values(ink.slides)) fill(strokes);
  for (const page of ink.board) fill(page);
  return ink;
}

/** The ink's places and their strokes (board pages as `board-N`). */
export function placesOf(ink: Ink): Map<InkPlaceKey, InkStroke[]> {
  const out = new Map<InkPlaceKey, InkStroke[]>();
  for (const [id, strokes] of Object.entries(ink.slides)) if (strokes.length && isPlaceKey(id)) out.set(id, strokes);
  for (const [i, strokes] of ink.board.entries()) if (strokes.length) out.set(boardPlace(i), strokes);
  return out;
}

const round = (n: number, by: number) => Math.round(n * by) / by;

/** `draw` messages carrying a stroke's points from point `from` on (rounded as the ink file rounds them). */
export function drawOps(place: InkPlaceKey, s: InkStroke, from = 0): InkDraw[] {
  const out: InkDraw[] = [];
  const n = s.points.length / 3;
  for (let at = from; at < n; at += INK_LIMITS.pointsPerMessage) {
    const pts = s.points
      .slice(at * 3, Math.min(n, at + INK_LIMITS.pointsPerMessage) * 3)
      .map((v, i) => (i % 3 === 2 ? round(v, 100) : round(v, 10)));
    out.push({ op: 'draw', place, id: s.id ?? '', tool: s.tool, color: s.color, size: round(s.size, 10), from: at, pts });
  }
  return out;
}

const isCount = (x: unknown, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/** The one parser of an ink message, from anyone: undefined unless every field is of its shape and within bounds. */
export function parseInkOp(x: unknown): InkOp | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  if (o.op === 'places') {
    const { places } = o;
    if (!Array.isArray(places) || places.length > INK_LIMITS.places || !places.every(isPlaceKey)) return undefined;
    return { op: 'places', places: [...places] };
  }
  if (!isPlaceKey(o.place)) return undefined;
  if (o.op === 'keep') {
    const { ids } = o;
    if (!Array.isArray(ids) || ids.length > INK_LIMITS.strokesPerPlace || !ids.every((i) => typeof i === 'string' && ID.test(i)))
      return undefined;
    return { op: 'keep', place: o.place, ids: [...ids] };
  }
  if (o.op !== 'draw' || typeof o.id !== 'string' || !ID.test(o.id)) return undefined;
  if (o.tool !== 'pen' && o.tool !== 'highlighter') return undefined;
  if (!isInkColor(o.color) || typeof o.size !== 'number' || !(o.size > 0 && o.size <= 100)) return undefined;
  if (!isCount(o.from, INK_LIMITS.pointsPerStroke)) return undefined;
  const p = o.pts;
  if (!Array.isArray(p) || p.length === 0 || p.length % 3 !== 0 || p.length > INK_LIMITS.pointsPerMessage * 3) return undefined;
  const [w, h] = [SLIDE_SIZE.width * 2, SLIDE_SIZE.height * 2];
  for (let i = 0; i < p.length; i += 3) {
    const [px, py, pr] = [p[i], p[i + 1], p[i + 2]];
    if (typeof px !== 'number' || typeof py !== 'number' || typeof pr !== 'number') return undefined;
    if (!(Math.abs(px) <= w && Math.abs(py) <= h && pr >= 0 && pr <= 1)) return undefined;
  }
  return { op: 'draw', place: o.place, id: o.id, tool: o.tool, color: o.color, size: o.size, from: o.from, pts: [...(p as number[])] };
}

/** The ink a server or a follower holds, built only by `applyInkOp`: strokes (with ids) per place, and their points in all. */
export interface InkState {
  places: Map<InkPlaceKey, InkStroke[]>;
  points: number;
}
export const emptyInkState = (): InkState => ({ places: new Map(), points: 0 });

const pointsIn = (strokes: readonly InkStroke[]) => strokes.reduce((n, s) => n + s.points.length / 3, 0);

/** Applies a parsed message within INK_LIMITS; true when the state changed (what a relay passes on). */
export function applyInkOp(state: InkState, op: InkOp): boolean {
  const { places } = state;
  if (op.op === 'places') {
    const keep = new Set(op.places);
    let changed = false;
    for (const [key, strokes] of places) {
      if (keep.has(key)) continue;
      state.points -= pointsIn(strokes);
      places.delete(key);
      changed = true;
    }
    return changed;
  }
  const strokes = places.get(op.place) ?? [];
  if (op.op === 'keep') {
    const byId = new Map(strokes.map((s) => [s.id, s]));
    const next = [...new Set(op.ids)].flatMap((id) => byId.get(id) ?? []);
    if (next.length === strokes.length && next.every((s, i) => s === strokes[i])) return false;
    state.points -= pointsIn(strokes) - pointsIn(next);
    if (next.length) places.set(op.place, next);
    else places.delete(op.place);
    return true;
  }
  let stroke = strokes.find((s) => s.id === op.id);
  const have = stroke ? stroke.points.length / 3 : 0;
  const end = op.from + op.pts.length / 3;
  if (op.from > have || end <= have || end > INK_LIMITS.pointsPerStroke) return false;
  if (state.points + end - have > INK_LIMITS.totalPoints) return false;
  if (!stroke) {
    if (strokes.length >= INK_LIMITS.strokesPerPlace || (!places.has(op.place) && places.size >= INK_LIMITS.places)) return false;
    stroke = { id: op.id, tool: op.tool, color: op.color, size: op.size, points: [] };
    strokes.push(stroke);
    places.set(op.place, strokes);
  }
  stroke.points.length = op.from * 3;
  stroke.points.push(...op.pts);
  state.points += end - have;
  return true;
}

/** The messages that build `state` from nothing (or over any older state): what a late joiner is sent. */
export function inkSnapshot(state: InkState): InkOp[] {
  const ops: InkOp[] = [{ op: 'places', places: [...state.places.keys()] }];
  for (const [place, strokes] of state.places) {
    for (const s of strokes) ops.push(...drawOps(place, s));
    ops.push({ op: 'keep', place, ids: strokes.map((s) => s.id ?? '') });
  }
  return ops;
}

/**
 * What to send so that a holder of `sent` holds `ink` (as far as the limits allow); `sent` is brought up
 * to date as the messages are made. The lecturer keeps `sent` as its picture of the server's state.
 */
export function inkDiff(sent: InkState, ink: Ink): InkOp[] {
  const target = placesOf(ink);
  const ops: InkOp[] = [];
  const push = (op: InkOp) => {
    applyInkOp(sent, op);
    ops.push(op);
  };
  if ([...sent.places.keys()].some((k) => !target.has(k))) push({ op: 'places', places: [...target.keys()].slice(0, INK_LIMITS.places) });
  for (const [place, strokes] of target) {
    const had = sent.places.get(place) ?? [];
    for (const s of strokes) {
      if (!s.id) continue;
      const old = had.find((h) => h.id === s.id);
      for (const op of drawOps(place, s, old ? old.points.length / 3 : 0)) push(op);
    }
    const ids = strokes.flatMap((s) => s.id ?? []).slice(0, INK_LIMITS.strokesPerPlace);
    const now = sent.places.get(place) ?? [];
    if (now.length !== ids.length || now.some((s, i) => s.id !== ids[i])) push({ op: 'keep', place, ids });
  }
  return ops;
}
