import { keyCodeOf, LETTER_KEYS } from '../model/keys.js';
import { INK_DATA_ID } from '../model/page.js';
import { uiStrings } from '../model/ui-strings.js';
import type { DeckConfig } from './config.js';
import { initLaser } from './laser.js';
import type { Deck } from './present.js';
import { channelName, type SpeakerMessage } from './speaker-link.js';
import { boardKey, inkKey } from './talk-state.js';

/**
 * D (drawing) and W (blank board) on the deck. The ink code is loaded on the first press — or at once
 * when there is ink to show (drawn before a reload, or saved with the deck) — so a deck nobody draws on
 * loads none of it.
 */
export function installInkKeys(deck: Deck, config: DeckConfig): void {
  let ink: Promise<ReturnType<typeof import('./ink.js').startInk>> | undefined;
  const load = () => {
    ink ??= import('./ink.js').then((m) => m.startInk(deck, config));
    return ink;
  };
  const t = uiStrings(config.lang).help;
  deck.addKeyBinding(
    { keyCode: keyCodeOf(LETTER_KEYS.draw), key: LETTER_KEYS.draw, description: t.draw },
    () => void load().then((i) => i.pad.toggle()),
  );
  deck.addKeyBinding(
    { keyCode: keyCodeOf(LETTER_KEYS.board), key: LETTER_KEYS.board, description: t.board },
    () => void load().then((i) => i.pad.toggleBoard()),
  );
  whenInk(config.slug ?? '', () => void load());
  // L: the laser pointer (reveal's own L, "navigate right", stays on the right arrow).
  const laser = initLaser(config.slug ?? '', () => deck.getSlidesElement(), deck.getRevealElement() as HTMLElement);
  deck.addKeyBinding({ keyCode: keyCodeOf(LETTER_KEYS.laser), key: LETTER_KEYS.laser, description: t.laser }, () => laser.toggle());
}

/**
 * Calls `load` now if there is ink to show (stored in this browser, or saved with the deck), else as soon
 * as another window of the deck draws some (its first points on the deck's channel, or its first stroke
 * stored) or opens the blank board. Cheap: no ink code, no parsing.
 */
export function whenInk(slug: string, load: () => void): void {
  const key = inkKey(slug);
  let stored = false;
  try {
    stored = !!localStorage.getItem(key) || !!localStorage.getItem(boardKey(slug));
  } catch {}
  if (stored || document.getElementById(INK_DATA_ID)) {
    load();
    return;
  }
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName(slug));
  const go = () => {
    removeEventListener('storage', onStorage);
    channel?.close();
    load();
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === key || e.key === boardKey(slug)) go();
  };
  addEventListener('storage', onStorage);
  channel?.addEventListener('message', (e: MessageEvent<SpeakerMessage>) => {
    if (e.data?.type === 'ink-draw') go();
  });
}

/** Reading mode: a toggle to show the saved ink over each slide. */
export async function readSavedInk(cards: { id: string; card: HTMLElement }[], bar: HTMLElement, lang: string | undefined): Promise<void> {
  if (!document.getElementById(INK_DATA_ID)) return;
  const [{ readingInk }, { builtInk }] = await Promise.all([import('./ink-static.js'), import('./ink-store.js')]);
  const ink = builtInk();
  if (ink) readingInk(ink, cards, bar, uiStrings(lang).ink);
}
