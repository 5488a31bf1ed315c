import { PAGE, slideId } from '../model/page.js';
import type { Deck } from './present.js';

/** `#/12` typed or pasted into the address bar: one number, no vertical index. */
const BARE_NUMBER = /^#\/([1-9]\d*)\/?$/;
/** reveal's own index links in a deck's Markdown: `#/3` or `#/3/1` (0-based, as reveal.js documents). */
const REVEAL_INDEX = /^#\/(\d+)(?:\/(\d+))?\/?$/;

/**
 * An address `#/12` means the slide numbered 12, as the corner shows it (reveal reads it as the 13th
 * horizontal slide): it is rewritten to that slide's id (`#/slide-12`) before reveal reads it, on load and
 * when typed while presenting. A link inside the deck keeps reveal's meaning (`[back](#/3)` in a reveal-md
 * deck goes to horizontal index 3), so decks written for reveal.js still link where their author meant.
 */
export function numberedAddress(): string | undefined {
  const m = BARE_NUMBER.exec(location.hash);
  if (!m) return undefined;
  const id = slideId(Number(m[1]) - 1);
  if (!document.getElementById(id)) return undefined;
  history.replaceState(history.state, '', `#/${id}`);
  return id;
}

/** Call before reveal initializes: its hashchange listener then runs after this one. */
export function initSlideAddress() {
  numberedAddress();
  const onHash = () => void numberedAddress();
  addEventListener('hashchange', onHash);
  return {
    /** In-deck links by reveal index, once the deck exists. */
    attach(deck: Deck) {
      const slides = document.querySelector(PAGE.slides);
      const onClick = (e: Event) => {
        const a = (e.target as Element | null)?.closest('a');
        const m = a ? REVEAL_INDEX.exec(a.getAttribute('href') ?? '') : null;
        if (!m) return;
        e.preventDefault();
        deck.slide(Number(m[1]), Number(m[2] ?? 0));
      };
      slides?.addEventListener('click', onClick);
      return () => slides?.removeEventListener('click', onClick);
    },
    destroy() {
      removeEventListener('hashchange', onHash);
    },
  };
}
