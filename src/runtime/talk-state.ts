/**
 * The talk's state — where the lecture is and its timer — shared by the deck tab and the speaker view of
 * one browser. Kept in localStorage (under one key per deck), so it outlives either window: a reopened
 * speaker view keeps the elapsed time, and a reopened deck is sent back to where the speaker view is.
 * The shape is defined here once, read back defensively (storage is anyone's to edit).
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

/**
 * Each part under its own key, so the deck (which writes the position) and a speaker view (which writes
 * the timer, and the position while no deck is open) never overwrite each other's part with a stale copy.
 */
export const talkKeys = (slug: string): Record<keyof TalkState, string> => ({
  pos: `lectern-talk:${slug}:pos`,
  timer: `lectern-talk:${slug}:timer`,
});

const index = (x: unknown, min: number): number | null => (typeof x === 'number' && Number.isInteger(x) && x >= min && x < 1e6 ? x : null);

/** A stored position; anything malformed is the first slide (per field where possible). */
export function parsePos(raw: string | null): DeckPosition {
  let p: Partial<Record<keyof DeckPosition, unknown>> = {};
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (parsed && typeof parsed === 'object') p = parsed as typeof p;
  } catch {
    return START.pos;
  }
  const h = index(p.h, 0);
  return h === null ? START.pos : { h, v: index(p.v, 0) ?? 0, f: index(p.f, -1) ?? -1 };
}

export function loadTalk(slug: string): TalkState {
  try {
    const keys = talkKeys(slug);
    return { pos: parsePos(localStorage.getItem(keys.pos)), timer: parseTimer(localStorage.getItem(keys.timer)) };
  } catch {
    return START;
  }
}

/** Stores the parts given (the deck writes the position, the speaker view the timer and its own steps). */
export function saveTalk(slug: string, patch: Partial<TalkState>): void {
  const keys = talkKeys(slug);
  try {
    if (patch.pos) localStorage.setItem(keys.pos, JSON.stringify(patch.pos));
    if (patch.timer) localStorage.setItem(keys.timer, JSON.stringify(patch.timer));
  } catch {}
}

/** Calls back when another window of this browser changed the talk's state; returns the unsubscribe. */
export function onTalkChange(slug: string, changed: (talk: TalkState) => void): () => void {
  const keys = Object.values(talkKeys(slug));
  // Read storage again rather than trusting the event's value: events arrive late, after newer writes.
  const listener = (e: StorageEvent) => {
    if (e.key && keys.includes(e.key)) changed(loadTalk(slug));
  };
  addEventListener('storage', listener);
  return () => removeEventListener('storage', listener);
}

/** The lecture's ink (src/model/ink.ts), beside the talk's state: kept per deck, shared by its windows. */
export const inkKey = (slug: string): string => `lectern-talk:${slug}:ink`;
/** The blank board page the deck's windows show (absent: the slide), beside the ink: opened in one window, shown in the other. */
export const boardKey = (slug: string): string => `lectern-talk:${slug}:board`;

/** The board page stored for the deck, if one is shown. */
export function storedBoard(slug: string): number | undefined {
  try {
    const n = Number(localStorage.getItem(boardKey(slug)) ?? Number.NaN);
    return Number.isInteger(n) && n >= 0 && n < 100 ? n : undefined;
  } catch {
    return undefined;
  }
}
