import './speaker.css';
import type { InkDraw } from '../model/ink-ops.js';
import { keyCodeOf, LETTER_KEYS } from '../model/keys.js';
import { type UiStrings, uiStrings } from '../model/ui-strings.js';
import { readDeckConfig, viewOf } from './config.js';
import { el } from './dom.js';
import type { Deck } from './present.js';
import { saveTalk } from './talk-state.js';

/** Where the deck is: reveal's indices (`f` is -1 before the first fragment). */
export interface DeckPosition {
  h: number;
  v: number;
  f: number;
}

/** Commands the speaker view may send; the deck maps each onto reveal's own navigation. */
export type NavAction = 'next' | 'prev' | 'left' | 'right' | 'up' | 'down' | 'first' | 'last' | 'pause';

/** Messages on the `lectern:<slug>` BroadcastChannel, between deck tabs and speaker views of one browser. */
export type SpeakerMessage =
  | ({ type: 'state'; paused: boolean } & DeckPosition)
  | { type: 'hello' }
  | { type: 'nav'; action: NavAction }
  | ({ type: 'goto' } & DeckPosition)
  | { type: 'bye' }
  /** The laser pointer's dot, in slide coordinates (laser.ts), from either window. */
  | { type: 'laser'; on: boolean; x: number; y: number }
  /** Alt+click on the speaker view's current slide: the deck zooms into that point, or out (zoom.ts), slide coordinates. */
  | { type: 'zoom'; x: number; y: number }
  /** A stroke under way, point batch by point batch (ink-cross.ts, src/model/ink-ops.ts), from either window; then its end. */
  | { type: 'ink-draw'; op: InkDraw }
  | { type: 'ink-end'; id: string };

export const channelName = (slug: string): string => `lectern:${slug}`;

/** `?view=speaker` of the same deck page: fonts, KaTeX CSS and theme come with it. */
export function speakerUrl(): string {
  const url = new URL(location.href);
  url.search = '?view=speaker';
  url.hash = '';
  return url.href;
}

const NAV: Record<NavAction, (deck: Deck) => void> = {
  next: (d) => d.next(),
  prev: (d) => d.prev(),
  left: (d) => d.left(),
  right: (d) => d.right(),
  up: (d) => d.up(),
  down: (d) => d.down(),
  first: (d) => d.slide(0, 0, -1),
  last: (d) => d.slide(Number.MAX_SAFE_INTEGER, 0),
  pause: (d) => d.togglePause(),
};

/** Shown on the deck when the browser blocked the popup (or a single screen wants a tab instead). */
function showBlockedNotice(href: string, t: UiStrings['present']): void {
  document.querySelector('.lectern-speaker-notice')?.remove();
  const box = el('div', { class: 'lectern-speaker-notice', role: 'alert' });
  const text = el('span', {}, t.popupBlocked);
  const link = el('a', { href, target: '_blank' }, t.openSpeakerTab);
  const close = el('button', { type: 'button', class: 'lectern-speaker-notice-close', 'aria-label': t.dismiss }, '×');
  const dismiss = () => box.remove();
  link.addEventListener('click', dismiss);
  close.addEventListener('click', dismiss);
  box.append(text, link, close);
  document.body.append(box);
  link.focus({ preventScroll: true });
}

/**
 * Deck side of the speaker view: `S` opens `?view=speaker` in a popup (or offers a tab when popups are
 * blocked); the deck reports where it is on a BroadcastChannel and obeys navigation sent back.
 */
export function installSpeaker(deck: Deck): void {
  if (viewOf(location.search) === 'print' || typeof BroadcastChannel === 'undefined') return;
  const config = readDeckConfig();
  const slug = config.slug ?? '';
  const t = uiStrings(config.lang).present;
  const channel = new BroadcastChannel(channelName(slug));
  const post = (message: SpeakerMessage) => channel.postMessage(message);

  const report = () => {
    const { h, v, f } = deck.getIndices();
    const pos = { h, v: v ?? 0, f: f ?? -1 };
    saveTalk(slug, { pos });
    post({ type: 'state', ...pos, paused: deck.isPaused() });
  };
  for (const event of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed']) deck.on(event, report);
  document.addEventListener('lectern:updated', report);

  channel.addEventListener('message', (event: MessageEvent<SpeakerMessage>) => {
    const message = event.data;
    if (message.type === 'hello') report();
    else if (message.type === 'nav' && Object.hasOwn(NAV, message.action)) {
      // While the screen is black a step only brings the slide back, as the same key does on the deck.
      if (deck.isPaused() && message.action !== 'pause') deck.togglePause(false);
      else NAV[message.action](deck);
    } else if (message.type === 'goto') deck.slide(message.h, message.v, message.f);
  });
  addEventListener('pagehide', () => post({ type: 'bye' }));
  addEventListener('pageshow', (e) => {
    if (e.persisted) report();
  });
  report();

  const open = () => {
    const href = speakerUrl();
    const win = window.open(href, `lectern-speaker-${slug}`, 'popup,width=1100,height=700');
    if (win) win.focus();
    else showBlockedNotice(href, t);
  };
  deck.addKeyBinding({ keyCode: keyCodeOf(LETTER_KEYS.speaker), key: LETTER_KEYS.speaker, description: t.speakerKey }, open);
}
