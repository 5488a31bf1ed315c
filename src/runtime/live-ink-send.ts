import {
  applyInkOp,
  drawOps,
  emptyInkState,
  INK_LIMITS,
  type InkOp,
  type InkState,
  inkDiff,
  parseInkOp,
  placesOf,
} from '../model/ink-ops.js';
import { LECTURER_INK_PACE, type LiveInk } from '../model/live.js';
import { INK_EVENTS, type InkStrokeEvent } from './ink-cross.js';
import { readInk } from './ink-store.js';
import { channelName, type SpeakerMessage } from './speaker-link.js';
import { inkKey } from './talk-state.js';

/**
 * The lecturer's ink to the live server: the strokes under way (this window's, and the speaker view's,
 * heard on the deck's channel whether or not this window has loaded its ink code) in point batches, and every change of the stored ink (stroke ended, undo, erase,
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

  let flushed = 0;
  const flush = () => {
    timer = undefined;
    if (!open) return;
    flushed = performance.now();
    for (const op of queue.splice(0, LECTURER_INK_PACE.messages)) send(JSON.stringify({ t: 'ink', ...op } satisfies LiveInk));
    if (queue.length) timer = window.setTimeout(flush, LECTURER_INK_PACE.ms);
  };
  const enqueue = (ops: InkOp[]) => {
    for (const op of ops) {
      // A batch that continues the last one waiting (the same stroke, from where it ends) joins it.
      const last = queue.at(-1);
      if (
        op.op === 'draw' &&
        last?.op === 'draw' &&
        last.id === op.id &&
        last.place === op.place &&
        last.from + last.pts.length / 3 === op.from &&
        last.pts.length + op.pts.length <= INK_LIMITS.pointsPerMessage * 3
      )
        last.pts.push(...op.pts);
      else queue.push(op);
    }
    if (queue.length) timer ??= window.setTimeout(flush, Math.max(0, flushed + LECTURER_INK_PACE.ms - performance.now()));
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
  // The speaker view's strokes under way, as its messages come (bounded draw messages, checked again).
  const channel = new BroadcastChannel(channelName(slug));
  const onSpeaker = (e: MessageEvent<SpeakerMessage>) => {
    if (e.data?.type !== 'ink-draw' || !open) return;
    const op = parseInkOp(e.data.op);
    if (op?.op === 'draw' && applyInkOp(sent, op)) enqueue([op]);
  };
  channel.addEventListener('message', onSpeaker);
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
      channel.close();
      document.removeEventListener(INK_EVENTS.changed, changed);
      document.removeEventListener(INK_EVENTS.stroke, onStroke);
      removeEventListener('storage', onStorage);
    },
  };
}
