import './ink.css';
import type { InkStroke } from '../model/ink.js';
import { boardPlace } from '../model/ink-ops.js';
import { slideId } from '../model/page.js';
import { inkSvg, renderStrokes } from './ink-render.js';
import { figureFit, inkFigure } from './ink-static.js';
import { BOARD_CHANGED } from './live-ink.js';
import type { Deck } from './present.js';

/** How a follower shows the lecturer's ink: told which places changed; reads their strokes from `strokes`. */
export interface InkView {
  update(places: ReadonlySet<string>): void;
  destroy(): void;
}

/**
 * Presenting: the ink of the slide on screen (whichever the follower is on), read-only over it; or, while
 * `board()` names a page (the lecturer is on the blank board and the follower follows), that page.
 */
export function deckInkView(deck: Deck, strokes: (place: string) => InkStroke[], board: () => number | undefined): InkView {
  const svg = inkSvg('lectern-ink-live');
  deck.getSlidesElement()?.append(svg);
  const here = () => {
    const page = board();
    return page === undefined ? slideId(deck.getSlidePastCount()) : boardPlace(page);
  };
  const render = () => renderStrokes(svg, strokes(here()), board() !== undefined);
  deck.on('slidechanged', render);
  render();
  return {
    update: (places) => {
      if (places.has(here()) || places.has(BOARD_CHANGED)) render();
    },
    destroy() {
      deck.off('slidechanged', render);
      svg.remove();
    },
  };
}

/**
 * Reading mode: each slide with ink is shown as presented, scaled to the column, with the ink over it
 * (reading mode reflows a slide; ink is in slide coordinates), in place of its reflowed card.
 */
export function readingInkView(cards: { id: string; card: HTMLElement }[], strokes: (place: string) => InkStroke[]): InkView {
  const byId = new Map(cards.map((c) => [c.id, c.card]));
  const figures = new Map<string, ReturnType<typeof inkFigure>>();
  const fit = figureFit();
  const render = (id: string) => {
    const card = byId.get(id);
    if (!card) return;
    const list = strokes(id);
    let f = figures.get(id);
    if (!f && !list.length) return;
    f ??= inkFigure(card);
    figures.set(id, f);
    renderStrokes(f.svg, list);
    f.figure.hidden = !list.length;
    card.hidden = list.length > 0;
    if (list.length) fit.observe(f.figure);
    else fit.unobserve(f.figure);
  };
  return {
    update: (places) => {
      for (const id of places) render(id);
    },
    destroy() {
      fit.disconnect();
      for (const [id, f] of figures) {
        f.figure.remove();
        const card = byId.get(id);
        if (card) card.hidden = false;
      }
    },
  };
}
