import './diagram-viewer.css';
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { DIAGRAM, PAGE, VIEWER } from '../model/page.js';
import { fill, type UiStrings } from '../model/ui-strings.js';
import { VIEWER_ENTRY_ATTR } from './diagram-viewer-entry.js';
import { el } from './dom.js';

/**
 * A drawn diagram full-screen, pannable and zoomable (a diagram on a phone is ~6 px text): a modal
 * `<dialog>` (focus stays inside, Esc closes) holding a copy of the SVG, opened by an "Enlarge" button
 * after each figure (reading mode) or a tap on the diagram (reading mode; touch screens while
 * presenting). The browser's Back closes it too. Drag/pinch/wheel from @panzoom/panzoom; arrows pan,
 * +/- zoom, 0 fits, for keyboards.
 */

export type ViewerStrings = UiStrings['diagram'];

/** Labels are drawn this many px tall at the start (Mermaid draws them ~22 units tall). */
const LEGIBLE_PX = 16;
const PAN_STEP = 60;
/** Stroked icons (no glyphs: the bundled font is subset to the text a page uses). */
const ICONS = {
  minus: 'M5 12h14',
  plus: 'M5 12h14M12 5v14',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  close: 'M6 6l12 12M18 6L6 18',
};
/** A diagram's accessible name: its drawing's label (role=img sits on the drawing, not on <figure>). */
const diagramName = (figure: Element): string =>
  figure.querySelector(`${DIAGRAM.svg}[aria-label]`)?.getAttribute('aria-label') ?? figure.getAttribute('aria-label') ?? '';

export { VIEWER };

function labelSize(svg: SVGSVGElement): number {
  const text = svg.querySelector('text, .nodeLabel, foreignObject div');
  const size = text ? Number.parseFloat(getComputedStyle(text).fontSize) : Number.NaN;
  return Number.isFinite(size) && size > 0 ? size : 22;
}

/** The figure's SVG as a copy with its own ids; parts of a diagram not yet stepped to stay hidden. */
function copyOf(svg: SVGSVGElement): SVGSVGElement {
  const prefix = svg.id;
  const html = prefix ? svg.outerHTML.replaceAll(prefix, `${prefix}v`) : svg.outerHTML;
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const copy = holder.querySelector('svg') as SVGSVGElement;
  // What the original shows now: every step in reading mode, the steps reached so far while presenting.
  const hidden = [...svg.querySelectorAll(PAGE.fragment)].map((f) => getComputedStyle(f).opacity === '0');
  [...copy.querySelectorAll<SVGElement>(PAGE.fragment)].forEach((f, i) => {
    f.classList.remove('fragment', 'visible', 'current-fragment');
    if (hidden[i]) f.style.visibility = 'hidden';
  });
  copy.removeAttribute('aria-hidden');
  copy.setAttribute('role', 'img');
  return copy;
}

interface Open {
  dialog: HTMLDialogElement;
  panzoom: PanzoomObject;
  opener: HTMLElement | null;
  pushed: boolean;
}

let open: Open | undefined;

function close(fromHistory = false): void {
  if (!open) return;
  const { dialog, panzoom, opener, pushed } = open;
  open = undefined;
  panzoom.destroy();
  if (dialog.open) dialog.close();
  dialog.remove();
  // Closed by a button or Esc: leave the viewer's history entry (onPop then clears the marker).
  if (pushed && !fromHistory && history.state?.lecternDiagram) history.back();
  else if (!fromHistory) leftEntry();
  opener?.focus({ preventScroll: true });
}
function leftEntry(): void {
  removeEventListener('popstate', onPop);
  document.documentElement.removeAttribute(VIEWER_ENTRY_ATTR);
}
function onPop(): void {
  close(true);
  leftEntry();
}

