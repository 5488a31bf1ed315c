import type { InkStroke } from '../model/ink.js';
import { drawOps, type InkDraw, type InkPlaceKey, parseInkOp } from '../model/ink-ops.js';
import { channelName, type SpeakerMessage } from './speaker-link.js';

/** Events on `document` of the deck window, for the live lecturer's page (live-ink-send.ts): the stored ink changed; a stroke under way grew. */
export const INK_EVENTS = { changed: 'lectern:ink-changed', stroke: 'lectern:ink-stroke' } as const;
export interface InkStrokeEvent {
  place: InkPlaceKey;
  stroke: InkStroke;
}

/**
 * A stroke crosses between the deck and its speaker view while it is drawn: each frame's new points go
 * to the other windows on the deck's channel as one bounded `draw` message (src/model/ink-ops.ts), which
 * they show at once; the finished stroke then reaches them through the shared store (ink-store.ts).
 */
export function inkCrossing(slug: string, onDraw: (op: InkDraw) => void, onEnd: (id: string) => void) {
  const channel = new BroadcastChannel(channelName(slug));
  let posted = { id: '', n: 0 };
  const onMessage = (e: MessageEvent<SpeakerMessage>) => {
    const m = e.data;
    if (m?.type === 'ink-draw') {
      // Same origin only, but read as any message is: bounded and well-formed, or ignored.
      const op = parseInkOp(m.op);
      if (op?.op === 'draw') onDraw(op);
    } else if (m?.type === 'ink-end' && typeof m.id === 'string') onEnd(m.id);
  };
  channel.addEventListener('message', onMessage);
  return {
    /** The stroke under way here grew, or ended: its points not yet posted, then (at the end) the end. */
    stroke(place: InkPlaceKey, stroke: InkStroke, end: boolean) {
      const id = stroke.id ?? '';
      for (const op of drawOps(place, stroke, posted.id === id ? posted.n : 0))
        channel.postMessage({ type: 'ink-draw', op } satisfies SpeakerMessage);
      posted = { id, n: stroke.points.length / 3 };
      if (end) channel.postMessage({ type: 'ink-end', id } satisfies SpeakerMessage);
    },
    destroy() {
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
