import { HIGHLIGHTER, type InkStroke, PEN_SIZE } from '../model/ink.js';
import { newStrokeId } from '../model/ink-ops.js';
import { strokeElement, strokePath } from './ink-render.js';

export type InkTool = { kind: 'pen'; color: string } | { kind: 'highlighter' } | { kind: 'eraser' };

declare global {
  interface Window {
    /** Set by `npm run bench`: told the time from each pointer event to the frame that shows it. */
    lecternInkProbe?: (ms: number) => void;
  }
}

const ERASER_RADIUS = 14;

/** Strokes passing within `r` slide pixels of (x, y). */
function hits(s: InkStroke, x: number, y: number, r: number): boolean {
  const p = s.points;
  for (let i = 0; i < p.length; i += 3) {
    const dx = (p[i] ?? 0) - x;
    const dy = (p[i + 1] ?? 0) - y;
    if (dx * dx + dy * dy <= (r + s.size / 2) ** 2) return true;
  }
  return false;
}

/**
 * Drawing with pointer events (mouse, pen with its pressure, touch) on an SVG in slide coordinates: the
 * stroke under way is redrawn once per frame from every coalesced point; on release it is handed to
 * `commit` with the place's new strokes. The eraser removes whole strokes it touches.
 */
export function inkSurface(
  svg: SVGSVGElement,
  opts: {
    strokes(): InkStroke[];
    commit(next: InkStroke[]): void;
    tool(): InkTool;
    enabled(): boolean;
    /** The stroke under way has new points (once per frame), or ended (after its commit): others see it grow. */
    progress?(stroke: InkStroke, end: boolean): void;
  },
) {
  let current: { stroke: InkStroke; path: SVGPathElement; id: number } | undefined;
  let erasing: { id: number; kept: InkStroke[]; removed: boolean } | undefined;
  let frame = 0;
  let pending: number[] = [];

  const toSlide = (e: PointerEvent): [number, number] => {
    const m = svg.getScreenCTM();
    if (!m) return [0, 0];
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  };
  const pressure = (e: PointerEvent) => (e.pointerType === 'pen' ? e.pressure : 0.5);

  const paint = () => {
    frame = 0;
    if (!current) return;
    current.path.setAttribute('d', strokePath(current.stroke, false));
    opts.progress?.(current.stroke, false);
    const probe = window.lecternInkProbe;
    if (probe) {
      const now = performance.now();
      for (const t of pending) probe(now - t);
    }
    pending = [];
  };
  const erase = (e: PointerEvent) => {
    if (!erasing) return;
    const [x, y] = toSlide(e);
    const before = erasing.kept.length;
    erasing.kept = erasing.kept.filter((s) => !hits(s, x, y, ERASER_RADIUS));
    if (erasing.kept.length !== before) {
      erasing.removed = true;
      const paths = [...svg.querySelectorAll('path')];
      // Hide erased strokes at once; the commit on release redraws.
      opts.strokes().forEach((s, i) => {
        if (!erasing?.kept.includes(s)) paths[i]?.setAttribute('visibility', 'hidden');
      });
    }
  };

  const down = (e: PointerEvent) => {
    if (!opts.enabled() || current || erasing || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.stopPropagation();
    svg.setPointerCapture(e.pointerId);
    const tool = opts.tool();
    if (tool.kind === 'eraser') {
      erasing = { id: e.pointerId, kept: [...opts.strokes()], removed: false };
      erase(e);
      return;
    }
    const [x, y] = toSlide(e);
    const stroke: InkStroke =
      tool.kind === 'pen'
        ? { id: newStrokeId(), tool: 'pen', color: tool.color, size: PEN_SIZE, points: [x, y, pressure(e)] }
        : { id: newStrokeId(), tool: 'highlighter', color: HIGHLIGHTER.color, size: HIGHLIGHTER.size, points: [x, y, 0.5] };
    const path = strokeElement(stroke, false);
    svg.append(path);
    current = { stroke, path, id: e.pointerId };
  };
  const move = (e: PointerEvent) => {
    if (erasing && e.pointerId === erasing.id) {
      erase(e);
      return;
    }
    if (!current || e.pointerId !== current.id) return;
    e.preventDefault();
    for (const c of e.getCoalescedEvents?.() ?? [e]) {
      const [x, y] = toSlide(c);
      current.stroke.points.push(x, y, pressure(c));
    }
    pending.push(e.timeStamp);
    frame ||= requestAnimationFrame(paint);
  };
  const up = (e: PointerEvent) => {
    if (erasing && e.pointerId === erasing.id) {
      const { kept, removed } = erasing;
      erasing = undefined;
      if (removed) opts.commit(kept);
      return;
    }
    if (!current || e.pointerId !== current.id) return;
    const { stroke, path } = current;
    current = undefined;
    cancelAnimationFrame(frame);
    frame = 0;
    pending = [];
    path.remove();
    opts.commit([...opts.strokes(), stroke]);
    opts.progress?.(stroke, true);
  };
  // reveal turns touch swipes into slide changes: a finger drawing must not.
  const stopTouch = (e: TouchEvent) => {
    if (opts.enabled()) e.stopPropagation();
  };
  svg.addEventListener('pointerdown', down);
  svg.addEventListener('pointermove', move);
  svg.addEventListener('pointerup', up);
  svg.addEventListener('pointercancel', up);
  svg.addEventListener('touchstart', stopTouch, { passive: true });
  svg.addEventListener('touchmove', stopTouch, { passive: true });
  return {
    get drawing() {
      return !!current || !!erasing;
    },
    destroy() {
      cancelAnimationFrame(frame);
      svg.removeEventListener('pointerdown', down);
      svg.removeEventListener('pointermove', move);
      svg.removeEventListener('pointerup', up);
      svg.removeEventListener('pointercancel', up);
      svg.removeEventListener('touchstart', stopTouch);
      svg.removeEventListener('touchmove', stopTouch);
    },
  };
}
