import type { NavAction } from './speaker-link.js';
import { actionOfKey } from './speaker-model.js';

/** The notes panel (speaker-view.ts): a focusable scrolling region. */
export const NOTES_PANEL = '.lectern-sv-notes';

/** The speaker view's keys (see SPEAKER_KEYS) and a click on the next slide, as navigation actions. */
export function initSpeakerKeys(nextScreen: HTMLElement, nav: (action: NavAction) => void) {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('button, a, input, textarea, select') && (e.key === ' ' || e.key === 'Enter')) return;
    // The notes panel, focused (Tab or a click), scrolls with ↑ ↓; a clicker's keys (PageUp/PageDown, → ←) still step.
    if (target?.closest(NOTES_PANEL) && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) return;
    const action = actionOfKey(e.key, e.shiftKey);
    if (!action) return;
    e.preventDefault();
    nav(action);
  };
  const onClick = () => nav('next');
  document.addEventListener('keydown', onKey);
  nextScreen.addEventListener('click', onClick);
  return {
    destroy() {
      document.removeEventListener('keydown', onKey);
      nextScreen.removeEventListener('click', onClick);
    },
  };
}
