import type { RevealApi } from 'reveal.js';
import type { DeckUpdate } from '../vite/plugin.js';
import { applyDeckUpdate } from './deck-update.js';

/** Dev server only: swap in new slide markup and stay on the same slide and step. */
export function hotUpdates(deck: RevealApi): void {
  if (!import.meta.hot) return;
  import.meta.hot.on('lectern:deck', (update: DeckUpdate) => {
    const config = document.getElementById('lectern-deck');
    const current = config ? (JSON.parse(config.textContent ?? '{}') as { slug?: string }) : {};
    if (update.slug !== current.slug) return;
    const { h, v, f } = deck.getIndices();
    const slides = document.querySelector('.reveal .slides');
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
  import.meta.hot.on('lectern:decks', async () => {
    const page = await fetch(location.href, { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
    if (page?.ok && gone) location.reload();
    else if (!page?.ok && !gone) {
      gone = true;
      document.dispatchEvent(new CustomEvent('lectern:gone'));
    }
  });
}
