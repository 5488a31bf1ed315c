import './reading.css';
import { keyCodeOf, LETTER_KEYS } from '../model/keys.js';
import { uiStrings } from '../model/ui-strings.js';
import { readDeckConfig, viewOf } from './config.js';
import type { Deck } from './present.js';
import { readingHref } from './view-step.js';

/**
 * Links between presenting and reading at the same slide: a small "Read" link in the corner (and key `R`)
 * that opens reading mode at the current slide. Reading mode links back with `./#/<slide id>`.
 */
export function installViewSwitch(deck: Deck): void {
  const params = new URLSearchParams(location.search);
  // Not in print/PDF, nor in the notes plugin's preview iframes.
  // (reveal 6 renamed isPrintingPDF, which its types still declare, to isPrintView.)
  const api = deck as unknown as { isPrintView?: () => boolean; isPrintingPDF?: () => boolean };
  const printing = api.isPrintView?.() ?? api.isPrintingPDF?.() ?? false;
  if (viewOf(location.search) !== 'present' || params.has('receiver') || printing) return;

  const t = uiStrings(readDeckConfig().lang).present;
  const link = document.createElement('a');
  link.className = 'lectern-view-switch';
  link.title = t.readTitle;
  link.setAttribute('aria-keyshortcuts', LETTER_KEYS.read);
  link.innerHTML =
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M3 5.5C5.5 4.5 8.5 4.5 12 6.5c3.5-2 6.5-2 9-1v13c-2.5-1-5.5-1-9 1-3.5-2-6.5-2-9-1z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M12 6.5v13" stroke="currentColor" stroke-width="1.8"/></svg>';
  link.append(t.read);

  const update = () => {
    link.href = readingHref((deck.getCurrentSlide() as HTMLElement | undefined)?.id || undefined, deck.getIndices().f);
  };
  update();
  deck.on('ready', update);
  deck.on('slidechanged', update);
  // Keep the href current right before it is followed, whatever changed the slide.
  link.addEventListener('pointerdown', update);
  link.addEventListener('focus', update);

  deck.addKeyBinding({ keyCode: keyCodeOf(LETTER_KEYS.read), key: LETTER_KEYS.read, description: t.readKey }, () => {
    update();
    location.assign(link.href);
  });
  // In a landmark of its own, as everything on the page is (axe `region`).
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', t.read);
  nav.append(link);
  document.body.append(nav);
}
