import type { Deck } from './present.js';

/** The overview's thumbnails: about a third of the screen wide (reveal's are a fifth: body text ~6 px on a laptop). */
export const OVERVIEW_SCALE = 0.32;
/** reveal's gap between thumbnails, in slide pixels (its controllers/overview.js). */
const GAP = 70;

/**
 * The overview (Esc, O) with thumbnails large enough to read: reveal lays the slides out and moves along them
 * as before, and after each of its own updates (shown, a step, a resize) the strip is scaled again, centred on
 * the current slide. reveal keeps its transform hook private, so the container's transform is written as reveal
 * writes it (its layout part, `translate(-50%, -50%) scale(s)`, none at scale 1, then the overview's part).
 * Every step is shown (theme/presenting.css).
 */
export function initOverview(deck: Deck) {
  const apply = () => {
    const slides = deck.getSlidesElement();
    if (!deck.isOverview() || !slides) return;
    const { h, v } = deck.getIndices();
    const vmin = Math.min(innerWidth, innerHeight);
    // reveal's own scale on small screens (at least 150 px), where it is the larger one.
    const scale = Math.max(OVERVIEW_SCALE, Math.max(vmin / 5, 150) / vmin);
    const { width, height } = deck.getComputedSlideSize();
    const across = (width + GAP) * (deck.getConfig().rtl ? -1 : 1);
    const layout = deck.getScale() === 1 ? '' : `translate(-50%, -50%) scale(${deck.getScale()}) `;
    slides.style.transform = `${layout}scale(${scale}) translateX(${-h * across}px) translateY(${-v * (height + GAP)}px)`;
  };
  // After reveal's own update, which runs once these events are dispatched.
  const later = () => queueMicrotask(apply);
  const events = ['overviewshown', 'slidechanged', 'resize'];
  for (const e of events) deck.on(e, later);
  addEventListener('resize', later);
  return {
    destroy() {
      for (const e of events) deck.off(e, later);
      removeEventListener('resize', later);
    },
  };
}
