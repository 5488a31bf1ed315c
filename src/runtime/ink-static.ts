import './ink.css';
import type { Ink } from '../model/ink.js';
import { PAGE, SLIDE_SIZE } from '../model/page.js';
import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { inkSvg, renderStrokes } from './ink-render.js';

/** The saved ink over each printed slide (reveal's print view keeps every slide at slide size). */
export function printInk(ink: Ink, pagesOf: (id: string) => HTMLElement[]): void {
  for (const [id, strokes] of Object.entries(ink.slides)) {
    for (const section of pagesOf(id)) {
      const svg = inkSvg('lectern-ink-print');
      renderStrokes(svg, strokes);
      section.append(svg);
    }
  }
}

/**
 * A reading-mode card's slide at its presented size with an SVG for ink over it, placed after the card
 * (hidden until shown): reading mode reflows each slide, while ink is in slide coordinates.
 */
export function inkFigure(card: HTMLElement): { figure: HTMLElement; svg: SVGSVGElement } {
  const figure = el('div', { class: 'lectern-ink-figure' });
  const stage = el('div', { class: 'lectern-ink-stage' });
  const slides = el('div', { class: 'slides' });
  const clone = card.cloneNode(true) as HTMLElement;
  clone.removeAttribute('id');
  clone.classList.remove('lectern-slide');
  clone.classList.add('present', 'lectern-ink-slide');
  for (const f of clone.querySelectorAll(PAGE.fragment)) f.classList.add('visible');
  const svg = inkSvg('lectern-ink-read');
  slides.append(clone, svg);
  stage.append(slides);
  figure.append(stage);
  figure.hidden = true;
  card.after(figure);
  return { figure, svg };
}

/** Scales each observed figure's stage (slide size) to the figure's width. */
export const figureFit = (): ResizeObserver =>
  new ResizeObserver((entries) => {
    for (const e of entries) {
      const stage = (e.target as HTMLElement).firstElementChild as HTMLElement | null;
      if (stage) stage.style.transform = `scale(${e.contentRect.width / SLIDE_SIZE.width})`;
    }
  });

/**
 * The saved ink in reading mode: a toggle puts, in place of each inked card, the slide at its projected
 * size, scaled to the column, with the lecturer's ink on it. Off by default; the choice is kept.
 */
export function readingInk(ink: Ink, cards: { id: string; card: HTMLElement }[], bar: HTMLElement, t: UiStrings['ink']) {
  const figures: { card: HTMLElement; figure: HTMLElement }[] = [];
  for (const { id, card } of cards) {
    const strokes = ink.slides[id];
    if (!strokes?.length) continue;
    const { figure, svg } = inkFigure(card);
    renderStrokes(svg, strokes);
    figures.push({ card, figure });
  }
  if (!figures.length) return undefined;
  const key = 'lectern-read-ink';
  const toggle = el('button', { type: 'button', class: 'lectern-ink-toggle', 'aria-pressed': 'false' }, t.show);
  bar.append(toggle);
  const fit = figureFit();
  const set = (on: boolean) => {
    toggle.setAttribute('aria-pressed', String(on));
    for (const f of figures) {
      f.figure.hidden = !on;
      f.card.hidden = on;
      if (on) fit.observe(f.figure);
      else fit.unobserve(f.figure);
    }
    try {
      localStorage.setItem(key, on ? '1' : '');
    } catch {}
  };
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-pressed') !== 'true'));
  let saved = false;
  try {
    saved = localStorage.getItem(key) === '1';
  } catch {}
  set(saved || new URLSearchParams(location.search).has('ink'));
  return { set };
}
