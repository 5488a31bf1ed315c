import { EMPTY_INK, hasInk, INK_DATA_ID, type Ink, type InkStroke, inkOf } from '../model/ink.js';
import { boardPlace, type InkPlaceKey, withIds } from '../model/ink-ops.js';
import { boardKey, inkKey, storedBoard } from './talk-state.js';

/** Where a stroke list lives: a slide (by id) or a board page (0-based). */
export type InkPlace = { slide: string } | { board: number };
/** A place as the ink messages name it (`slide-3`, `board-1`). */
export const placeKey = (p: InkPlace): InkPlaceKey => ('slide' in p ? p.slide : boardPlace(p.board));

/** The ink the build put into the page (from `slides/<slug>.ink.json`), if any. */
export function builtInk(): Ink | undefined {
  const text = document.getElementById(INK_DATA_ID)?.textContent;
  if (!text) return undefined;
  try {
    return inkOf(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** The deck's ink as this browser keeps it (or as saved with the deck), every stroke with an id. */
export function readInk(slug: string): Ink {
  try {
    const raw = localStorage.getItem(inkKey(slug));
    if (raw) return withIds(inkOf(JSON.parse(raw)));
  } catch {}
  return withIds(builtInk() ?? structuredClone(EMPTY_INK));
}

/**
 * The deck's ink in this browser: localStorage under the talk's key (talk-state.ts), so it survives a
 * reload and is shared with the speaker view, which hears of changes through the storage event; so is
 * the board page shown. A deck
 * with a saved ink file starts from that file until it is drawn on here.
 */
export function inkStore(slug: string, changed: () => void) {
  const key = inkKey(slug);
  const read = () => readInk(slug);
  let ink = read();
  const readBoard = () => storedBoard(slug);
  let board = readBoard();
  const onStorage = (e: StorageEvent) => {
    if (e.key === key) ink = read();
    else if (e.key === boardKey(slug)) board = readBoard();
    else return;
    changed();
  };
  addEventListener('storage', onStorage);
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(ink));
    } catch {}
  };
  return {
    get ink() {
      return ink;
    },
    strokes(place: InkPlace): InkStroke[] {
      return 'slide' in place ? (ink.slides[place.slide] ?? []) : (ink.board[place.board] ?? []);
    },
    set(place: InkPlace, strokes: InkStroke[]) {
      if ('slide' in place) {
        if (strokes.length) ink.slides[place.slide] = strokes;
        else delete ink.slides[place.slide];
      } else {
        while (ink.board.length <= place.board) ink.board.push([]);
        ink.board[place.board] = strokes;
      }
      save();
    },
    boardPages: () => Math.max(1, ink.board.length),
    /** The board page shown (in every window of the deck), or undefined for the slide. */
    get board() {
      return board;
    },
    setBoard(page: number | undefined) {
      board = page;
      try {
        if (page === undefined) localStorage.removeItem(boardKey(slug));
        else localStorage.setItem(boardKey(slug), String(page));
      } catch {}
    },
    hasInk: () => hasInk(ink),
    destroy() {
      removeEventListener('storage', onStorage);
    },
  };
}

export type InkStore = ReturnType<typeof inkStore>;
