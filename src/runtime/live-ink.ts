import { applyInkOp, emptyInkState, type InkOp } from '../model/ink-ops.js';
import type { InkView } from './live-ink-view.js';

/** In the places a view is told changed: the board page the lecturer shows changed. */
export const BOARD_CHANGED = 'board';

/**
 * The lecturer's ink on an audience page: held as the server sends it (`applyInkOp`, the server's own
 * rule, so the page holds what the server holds), with the board page the lecturer shows, and shown by a
 * view loaded on the first ink or board — a lecture nobody draws on loads no ink code. Redrawn at most
 * once per 30 ms, by a timer: a page in the background gets no animation frames and must still be
 * current when it is shown.
 */
export function liveInk(makeView: () => Promise<InkView>) {
  const state = emptyInkState();
  const dirty = new Set<string>();
  let view: InkView | undefined;
  let loading = false;
  let timer: number | undefined;
  let stopped = false;
  let board: number | undefined;

  const flush = () => {
    timer = undefined;
    if (!view) return;
    const places = new Set(dirty);
    dirty.clear();
    view.update(places);
  };
  const schedule = () => {
    if (view) {
      timer ??= window.setTimeout(flush, 30);
      return;
    }
    if (loading || (!state.places.size && board === undefined)) return;
    loading = true;
    void makeView().then((v) => {
      if (stopped) return v.destroy();
      view = v;
      flush();
    });
  };
  return {
    apply(op: InkOp) {
      const before = op.op === 'places' ? [...state.places.keys()] : [];
      if (!applyInkOp(state, op)) return;
      if (op.op === 'places') for (const p of before) dirty.add(p);
      else dirty.add(op.place);
      schedule();
    },
    strokes: (place: string) => state.places.get(place) ?? [],
    /** The board page the lecturer shows instead of the slide (from the position messages), if any. */
    get board() {
      return board;
    },
    setBoard(page: number | undefined) {
      if (page === board) return;
      board = page;
      dirty.add(BOARD_CHANGED);
      schedule();
    },
    destroy() {
      stopped = true;
      window.clearTimeout(timer);
      view?.destroy();
    },
  };
}

export type LiveInk = ReturnType<typeof liveInk>;
