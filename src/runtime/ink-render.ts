import { getStroke } from 'perfect-freehand';
import type { InkStroke } from '../model/ink.js';
import { SLIDE_SIZE } from '../model/page.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A pen with real pressure gives varying values; a mouse or a finger gives 0.5 (or 0) throughout. */
const hasPressure = (p: number[]) => {
  for (let i = 5; i < p.length; i += 3) if (p[i] !== p[2]) return true;
  return false;
};

/** The outline of a stroke (perfect-freehand) as an SVG path: pressure thins and thickens pens. */
export function strokePath(s: InkStroke, last = true): string {
  const pts: number[][] = [];
  for (let i = 0; i < s.points.length; i += 3) pts.push([s.points[i] ?? 0, s.points[i + 1] ?? 0, s.points[i + 2] || 0.5]);
  const outline = getStroke(pts, {
    size: s.size,
    thinning: s.tool === 'highlighter' ? 0 : 0.6,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: s.tool === 'pen' && !hasPressure(s.points),
    last,
  });
  if (!outline.length) return '';
  let d = `M${outline[0]?.[0]?.toFixed(1)} ${outline[0]?.[1]?.toFixed(1)}Q`;
  for (let i = 0; i < outline.length; i++) {
    const [x0 = 0, y0 = 0] = outline[i] ?? [];
    const [x1 = 0, y1 = 0] = outline[(i + 1) % outline.length] ?? [];
    d += `${x0.toFixed(1)} ${y0.toFixed(1)} ${((x0 + x1) / 2).toFixed(1)} ${((y0 + y1) / 2).toFixed(1)} `;
  }
  return `${d}Z`;
}

export function strokeElement(s: InkStroke, last = true): SVGPathElement {
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', strokePath(s, last));
  path.setAttribute('fill', s.color);
  if (s.tool === 'highlighter') path.setAttribute('class', 'lectern-ink-highlight');
  return path;
}

/** An SVG in slide coordinates (SLIDE_SIZE), to lay over a slide-sized box: it scales with the box, crisp at any size. */
export function inkSvg(className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${SLIDE_SIZE.width} ${SLIDE_SIZE.height}`);
  svg.setAttribute('class', `lectern-ink ${className}`);
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}

/** Draws `strokes` into `svg` (replacing what it showed), optionally on a blank board sheet. */
export function renderStrokes(svg: SVGSVGElement, strokes: readonly InkStroke[], board = false): void {
  const nodes: Element[] = [];
  if (board) {
    const sheet = document.createElementNS(SVG, 'rect');
    sheet.setAttribute('width', String(SLIDE_SIZE.width));
    sheet.setAttribute('height', String(SLIDE_SIZE.height));
    sheet.setAttribute('class', 'lectern-ink-board');
    nodes.push(sheet);
  }
  for (const s of strokes) nodes.push(strokeElement(s));
  svg.replaceChildren(...nodes);
}
