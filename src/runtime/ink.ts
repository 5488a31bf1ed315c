import './ink.css';
import { slideId } from '../model/page.js';
import { uiStrings } from '../model/ui-strings.js';
import type { DeckConfig } from './config.js';
import { INK_EVENTS, type InkStrokeEvent, inkCrossing } from './ink-cross.js';
import { inkPad } from './ink-pad.js';
import { inkSvg } from './ink-render.js';
import { saveInk } from './ink-save.js';
import { inkStore } from './ink-store.js';
import type { Deck } from './present.js';

/**
 * Ink on the presented deck: an SVG in slide coordinates inside reveal's `.slides` (so it scales with the
 * slide, crisp on any projector), showing the current slide's ink, drawn on while drawing mode is on (D)
 * or the blank board is open (W). Escape leaves drawing before reveal sees it (which would open the overview).
 */
export function startInk(deck: Deck, config: DeckConfig) {
  const slug = config.slug ?? '';
  const t = uiStrings(config.lang).ink;
  const svg = inkSvg('lectern-ink-deck');
  deck.getSlidesElement()?.append(svg);
  const reveal = deck.getRevealElement() as HTMLElement | undefined;
  // What the live lecturer's page relays to followers (live-ink-send.ts): the ink, and strokes under way here.
  const inkChanged = () => document.dispatchEvent(new CustomEvent(INK_EVENTS.changed));
  const relay = (detail: InkStrokeEvent) => document.dispatchEvent(new CustomEvent(INK_EVENTS.stroke, { detail }));
  const store = inkStore(slug, () => {
    pad.render();
    inkChanged();
  });
  const cross = inkCrossing(
    slug,
    (op) => pad.remoteDraw(op),
    (id) => pad.remoteEnd(id),
  );
  const pad = inkPad(svg, store, t, {
    slide: () => {
      // The slide's number in reading order, as every view names it (page.ts).
      return slideId(deck.getSlidePastCount());
    },
    host: document.body,
    onSave: () => void saveInk(slug, store.ink, t),
    onChange: (active) => reveal?.classList.toggle('lectern-inking', active),
    onStroke: (place, stroke, end) => {
      cross.stroke(place, stroke, end);
      relay({ place, stroke });
    },
    onInk: inkChanged,
  });
  const onSlide = () => pad.render();
  deck.on('slidechanged', onSlide);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && pad.active) {
      e.preventDefault();
      e.stopImmediatePropagation();
      pad.leave();
    }
  };
  addEventListener('keydown', onKey, true);
  return {
    pad,
    destroy() {
      deck.off('slidechanged', onSlide);
      removeEventListener('keydown', onKey, true);
      cross.destroy();
      store.destroy();
      pad.destroy();
    },
  };
}
