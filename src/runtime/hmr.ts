import type { RevealApi } from 'reveal.js';
import { type AssetUpdate, type DeckUpdate, HMR_EVENT, PAGE } from '../model/page.js';
import { applyDeckUpdate, findSlide, markSlide, refreshAsset } from './deck-update.js';
import { leafSlides, readDeckConfig } from './page-dom.js';

/** Dev server only: swap in new slide markup and stay on the same slide and step. */
export function hotUpdates(deck: RevealApi): void {
  if (!import.meta.hot) return;
  import.meta.hot.on(HMR_EVENT.deck, (update: DeckUpdate) => {
    if (update.slug !== readDeckConfig().slug) return;
    const { f } = deck.getIndices();
    const slides = document.querySelector(PAGE.slides);
    if (!slides) return;
    const current = deck.getCurrentSlide();
    const before = leafSlides(slides).map((l) => l.el);
    const mark = markSlide(before, Math.max(0, current ? before.indexOf(current as HTMLElement) : 0));
    if (!applyDeckUpdate(slides, update)) {
      location.reload();
      return;
    }
    deck.sync();
    // Stay on the slide the lecturer was on (its content): a slide inserted before it moves it on.
    const after = leafSlides(slides);
    const to = findSlide(
      after.map((l) => l.el),
      mark,
    );
    const leaf = after[to.index];
    if (leaf) deck.slide(leaf.h, leaf.v, to.same ? (f ?? -1) : -1);
    document.dispatchEvent(new CustomEvent('lectern:updated', { detail: update }));
  });
  // An image (or other file) under assets/ changed: ask for it again wherever the page uses it.
  import.meta.hot.on(HMR_EVENT.asset, (update: AssetUpdate) => {
    refreshAsset(document, update.path, Date.now());
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
