import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import type { Deck } from './present.js';
import { readingHref } from './view-step.js';

/**
 * Presenting on a phone held upright scales a 16:9 slide to ~10 px text in a strip of the screen: a bar
 * suggests turning the phone or reading mode (at the current slide). Shown by CSS only on narrow portrait
 * screens; "×" hides it for this visit.
 */
export function initPortraitHint(deck: Deck, t: UiStrings['present']): { destroy(): void } {
  const dismissLabel = t.dismiss;
  const bar = el('div', { class: 'lectern-portrait-hint', role: 'note' });
  const text = el('span', {}, t.portrait);
  const read = el('a', { class: 'lectern-portrait-read' }, t.portraitRead);
  const close = el('button', { type: 'button', class: 'lectern-portrait-close', 'aria-label': dismissLabel, title: dismissLabel });
  close.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18"/></svg>';
  const update = () => {
    read.href = readingHref((deck.getCurrentSlide() as HTMLElement | undefined)?.id || undefined);
  };
  update();
  deck.on('slidechanged', update);
  read.addEventListener('pointerdown', update);
  close.addEventListener('click', () => bar.remove());
  bar.append(text, read, close);
  document.body.append(bar);
  return {
    destroy() {
      deck.off('slidechanged', update);
      bar.remove();
    },
  };
}
