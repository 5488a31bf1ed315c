/**
 * The one parser each way of the live channel's messages (shapes and limits: live.ts). Apart from live.ts,
 * which every deck page loads for its keys and config id, because reading ink messages needs ink-ops.ts:
 * a page that is not live loads none of it.
 */
import { parseInkOp } from './ink-ops.js';
import { type LecturerMessage, LIMITS, type LiveInk, type ServerMessage } from './live.js';

const isIndex = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= LIMITS.maxIndex;
const isBoard = (x: unknown): x is number => isIndex(x, 0) && x < LIMITS.maxBoardPages;

const inkMessage = (o: Record<string, unknown>): LiveInk | undefined => {
  const op = parseInkOp(o);
  return op && { t: 'ink', ...op };
};

/** The one parser for what a lecturer sends; anything else (bad JSON, extra size, wrong types) is undefined. */
export function parseLecturerMessage(data: string): LecturerMessage | undefined {
  if (data.length > LIMITS.lecturerMaxPayload) return undefined;
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const o = m as Record<string, unknown>;
  if (o.t === 'ink') return inkMessage(o);
  if (o.t !== 'pos' || data.length > LIMITS.maxPayload) return undefined;
  if (!isIndex(o.h, 0) || !isIndex(o.v, 0) || !isIndex(o.f, -1)) return undefined;
  if (typeof o.id !== 'string' || o.id.length > LIMITS.maxIdLength) return undefined;
  if (o.black !== undefined && typeof o.black !== 'boolean') return undefined;
  if (o.board !== undefined && !isBoard(o.board)) return undefined;
  const message: LecturerMessage = { t: 'pos', h: o.h, v: o.v, f: o.f, id: o.id, black: o.black === true };
  if (isBoard(o.board)) message.board = o.board;
  return message;
}

/** A follower's reading of a server message; unknown types are ignored (undefined). */
export function parseServerMessage(data: string): ServerMessage | undefined {
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  if (o.t === 'audience' && typeof o.count === 'number') return { t: 'audience', count: o.count };
  if (o.t === 'ink') return inkMessage(o);
  if (o.t !== 'state' || typeof o.seq !== 'number') return undefined;
  const p = o.pos as Record<string, unknown> | null;
  const pos =
    p && isIndex(p.h, 0) && isIndex(p.v, 0) && isIndex(p.f, -1) && typeof p.id === 'string' ? { h: p.h, v: p.v, f: p.f, id: p.id } : null;
  const state: ServerMessage = { t: 'state', seq: o.seq, pos, black: o.black === true, lecturer: o.lecturer === true };
  if (isBoard(o.board)) state.board = o.board;
  return state;
}
