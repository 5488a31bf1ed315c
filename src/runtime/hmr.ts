import type { RevealApi } from 'reveal.js';
import { type DeckUpdate, HMR_EVENT, PAGE } from '../model/page.js';
import { applyDeckUpdate } from './deck-update.js';
import { readDeckConfig } from './page-dom.js';

/** Dev server only: swap in new slide markup and stay on the same slide and step. */
export function hotUpdates(deck: RevealApi): void {
  if (!import.meta.hot) return;
  import.meta.hot.on(HMR_EVENT.deck, (update: DeckUpdate) => {
    if (update.slug !== readDeckConfig().slug) return;
    const { h, v, f } = deck.getIndices();
    const slides = document.querySelector(PAGE.slides);
    if (!slides) return;
    if (!applyDeckUpdate(slides, update)) {
      location.reload();
      return;
    }
    deck.sync();
    deck.slide(h, v, f ?? -1);
    document.dispatchEvent(new CustomEvent('lectern:updated', { detail: update }));
  });
  // A deck was added, deleted or renamed. Links between decks come back re-resolved as `lectern:deck`
  // updates, so an open deck never reloads because of another file. If this deck is the one that went
  // away, what is on screen stays (rather than a reload into a 404); if it comes back, it is reloaded.
  let gone = false;
  import.meta.hot.on(HMR_EVENT.decks, async () => {
    const page = await fetch(location.href, { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
    if (page?.ok && gone) location.reload();
    else if (!page?.ok && !gone) {
      gone = true;
      document.dispatchEvent(new CustomEvent('lectern:gone'));
    }
  });
}