/** Opens a drawn figure in the viewer; focus returns to `opener` when it closes. */
export function showDiagram(figure: HTMLElement, t: ViewerStrings, opener: HTMLElement | null): void {
  const svg = figure.querySelector<SVGSVGElement>(`${DIAGRAM.svg} svg`);
  if (!svg || figure.dataset.state !== 'rendered') return;
  close();
  const name = diagramName(figure) || figure.querySelector('figcaption')?.textContent?.trim() || '';
  const dialog = el('dialog', { class: VIEWER.dialog, 'aria-label': name ? fill(t.viewer, { name }) : t.enlarge });
  const bar = el('div', { class: 'lectern-dv-bar' });
  const tool = (cls: string, label: string, icon: string) => {
    const b = el('button', { type: 'button', class: `lectern-dv-${cls}`, 'aria-label': label, title: label });
    b.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${icon}"/></svg>`;
    bar.append(b);
    return b;
  };
  const zoomOut = tool('out', t.zoomOut, ICONS.minus);
  const zoomIn = tool('in', t.zoomIn, ICONS.plus);
  const fit = tool('fit', t.fit, ICONS.fit);
  const closeButton = tool('close', t.close, ICONS.close);
  const hint = el('p', { class: 'lectern-dv-hint' }, t.hint);
  const stage = el('div', { class: VIEWER.stage });
  const canvas = el('div', { class: 'lectern-dv-canvas' });
  const copy = copyOf(svg);
  if (name) copy.setAttribute('aria-label', name);
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.getBoundingClientRect().width;
  const height = box?.height || svg.getBoundingClientRect().height;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // Centred at its natural size; Panzoom scales it about its centre.
  canvas.style.left = `calc(50% - ${width / 2}px)`;
  canvas.style.top = `calc(50% - ${height / 2}px)`;
  canvas.append(copy);
  stage.append(canvas);
  dialog.append(bar, stage, hint);
  document.body.append(dialog);
  dialog.showModal();

  const room = stage.getBoundingClientRect();
  const whole = Math.min(room.width / width, room.height / height);
  const legible = LEGIBLE_PX / labelSize(svg);
  const start = Math.min(Math.max(whole, legible), 3);
  const panzoom = Panzoom(canvas, {
    startScale: start,
    minScale: Math.min(whole, start),
    maxScale: Math.max(4, start * 2),
    step: 0.25,
    canvas: true,
    cursor: 'grab',
  });
  open = { dialog, panzoom, opener, pushed: false };
  // Back closes the viewer instead of leaving the page.
  // While that entry is current, reading mode ignores the popstate leaving it (VIEWER_ENTRY_ATTR).
  leftEntry();
  history.pushState({ ...(history.state ?? {}), lecternDiagram: true }, '');
  open.pushed = true;
  document.documentElement.setAttribute(VIEWER_ENTRY_ATTR, '');
  addEventListener('popstate', onPop);

  stage.addEventListener('wheel', (e) => {
    e.preventDefault();
    panzoom.zoomWithWheel(e);
  });
  zoomIn.addEventListener('click', () => panzoom.zoomIn());
  zoomOut.addEventListener('click', () => panzoom.zoomOut());
  fit.addEventListener('click', () => {
    panzoom.zoom(whole);
    panzoom.pan(0, 0);
  });
  closeButton.addEventListener('click', () => close());
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  dialog.addEventListener('keydown', (e) => {
    // Keys belong to the viewer while it is open, not to reveal or reading mode behind it.
    e.stopPropagation();
    if (e.key === 'Tab') {
      // A modal dialog still lets Tab leave for the browser's own UI: keep it on the viewer's buttons.
      const tools = [...bar.querySelectorAll('button')];
      const at = tools.indexOf(document.activeElement as HTMLButtonElement);
      const next = tools[(at + (e.shiftKey ? -1 : 1) + tools.length) % tools.length];
      e.preventDefault();
      next?.focus();
      return;
    }
    const pan = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] }[e.key];
    if (pan) {
      e.preventDefault();
      const scale = panzoom.getScale();
      panzoom.pan((pan[0] ?? 0) / scale, (pan[1] ?? 0) / scale, { relative: true });
    } else if (e.key === '+' || e.key === '=') panzoom.zoomIn();
    else if (e.key === '-' || e.key === '_') panzoom.zoomOut();
    else if (e.key === '0') fit.click();
  });
  closeButton.focus();
}

/**
 * Reading mode: an "Enlarge" button after every figure and a tap or click on a drawn diagram open it.
 * (Presenting opens it on a touch screen's tap only: present.ts loads this module then.)
 */
export function initDiagramViewer(root: HTMLElement, t: ViewerStrings): { destroy(): void } {
  const buttons: HTMLElement[] = [];
  const onTap = (e: MouseEvent) => {
    const target = e.target as Element | null;
    const figure = target?.closest<HTMLElement>(DIAGRAM.selector);
    if (!figure || !target?.closest(DIAGRAM.svg)) return;
    const next = figure.nextElementSibling;
    showDiagram(figure, t, next instanceof HTMLElement && next.classList.contains(VIEWER.button) ? next : null);
  };
  root.addEventListener('click', onTap);
  for (const figure of root.querySelectorAll<HTMLElement>(DIAGRAM.selector)) {
    const button = el('button', { type: 'button', class: VIEWER.button }, t.enlarge);
    const name = diagramName(figure);
    if (name) button.setAttribute('aria-label', `${t.enlarge}: ${name}`);
    button.addEventListener('click', () => showDiagram(figure, t, button));
    figure.after(button);
    buttons.push(button);
  }
  return {
    destroy() {
      close();
      root.removeEventListener('click', onTap);
      for (const b of buttons) b.remove();
    },
  };
}
