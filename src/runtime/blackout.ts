import type { Deck } from './present.js';
import { actionOfKey } from './speaker-model.js';

/**
 * Blackout on the projector (B or `.`, reveal's pause): the screen goes fully black — reveal's "Resume
 * presentation" button is hidden by the theme — and a step key (a clicker's PageDown, an arrow, Space)
 * brings the slide back without moving, as PowerPoint does. reveal itself ignores those keys while paused;
 * the speaker view's steps mean the same (see speaker-link.ts), since both read SPEAKER_KEYS.
 */
export function initBlackout(deck: Deck) {
  const onKey = (e: KeyboardEvent) => {
    if (!deck.isPaused() || e.ctrlKey || e.metaKey || e.altKey) return;
    const action = actionOfKey(e.key, e.shiftKey);
    if (!action || action === 'pause') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    deck.togglePause(false);
  };
  // Before reveal's own listener on document, which would drop the key.
  addEventListener('keydown', onKey, true);
  const overlay = document.querySelector<HTMLElement>('.reveal .pause-overlay');
  // A tap or click on the black screen brings the slide back too (there is no button to press).
  const onClick = () => deck.togglePause(false);
  overlay?.addEventListener('click', onClick);
  return {
    destroy() {
      removeEventListener('keydown', onKey, true);
      overlay?.removeEventListener('click', onClick);
    },
  };
}
