import { keyCodeOf, LETTER_KEYS } from '../model/keys.js';
import { uiStrings } from '../model/ui-strings.js';
import type { DeckConfig } from './config.js';
import { initOverview } from './overview.js';
import { leafSlides } from './page-dom.js';
import type { Deck } from './present.js';
import { installSearchKey, type Openable, openLazily } from './search-key.js';
import { initZoom } from './zoom.js';

/** Presenting: G (go to a slide by number or title), Ctrl+Shift+F (search), Alt+click (zoom), a legible overview. */
export function installFindKeys(deck: Deck, config: DeckConfig) {
  let jump: Promise<Openable> | undefined;
  deck.addKeyBinding({ keyCode: keyCodeOf(LETTER_KEYS.jump), key: LETTER_KEYS.jump, description: uiStrings(config.lang).help.jump }, () => {
    jump ??= import('./jump.js').then((m) => m.jumpBox(m.deckSource(deck), config.lang));
    openLazily(() => jump as Promise<Openable>);
  });
  const search = installSearchKey(config, (index) => {
    const slide = leafSlides(deck.getSlidesElement())[index]?.el;
    if (!slide) return;
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v);
  });
  const zoom = initZoom(deck, config.slug ?? '');
  const overview = initOverview(deck);
  return {
    destroy() {
      search.destroy();
      zoom.destroy();
      overview.destroy();
    },
  };
}
