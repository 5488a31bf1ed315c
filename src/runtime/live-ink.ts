import { applyInkOp, emptyInkState, type InkOp } from '../model/ink-ops.js';
import type { InkView } from './live-ink-view.js';

/**
 * The lecturer's ink on an audience page: held as the server sends it (`applyInkOp`, the server's own
 * rule, so the page holds what the server holds) and shown by a view loaded on the first ink — a lecture
 * nobody draws on loads no ink code. Redrawn at most once per 30 ms, by a timer: a page in the background
 * gets no animation frames and must still be current when it is shown.
 */
export function liveInk(makeView: () => Promise<InkView>) {
  const state = emptyInkState();
  const dirty = new Set<string>();
  let view: InkView | undefined;
  let loading = false;
  let timer: number | undefined;
  let stopped = false;

  const flush = () => {
    timer = undefined;
    if (!view) return;
    const places = new Set(dirty);
    dirty.clear();
    view.update(places);
  };
  const schedule = () => {
    if (!view) {
      if (loading || !state.places.size) return;
      loading = true;
      void makeView().then((v) => {
        if (stopped) return v.destroy();
        view = v;
        flush();
      });
      return;
    }
    timer ??= window.setTimeout(flush, 30);
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
    destroy() {
      stopped = true;
      window.clearTimeout(timer);
      view?.destroy();
    },
  };
}

export type LiveInk = ReturnType<typeof liveInk>;
