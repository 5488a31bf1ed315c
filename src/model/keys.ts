/**
 * Every key a viewer can press, defined once: the help overlay (`?`) lists these rows, and the key handlers
 * take their keys from here where they can (Lectern's own letter keys, the speaker view's steps). reveal.js
 * answers to its own keys in presenting; the rows for those say what reveal does, so the overlay tells the
 * whole truth. Pure data: descriptions live in ui-strings.ts (`help.<action>`), key names in `keyNames`.
 */

import { LIVE_KEYS } from './live.js';

/** The views with keys (and a help overlay). */
export type KeyView = 'present' | 'read' | 'speaker';

/** What a row does; its description is `help[action]` in the deck's UI language. */
export type KeyAction =
  | 'next'
  | 'prev'
  | 'leftRight'
  | 'upDown'
  | 'skipSteps'
  | 'firstLast'
  | 'pause'
  | 'fullscreen'
  | 'print'
  | 'overview'
  | 'jump'
  | 'search'
  | 'zoom'
  | 'draw'
  | 'board'
  | 'laser'
  | 'speaker'
  | 'read'
  | 'qr'
  | 'backToLive'
  | 'help';

/** A named key (translated through `keyNames`); any other key is shown as written (`N`, `?`, `.`). */
export type NamedKey =
  | 'Space'
  | 'ShiftSpace'
  | 'Right'
  | 'Left'
  | 'Up'
  | 'Down'
  | 'PageDown'
  | 'PageUp'
  | 'Home'
  | 'End'
  | 'Escape'
  | 'Enter'
  | 'AltArrows'
  | 'AltClick'
  | 'CtrlShiftF'
  | 'CtrlP';

export const NAMED_KEYS: readonly NamedKey[] = [
  'Space',
  'ShiftSpace',
  'Right',
  'Left',
  'Up',
  'Down',
  'PageDown',
  'PageUp',
  'Home',
  'End',
  'Escape',
  'Enter',
  'AltArrows',
  'AltClick',
  'CtrlShiftF',
  'CtrlP',
];

export type KeyGroup = 'move' | 'show' | 'teach' | 'views';

export interface KeyRow {
  action: KeyAction;
  group: KeyGroup;
  /** Per view, the keys that do it there (a view not listed has no such key). */
  keys: Partial<Record<KeyView, readonly string[]>>;
  /** Only on a page served by `npm run live`, for that role. */
  live?: 'lecturer' | 'audience';
}

/** Lectern's own letter keys, with the keyCode reveal's `addKeyBinding` wants (the letter's upper case). */
export const LETTER_KEYS = {
  read: 'R',
  speaker: 'S',
  jump: 'G',
  draw: 'D',
  board: 'W',
  laser: 'L',
} as const;

export const keyCodeOf = (letter: string): number => letter.toUpperCase().charCodeAt(0);

const all = (keys: readonly string[]): Partial<Record<KeyView, readonly string[]>> => ({ present: keys, read: keys, speaker: keys });
/** Keys that presenting and the speaker view share, reading mode having its own. */
const deckAndReading = (deck: readonly string[], read: readonly string[]): Partial<Record<KeyView, readonly string[]>> => ({
  present: deck,
  read,
  speaker: deck,
});

