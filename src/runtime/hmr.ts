import type { RevealApi } from 'reveal.js';
import type { DeckUpdate } from '../vite/plugin.js';

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
    slides.innerHTML = update.slides;
    deck.sync();
    deck.slide(h, v, f ?? -1);
    document.dispatchEvent(new CustomEvent('lectern:updated', { detail: update }));
  });
  // A deck was added, deleted or renamed. Reload to pick up the deck list, unless this deck is the one
  // that went away: then keep what is on screen rather than reload into a 404.
  import.meta.hot.on('lectern:decks', async () => {
    const page = await fetch(location.href, { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
    if (page?.ok) location.reload();
    else document.dispatchEvent(new CustomEvent('lectern:gone'));
  });
}
