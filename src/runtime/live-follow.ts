import { LIVE_KEYS, type LivePosition, samePosition } from '../model/live.js';
import type { UiStrings } from '../model/ui-strings.js';
import { liveInk } from './live-ink.js';
import { liveLink } from './live-link.js';
import { isProgrammatic, programmatic } from './nav-origin.js';
import type { Deck } from './present.js';

export interface Controller {
  destroy(): void;
}

/** The position a reveal deck is at, in the live channel's terms. */
export function deckPosition(deck: Deck): LivePosition {
  const { h, v, f } = deck.getIndices();
  return { h, v: v ?? 0, f: f ?? -1, id: (deck.getCurrentSlide() as HTMLElement | undefined)?.id ?? '' };
}

const POSITION_EVENTS = ['slidechanged', 'fragmentshown', 'fragmenthidden'];

/**
 * An audience page presenting: follows the lecturer's slide, fragment and diagram step, and shows the
 * lecturer's ink over whichever slide it is on. Moving on one's
 * own (keys, swipes, controls) leaves the lecture until "Back to live" (or key C), or until the page is
 * back where the lecture is.
 */
export function followInDeck(deck: Deck, t: UiStrings['live'], start: LivePosition | null): Controller {
  let settling = 0;
  const ink = liveInk(() =>
    import('./live-ink-view.js').then((m) => m.deckInkView(deck, ink.strokes, () => (link.follow === 'following' ? ink.board : undefined))),
  );
  const link = liveLink(
    t,
    start,
    (target) => {
      if (!samePosition(deckPosition(deck), target)) programmatic(() => deck.slide(target.h, target.v, target.f));
    },
    ink.apply,
    ink.setBoard,
  );
  const onMove = () => {
    if (isProgrammatic()) {
      // Diagrams re-synced their steps under us: put the page back on the lecturer's step (once per turn).
      // A timer, not a frame: a page in the background gets no frames, and must still be on the step.
      if (link.follow === 'following' && !samePosition(deckPosition(deck), link.live) && !settling)
        settling = window.setTimeout(() => {
          settling = 0;
          if (link.follow === 'following') link.backToLive();
        }, 0);
      return;
    }
    link.setFollow(samePosition(deckPosition(deck), link.live) ? 'following' : 'browsing');
  };
  for (const e of POSITION_EVENTS) deck.on(e, onMove);
  deck.addKeyBinding({ keyCode: LIVE_KEYS.backToLive.keyCode, key: LIVE_KEYS.backToLive.key, description: t.backKey }, link.backToLive);

  return {
    destroy() {
      link.destroy();
      ink.destroy();
      window.clearTimeout(settling);
      for (const e of POSITION_EVENTS) deck.off(e, onMove);
      deck.removeKeyBinding(LIVE_KEYS.backToLive.keyCode);
    },
  };
}

/**
 * An audience page in reading mode (with the lecturer's ink over the slides drawn on): scrolled to the lecturer's slide as it changes, unless the reader
 * has scrolled to another slide (then "Back to live" brings them there and following resumes).
 */
export function followInReading(t: UiStrings['live'], start: LivePosition | null, cards: { id: string; card: HTMLElement }[]): Controller {
  const hereId = () => decodeURIComponent(location.hash.slice(1));
  const ink = liveInk(() => import('./live-ink-view.js').then((m) => m.readingInkView(cards, ink.strokes)));
  // reading.ts scrolls to the slide named by the hash (hashchange), as for any in-page link.
  const link = liveLink(
    t,
    start,
    (target) => {
      if (target.id && hereId() !== target.id) location.replace(`#${encodeURIComponent(target.id)}`);
    },
    ink.apply,
  );

  // reading.ts keeps the hash on the slide in view: the reader has left the lecture when it names another.
  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      link.setFollow(!link.live || hereId() === link.live.id ? 'following' : 'browsing');
    });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key.toUpperCase() === LIVE_KEYS.backToLive.key) {
      event.preventDefault();
      link.backToLive();
    }
  };
  addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener('keydown', onKey);

  return {
    destroy() {
      link.destroy();
      ink.destroy();
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onScroll);
      document.removeEventListener('keydown', onKey);
    },
  };
}