export const KEY_TABLE: readonly KeyRow[] = [
  {
    action: 'next',
    group: 'move',
    keys: deckAndReading(['Right', 'Space', 'N', 'PageDown'], ['Right', 'J', 'N', 'PageDown']),
  },
  {
    action: 'prev',
    group: 'move',
    keys: deckAndReading(['Left', 'ShiftSpace', 'P', 'PageUp'], ['Left', 'K', 'P', 'PageUp']),
  },
  { action: 'upDown', group: 'move', keys: { present: ['Up', 'Down'], speaker: ['Up', 'Down'] } },
  { action: 'skipSteps', group: 'move', keys: { present: ['AltArrows'] } },
  { action: 'firstLast', group: 'move', keys: all(['Home', 'End']) },
  { action: 'jump', group: 'move', keys: all([LETTER_KEYS.jump]) },
  { action: 'search', group: 'move', keys: all(['CtrlShiftF']) },
  { action: 'overview', group: 'move', keys: { present: ['O', 'Escape'] } },
  { action: 'pause', group: 'show', keys: { present: ['B', '.'], speaker: ['B', '.'] } },
  { action: 'fullscreen', group: 'show', keys: { present: ['F'] } },
  { action: 'print', group: 'show', keys: { present: ['CtrlP'] } },
  { action: 'zoom', group: 'show', keys: { present: ['AltClick'], speaker: ['AltClick'] } },
  { action: 'draw', group: 'teach', keys: { present: [LETTER_KEYS.draw], speaker: [LETTER_KEYS.draw] } },
  { action: 'board', group: 'teach', keys: { present: [LETTER_KEYS.board] } },
  { action: 'laser', group: 'teach', keys: { present: [LETTER_KEYS.laser], speaker: [LETTER_KEYS.laser] } },
  { action: 'speaker', group: 'views', keys: { present: [LETTER_KEYS.speaker] } },
  { action: 'read', group: 'views', keys: { present: [LETTER_KEYS.read] } },
  { action: 'qr', group: 'views', keys: { present: [LIVE_KEYS.qr.key] }, live: 'lecturer' },
  {
    action: 'backToLive',
    group: 'views',
    keys: { present: [LIVE_KEYS.backToLive.key], read: [LIVE_KEYS.backToLive.key] },
    live: 'audience',
  },
  { action: 'help', group: 'views', keys: all(['?']) },
];

/** The rows shown in a view (live rows only on a live page of that role). */
export function rowsFor(view: KeyView, live?: 'lecturer' | 'audience', rows: readonly KeyRow[] = KEY_TABLE): KeyRow[] {
  return rows.filter((r) => r.keys[view]?.length && (!r.live || r.live === live));
}

export const isNamedKey = (k: string): k is NamedKey => (NAMED_KEYS as readonly string[]).includes(k);

/** `KeyboardEvent.key` values a table key stands for (letters in both cases); none for combinations. */
export function eventKeys(k: string): string[] {
  const named: Partial<Record<NamedKey, string>> = {
    Space: ' ',
    Right: 'ArrowRight',
    Left: 'ArrowLeft',
    Up: 'ArrowUp',
    Down: 'ArrowDown',
    PageDown: 'PageDown',
    PageUp: 'PageUp',
    Home: 'Home',
    End: 'End',
    Escape: 'Escape',
    Enter: 'Enter',
  };
  if (isNamedKey(k)) return named[k] ? [named[k]] : [];
  return /^[A-Z]$/.test(k) ? [k.toLowerCase(), k] : [k];
}

/** The modifiers and key (`KeyboardEvent.key`, lower case) of a table key that is a combination. */
const COMBOS: Partial<Record<NamedKey, { ctrl: boolean; shift: boolean; key: string }>> = {
  CtrlShiftF: { ctrl: true, shift: true, key: 'f' },
};

/** Is the event the combination `k` (Ctrl+Shift+F: Ctrl, not Cmd, whose Cmd+Shift+F is the Mac's full screen)? */
export function isCombo(k: NamedKey, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>): boolean {
  const c = COMBOS[k];
  return !!c && e.ctrlKey === c.ctrl && e.shiftKey === c.shift && !e.altKey && !e.metaKey && e.key.toLowerCase() === c.key;
}

/** Is `key` (a KeyboardEvent.key) one of the row's keys in `view`? */
export function pressed(action: KeyAction, view: KeyView, key: string): boolean {
  const row = KEY_TABLE.find((r) => r.action === action);
  return !!row?.keys[view]?.some((k) => eventKeys(k).includes(key));
}
