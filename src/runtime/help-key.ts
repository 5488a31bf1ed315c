import type { KeyView } from '../model/keys.js';
import { typing } from './dom.js';

export { typing };

/**
 * `?` (and F1, reveal's other help key) opens the help overlay in any view; its code and styles are loaded
 * on the first press. Listens before reveal.js (capture phase on window), whose own `?` would open
 * reveal's English help and whose `/` pauses the deck.
 */
export function installHelpKey(view: KeyView, lang: string | undefined, live?: 'lecturer' | 'audience') {
  let open: Promise<{ toggle(): void }> | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    if (e.key !== '?' && e.key !== 'F1') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    open ??= import('./help.js').then((m) => m.helpOverlay(view, lang, live));
    void open.then((h) => h.toggle());
  };
  addEventListener('keydown', onKey, true);
  return {
    destroy() {
      removeEventListener('keydown', onKey, true);
    },
  };
}
