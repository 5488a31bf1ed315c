import { applyInkOp, drawOps, emptyInkState, INK_LIMITS, type InkOp, type InkState, inkDiff, placesOf } from '../model/ink-ops.js';
import { LECTURER_INK_PACE, type LiveInk } from '../model/live.js';
import { INK_EVENTS, type InkStrokeEvent } from './ink-cross.js';
import { readInk } from './ink-store.js';
import { inkKey } from './talk-state.js';

/**
 * The lecturer's ink to the live server: the strokes under way (this window's, and the speaker view's as
 * they cross to it) in point batches, and every change of the stored ink (stroke ended, undo, erase,
 * clear, another window's change) as what the server lacks, worked out against `sent`, this page's
 * picture of the server's ink. On every (re)connect the server is told which places have ink and is sent
 * all of it again (it ignores what it has). Messages are paced well below the socket's rate limit.
 */
export function sendLiveInk(slug: string, send: (data: string) => void) {
  let sent: InkState = emptyInkState();
  let queue: InkOp[] = [];
  let open = false;
  let timer: number | undefined;
  let resync: number | undefined;

  const flush = () => {
    timer = undefined;
    if (!open) return;
    for (const op of queue.splice(0, LECTURER_INK_PACE.messages)) send(JSON.stringify({ t: 'ink', ...op } satisfies LiveInk));
    if (queue.length) timer = window.setTimeout(flush, LECTURER_INK_PACE.ms);
  };
  const enqueue = (ops: InkOp[]) => {
    if (!ops.length) return;
    queue.push(...ops);
    timer ??= window.setTimeout(flush, 0);
  };
  const sync = () => {
    resync = undefined;
    if (open) enqueue(inkDiff(sent, readInk(slug)));
  };
  const changed = () => {
    resync ??= window.setTimeout(sync, 0);
  };

  // A stroke under way: its new points, at most every pace interval (the last batch waits for the next).
  const growing = new Map<string, InkStrokeEvent>();
  let growTimer: number | undefined;
  const sendGrowth = () => {
    growTimer = undefined;
    if (!open) return growing.clear();
    const ops: InkOp[] = [];
    for (const { place, stroke } of growing.values()) {
      const had = sent.places.get(place)?.find((s) => s.id === stroke.id);
      for (const op of drawOps(place, stroke, had ? had.points.length / 3 : 0)) if (applyInkOp(sent, op)) ops.push(op);
    }
    growing.clear();
    enqueue(ops);
  };
  const onStroke = (e: Event) => {
    const detail = (e as CustomEvent<InkStrokeEvent>).detail;
    if (!detail?.stroke.id) return;
    growing.set(detail.stroke.id, detail);
    growTimer ??= window.setTimeout(sendGrowth, LECTURER_INK_PACE.ms);
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === inkKey(slug)) changed();
  };
  document.addEventListener(INK_EVENTS.changed, changed);
  document.addEventListener(INK_EVENTS.stroke, onStroke);
  addEventListener('storage', onStorage);

  return {
    /** The socket (re)opened: the server may have restarted, so it gets the places with ink and everything again. */
    opened() {
      open = true;
      queue = [];
      sent = emptyInkState();
      const ink = readInk(slug);
      enqueue([{ op: 'places', places: [...placesOf(ink).keys()].slice(0, INK_LIMITS.places) }, ...inkDiff(sent, ink)]);
    },
    closed() {
      open = false;
    },
    destroy() {
      open = false;
      window.clearTimeout(timer);
      window.clearTimeout(resync);
      window.clearTimeout(growTimer);
      document.removeEventListener(INK_EVENTS.changed, changed);
      document.removeEventListener(INK_EVENTS.stroke, onStroke);
      removeEventListener('storage', onStorage);
    },
  };
}
