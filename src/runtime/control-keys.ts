import type { Deck } from './present.js';

/** reveal's arrow buttons and the move each makes (as reveal's own click handlers make it). */
const MOVES: [string, (deck: Deck) => void][] = [
  ['navigate-left', (d) => (d.getConfig().navigationMode === 'linear' ? d.prev() : d.left())],
  ['navigate-right', (d) => (d.getConfig().navigationMode === 'linear' ? d.next() : d.right())],
  ['navigate-up', (d) => d.up()],
  ['navigate-down', (d) => d.down()],
];

/**
 * Enter or Space on a focused arrow moves the deck on every device. reveal listens to `touchend` alone on
 * Android, where the keyboard's click never reaches it, so a keyboard or switch user there was stuck. The
 * key is taken before the button's own click (prevented), so elsewhere it does not move twice.
 */
export function initControlKeys(deck: Deck) {
  const controls = document.querySelector<HTMLElement>('.reveal .controls');
  const onKey = (e: KeyboardEvent) => {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.ctrlKey || e.metaKey || e.altKey) return;
    const button = (e.target as Element | null)?.closest('button');
    const move = MOVES.find(([cls]) => button?.classList.contains(cls))?.[1];
    if (!move) return;
    e.preventDefault();
    e.stopPropagation();
    move(deck);
  };
  controls?.addEventListener('keydown', onKey);
  return {
    destroy() {
      controls?.removeEventListener('keydown', onKey);
    },
  };
}
