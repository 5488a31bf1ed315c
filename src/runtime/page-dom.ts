/**
 * The DOM side of the page contract (src/model/page.ts): reading the deck config, the ready signal, the
 * leaf slides, waiting until a slide is drawn, measuring overflow. Every view and the inspection API
 * (inspect.ts, used by the checker, the exporter and the e2e tests) go through these.
 */
import { type DeckConfig, DIAGRAM, isSettled, OVERFLOW_ELEMENTS, type Overflow, PAGE, SLIDE_SIZE } from '../model/page.js';

export function readDeckConfig(): DeckConfig {
  return JSON.parse(document.getElementById(PAGE.configId)?.textContent ?? '{}') as DeckConfig;
}

/** Marks the page ready for tests and the PDF exporter: fonts loaded, diagrams drawn where asked. */
export function markReady(): void {
  document.documentElement.setAttribute(PAGE.readyAttr, 'true');
  document.dispatchEvent(new CustomEvent(PAGE.readyEvent));
}

/** One slide as the lecturer steps through it: a top-level section, or one section of a vertical stack. */
export interface Leaf {
  el: HTMLElement;
  /** reveal's indices (hidden slides, which reveal removes, are not counted). */
  h: number;
  v: number;
  /** Position in reading order (reveal's `getSlidePastCount`). */
  index: number;
}

const sectionsOf = (parent: Element): HTMLElement[] =>
  [...parent.children].filter(
    (c): c is HTMLElement => c instanceof HTMLElement && c.tagName === 'SECTION' && c.dataset.visibility !== 'hidden',
  );

/** The slides in the order they are shown: vertical stacks flattened, hidden slides left out. */
export function leafSlides(slides: Element | null = document.querySelector(PAGE.slides)): Leaf[] {
  const out: Leaf[] = [];
  if (!slides) return out;
  sectionsOf(slides).forEach((top, h) => {
    const inner = sectionsOf(top);
    if (inner.length === 0) out.push({ el: top, h, v: 0, index: out.length });
    else
      inner.forEach((el, v) => {
        out.push({ el, h, v, index: out.length });
      });
  });
  return out;
}

/** True once every diagram in `root` has been drawn (or failed visibly) and every image has loaded. */
export function isDrawn(root: ParentNode): boolean {
  const drawn = [...root.querySelectorAll<HTMLElement>(DIAGRAM.selector)].every((f) => isSettled(f.dataset.state));
  return drawn && [...root.querySelectorAll('img')].every((i) => i.complete);
}

/** Resolves once `root` is drawn (see isDrawn), or after `timeoutMs`; lazy images are asked for at once. */
export function untilDrawn(root: ParentNode, timeoutMs: number): Promise<boolean> {
  for (const img of root.querySelectorAll('img')) img.loading = 'eager';
  const until = performance.now() + timeoutMs;
  return new Promise((done) => {
    const poll = () => {
      if (isDrawn(root)) done(true);
      else if (performance.now() > until) done(false);
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** `<p> "first words…"`: an element as a lecturer would recognise it in a message. */
export function describeElement(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `<${el.tagName.toLowerCase()}>${text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : ''}`;
}

/** How far the blocks of `slide` reach past the slide's box, in slide pixels; `scale` is reveal's. */
export function measureOverflow(slide: HTMLElement, scale: number): Overflow {
  const box = slide.getBoundingClientRect();
  const slideRight = box.left + SLIDE_SIZE.width * scale;
  const slideBottom = box.top + SLIDE_SIZE.height * scale;
  let worst: { el: Element; right: number; bottom: number } | undefined;
  for (const el of slide.querySelectorAll(OVERFLOW_ELEMENTS)) {
    if (el.closest(PAGE.notes)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // A block keeps its width while what is inside runs on past it (a long formula): scrollWidth sees that.
    const inner = getComputedStyle(el).overflowX === 'visible' ? r.left + el.scrollWidth * scale : r.right;
    const right = (Math.max(r.right, inner) - slideRight) / scale;
    const bottom = (r.bottom - slideBottom) / scale;
    if ((right > 1 || bottom > 1) && (!worst || Math.max(right, bottom) > Math.max(worst.right, worst.bottom)))
      worst = { el, right, bottom };
  }
  if (!worst) return { right: 0, bottom: 0, culprit: '' };
  return { right: Math.max(0, worst.right), bottom: Math.max(0, worst.bottom), culprit: describeElement(worst.el) };
}
