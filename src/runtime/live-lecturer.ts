import { LECTURER_PARAM, type LecturerMessage, LIVE_KEYS, LIVE_QR_PATH } from '../model/live.js';
import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { INK_EVENTS } from './ink-cross.js';
import { type Controller, deckPosition } from './live-follow.js';
import { sendLiveInk } from './live-ink-send.js';
import { liveSocket } from './live-socket.js';
import type { Deck } from './present.js';
import { boardKey, storedBoard } from './talk-state.js';

/** The audience URL as a full-screen QR code, for the room to scan; Q, Escape or a click closes it. */
function qrOverlay(t: UiStrings['live'], audienceUrl: string) {
  const close = el('button', { type: 'button', class: 'lectern-live-qr-close' }, t.qrClose);
  const box = el('div', { class: 'lectern-live-qr', role: 'dialog', 'aria-modal': 'true', 'aria-label': t.qrTitle });
  box.append(el('h2', {}, t.qrTitle));
  if (audienceUrl) {
    box.append(el('img', { src: LIVE_QR_PATH, alt: audienceUrl }), el('p', { class: 'lectern-live-qr-url' }, audienceUrl));
  } else box.append(el('p', { class: 'lectern-live-qr-none' }, t.qrNone));
  box.append(close);
  box.hidden = true;
  document.body.append(box);
  const toggle = (open = box.hidden === true) => {
    box.hidden = !open;
    document.documentElement.classList.toggle('lectern-live-qr-open', open);
    if (open) close.focus({ preventScroll: true });
  };
  close.addEventListener('click', () => toggle(false));
  box.addEventListener('click', (e) => e.target === box && toggle(false));
  // While it is shown, the deck gets no keys (Escape would open reveal's overview behind it).
  const onKey = (e: KeyboardEvent) => {
    if (box.hidden) return;
    if (e.key === 'Escape' || e.key.toUpperCase() === LIVE_KEYS.qr.key) toggle(false);
    if (e.key !== 'Tab') {
      e.stopImmediatePropagation();
      if (e.key !== 'Enter' && e.key !== ' ') e.preventDefault();
    }
  };
  document.addEventListener('keydown', onKey, true);
  const destroy = () => {
    document.removeEventListener('keydown', onKey, true);
    box.remove();
  };
  return { toggle, destroy };
}

/**
 * The lecturer's deck on the live server: reports every slide, fragment and diagram step (diagram steps
 * are fragments) and the ink as it is drawn (live-ink-send.ts) to the channel, shows how many follow, and
 * shows the QR code on Q. The key comes from
 * this page's own URL and goes only to the socket.
 */
export function leadFromDeck(deck: Deck, t: UiStrings['live'], audienceUrl: string, slug: string): Controller {
  const key = new URLSearchParams(location.search).get(LECTURER_PARAM) ?? '';
  const qr = qrOverlay(t, audienceUrl);
  const pill = el('div', { class: 'lectern-live-lecturer', 'aria-live': 'polite' });
  document.body.append(pill);
  let count = 0;
  let open = false;
  const show = () => {
    pill.dataset.state = open ? 'open' : 'offline';
    pill.textContent = open ? `● ${count} ${t.followers}` : t.offline;
    document.documentElement.dataset.lecternLive = open ? 'lecturer' : 'offline';
  };

  const report = () => {
    const message: LecturerMessage = { t: 'pos', ...deckPosition(deck), black: deck.isPaused() };
    const board = storedBoard(slug);
    if (board !== undefined) message.board = board;
    channel.send(JSON.stringify(message));
  };
  const ink = sendLiveInk(slug, (data) => channel.send(data));
  const channel = liveSocket({
    query: `?${LECTURER_PARAM}=${encodeURIComponent(key)}`,
    onStatus: (s) => {
      open = s === 'open';
      if (!open) ink.closed();
      show();
    },
    onOpen: () => {
      report();
      ink.opened();
    },
    onMessage: (m) => {
      if (m.t === 'audience') count = m.count;
      show();
    },
  });
  // paused/resumed: the blackout (B, or from the speaker view), mirrored on the audience's screens.
  const events = ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed'];
  for (const e of events) deck.on(e, report);
  document.addEventListener('lectern:updated', report);
  // The blank board (W), opened here or in the speaker view, is shown to the followers instead of the slide.
  document.addEventListener(INK_EVENTS.changed, report);
  const onStorage = (e: StorageEvent) => {
    if (e.key === boardKey(slug)) report();
  };
  addEventListener('storage', onStorage);
  deck.addKeyBinding({ keyCode: LIVE_KEYS.qr.keyCode, key: LIVE_KEYS.qr.key, description: t.qrKey }, () => qr.toggle());
  show();

  return {
    destroy() {
      ink.destroy();
      channel.destroy();
      qr.destroy();
      pill.remove();
      for (const e of events) deck.off(e, report);
      document.removeEventListener('lectern:updated', report);
      document.removeEventListener(INK_EVENTS.changed, report);
      removeEventListener('storage', onStorage);
      deck.removeKeyBinding(LIVE_KEYS.qr.keyCode);
    },
  };
}
