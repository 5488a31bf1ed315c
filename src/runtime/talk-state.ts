/**
 * The talk's state — where the lecture is and its timer — shared by the deck tab and the speaker view of
 * one browser. Kept in localStorage (under one key per deck), so it outlives either window: a reopened
 * speaker view keeps the elapsed time, and a reopened deck is sent back to where the speaker view is.
 * The shape is defined here once; `parseTalk` reads it defensively (storage is anyone's to edit).
 */
import type { DeckPosition } from './speaker-link.js';
import { IDLE, parseTimer, type TimerState } from './speaker-model.js';

export interface TalkState {
  /** Where the talk is (reveal's indices). */
  pos: DeckPosition;
  /** The lecture timer. */
  timer: TimerState;
}

export const START: TalkState = { pos: { h: 0, v: 0, f: -1 }, timer: IDLE };

export const talkKey = (slug: string): string => `lectern-talk:${slug}`;

const index = (x: unknown, min: number): number | null => (typeof x === 'number' && Number.isInteger(x) && x >= min && x < 1e6 ? x : null);

/** A stored talk state; anything malformed falls back to the start (per field). */
export function parseTalk(raw: string | null): TalkState {
  let data: { pos?: Partial<DeckPosition>; timer?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (parsed && typeof parsed === 'object') data = parsed as typeof data;
  } catch {
    return START;
  }
  const p = data.pos && typeof data.pos === 'object' ? data.pos : {};
  const h = index(p.h, 0);
  const pos = h === null ? START.pos : { h, v: index(p.v, 0) ?? 0, f: index(p.f, -1) ?? -1 };
  return { pos, timer: parseTimer(JSON.stringify(data.timer ?? null)) };
}

export function loadTalk(slug: string): TalkState {
  try {
    return parseTalk(localStorage.getItem(talkKey(slug)));
  } catch {
    return START;
  }
}

/** Stores part of the state (the deck writes the position, the speaker view the timer and its own steps). */
export function saveTalk(slug: string, patch: Partial<TalkState>): TalkState {
  const next = { ...loadTalk(slug), ...patch };
  try {
    localStorage.setItem(talkKey(slug), JSON.stringify(next));
  } catch {}
  return next;
}

/** Calls back when another window of this browser changed the talk's state; returns the unsubscribe. */
export function onTalkChange(slug: string, changed: (talk: TalkState) => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key === talkKey(slug)) changed(parseTalk(e.newValue));
  };
  addEventListener('storage', listener);
  return () => removeEventListener('storage', listener);
}
