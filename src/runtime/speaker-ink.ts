import './ink.css';
import { uiStrings } from '../model/ui-strings.js';
import { inkCrossing } from './ink-cross.js';
import { inkPad } from './ink-pad.js';
import { inkSvg } from './ink-render.js';
import { saveInk } from './ink-save.js';
import { inkStore } from './ink-store.js';

/**
 * Ink in the speaker view: the current slide's ink over its preview, drawn on with D (a lecturer with a
 * tablet draws here and the projector shows it). Strokes cross between the two windows as they are drawn
 * (ink-cross.ts); the ink itself is the deck's store, shared through its storage events.
 */
export function startSpeakerInk(
  slug: string,
  lang: string | undefined,
  screen: HTMLElement,
  host: HTMLElement,
  slide: () => string | undefined,
) {
  const t = uiStrings(lang).ink;
  const svg = inkSvg('lectern-ink-speaker');
  screen.append(svg);
  const store = inkStore(slug, () => pad.render());
  const cross = inkCrossing(
    slug,
    (op) => pad.remoteDraw(op),
    (id) => pad.remoteEnd(id),
  );
  const pad = inkPad(svg, store, t, {
    slide,
    host,
    onSave: () => void saveInk(slug, store.ink, t),
    onStroke: (place, stroke, end) => cross.stroke(place, stroke, end),
  });
  return {
    pad,
    destroy() {
      cross.destroy();
      store.destroy();
      pad.destroy();
    },
  };
}
