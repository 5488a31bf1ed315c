import type { InkStroke } from '../model/ink.js';
import type { InkDraw, InkPlaceKey } from '../model/ink-ops.js';
import { strokeElement, strokePath } from './ink-render.js';

/** How long an ended stroke is shown from its messages while the shared store catches up with it. */
const ENDED_MS = 3000;

/**
 * Strokes another window is drawing right now, grown point batch by point batch from its `draw` messages
 * and shown over the stored ink of the same place. Each is forgotten once the store holds it (the other
 * window committed it), or a little after it ended.
 */
export function remoteStrokes(svg: SVGSVGElement, here: () => InkPlaceKey | undefined, redraw: () => void) {
  // `base`: the first point held. A window that loaded its ink code while a stroke was under way sees it from there on.
  const remote = new Map<string, { place: InkPlaceKey; stroke: InkStroke; base: number; path?: SVGPathElement; ended?: number }>();
  const timers = new Set<number>();
  const paint = (r: { stroke: InkStroke; path?: SVGPathElement }) => {
    if (r.path?.parentNode === svg) r.path.setAttribute('d', strokePath(r.stroke, false));
    else {
      r.path = strokeElement(r.stroke, false);
      svg.append(r.path);
    }
  };
  return {
    /** Applies a `draw` message (as ink-ops' applyInkOp does); the stroke as it now is, or undefined if refused or held only in part. */
    draw(op: InkDraw): InkStroke | undefined {
      let r = remote.get(op.id);
      if (!r || op.from < r.base) {
        r = {
          place: op.place,
          stroke: { id: op.id, tool: op.tool, color: op.color, size: op.size, points: [] },
          base: op.from,
          path: r?.path,
        };
        remote.set(op.id, r);
      }
      const have = r.base + r.stroke.points.length / 3;
      if (op.from > have) return undefined;
      r.stroke.points.length = (op.from - r.base) * 3;
      r.stroke.points.push(...op.pts);
      if (r.place === here()) paint(r);
      return r.base === 0 ? r.stroke : undefined;
    },
    end(id: string) {
      const r = remote.get(id);
      if (!r) return;
      r.ended = performance.now();
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        redraw();
      }, ENDED_MS + 50);
      timers.add(timer);
    },
    /** After the SVG was drawn afresh from the store: the strokes still under way here go back on top. */
    show(stored: readonly InkStroke[]) {
      const place = here();
      const ids = new Set(stored.map((s) => s.id));
      const now = performance.now();
      for (const [id, r] of remote) {
        if ((r.place === place && ids.has(id)) || (r.ended !== undefined && now - r.ended > ENDED_MS)) {
          r.path?.remove();
          remote.delete(id);
        } else if (r.place === place) paint(r);
      }
    },
    destroy() {
      for (const t of timers) window.clearTimeout(t);
      remote.clear();
    },
  };
}

export type RemoteStrokes = ReturnType<typeof remoteStrokes>;
