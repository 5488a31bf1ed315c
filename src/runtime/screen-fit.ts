import type { Deck } from './present.js';

/** The screen the controls, slide number and progress bar are drawn for at their natural size. */
const CHROME_BASE = { width: 1920, height: 1080 } as const;

/**
 * On a large screen (a 4K projector) the slide fills it (reveal's `maxScale` is lifted in present.ts), and
 * the controls, slide number, progress bar and Read link grow with it (`--lectern-ui-scale` on `<html>`, read by
 * theme.css); up to 1920×1080 they keep their laptop size.
 */
export function initScreenFit(deck: Deck) {
  const root = document.documentElement;
  const update = () => {
    const scale = Math.max(1, Math.min(innerWidth / CHROME_BASE.width, innerHeight / CHROME_BASE.height));
    root.style.setProperty('--lectern-ui-scale', String(Math.round(scale * 100) / 100));
  };
  update();
  deck.on('resize', update);
  return {
    destroy() {
      deck.off('resize', update);
      root.style.removeProperty('--lectern-ui-scale');
    },
  };
}
