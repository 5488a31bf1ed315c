import './speaker.css';
import { type DeckUpdate, HMR_EVENT, PAGE, pendingDiagrams, slideId } from '../model/page.js';
import { fill, uiStrings } from '../model/ui-strings.js';
import { type DeckConfig, markReady } from './config.js';
import { applyDeckUpdate } from './deck-update.js';
import { drawAll } from './diagrams.js';
import { planTimings } from './pacing.js';
import { installSpeakerFind } from './speaker-find.js';
import { initSpeakerFollow } from './speaker-follow.js';
import { installSpeakerInk } from './speaker-ink-key.js';
import { initSpeakerKeys } from './speaker-keys.js';
import type { DeckPosition, NavAction } from './speaker-link.js';
import { slideAt, stepLocally } from './speaker-model.js';
import { leavesOf, sortFragments } from './speaker-slides.js';
import { initSpeakerTimer } from './speaker-timer.js';
import { type Connection, initSpeakerView, type SpeakerSlide, speakerSlides } from './speaker-view.js';
import { loadTalk, saveTalk } from './talk-state.js';

/**
 * The speaker view (`?view=speaker`): current and next slide drawn from this page's own copy of the deck,
 * the notes, elapsed time, clock and pacing. Follows the deck over a BroadcastChannel and drives it.
 * Made of small controllers (view, timer, follow, keys), each removed by `destroy()`.
 */
export function startSpeaker(config: DeckConfig): { destroy(): void } {
  const slug = config.slug ?? '';
  const source = document.querySelector(PAGE.slides);
  document.querySelector('.reveal')?.remove();
  // This page's own copy of the deck: previews are clones of it, its diagrams are drawn once.
  const template = document.createElement('div');
  template.className = 'slides';
  template.innerHTML = source?.innerHTML ?? '';
  let slides: SpeakerSlide[] = speakerSlides(leavesOf(template));
  const timingsOf = () =>
    slides.map((s) => {
      const t = Number.parseInt(s.el.getAttribute('data-timing') ?? '', 10);
      return Number.isFinite(t) ? t : null;
    });
  const minutesToSeconds = (m?: number) => (m ? m * 60 : undefined);
  let plan = planTimings(timingsOf(), minutesToSeconds(config.durationMinutes));

  const t = uiStrings(config.lang).speaker;
  document.title = fill(t.pageTitle, { title: config.title ?? slug });
  document.body.className = 'lectern-speaker';
  const view = initSpeakerView(config.title ?? slug, t);
  const timer = initSpeakerTimer(slug, view, t);

  // Where the talk was last (shown until a deck reports where it is).
  let pos: DeckPosition = loadTalk(slug).pos;
  const ink = installSpeakerInk(slug, config.lang, view.$('.lectern-sv-current .lectern-sv-reveal'), view.root, () => {
    const slide = slideAt(slides, pos);
    return slide && slideId(slide.index);
  });
  let connection: Connection = 'waiting';
  const render = () => {
    const slide = slideAt(slides, pos);
    view.render(slides, pos, slide);
    timer.show({ plan, slide: slide && { index: slide.index, timed: slide.el.hasAttribute('data-timing') } });
    ink.render();
    void drawNear(slide);
  };

  /** Diagrams of the current, next and following slide, drawn once into the template, then re-shown. */
  const drawNear = async (slide: SpeakerSlide | undefined) => {
    if (!slide || !config.hasMermaid) return;
    const near = slides.slice(slide.index, slide.index + 3);
    const figures = near.flatMap((s) => [...s.el.querySelectorAll<HTMLElement>(pendingDiagrams)]);
    if (figures.length === 0) return;
    await drawAll(figures);
    for (const s of near) sortFragments(s.el);
    slides = speakerSlides(slides);
    render();
  };

  const follow = initSpeakerFollow(slug, {
    state(next, paused) {
      // The deck was closed during the talk and is back (reopened, or reloaded): it goes where the talk is,
      // including steps taken here meanwhile, instead of dragging the speaker view back to its first slide.
      if (connection === 'closed' && (next.h !== pos.h || next.v !== pos.v || next.f !== pos.f)) {
        connection = paused ? 'paused' : 'following';
        view.status(connection);
        follow.send({ type: 'goto', ...pos });
        return;
      }
      const moved = connection !== 'waiting' && connection !== 'closed' && (next.h !== pos.h || next.v !== pos.v || next.f !== pos.f);
      connection = paused ? 'paused' : 'following';
      pos = next;
      // The clock starts with the first step of the lecture, unless started by hand before.
      if (moved) timer.autoStart();
      view.status(connection);
      render();
    },
    bye() {
      connection = 'closed';
      view.status(connection);
    },
  });

  const nav = (action: NavAction) => {
    if (follow.connected) follow.send({ type: 'nav', action });
    else {
      pos = stepLocally(slides, pos, action);
      saveTalk(slug, { pos });
      render();
    }
  };
  const keys = initSpeakerKeys(view.$('.lectern-sv-next .lectern-sv-screen'), nav);
  // G and Ctrl+Shift+F: the deck goes to the slide found (this view alone, with no deck open); Alt+click zooms the deck.
  const find = installSpeakerFind(
    config,
    view.$('.lectern-sv-current .lectern-sv-reveal'),
    () => slides.map((s) => s.el),
    (el) => {
      const slide = slides.find((s) => s.el === el);
      if (!slide) return;
      const to = { h: slide.h, v: slide.v, f: -1 };
      if (follow.connected) follow.send({ type: 'goto', ...to });
      else {
        pos = to;
        saveTalk(slug, { pos });
        render();
      }
    },
  );
  // A clicked button keeps no focus, so a clicker's Space still advances the deck instead of pressing it again.
  for (const b of view.root.querySelectorAll('button')) b.addEventListener('click', () => b.blur());

  // Dev server: new slide markup arrives over HMR, as it does for the deck.
  const onUpdate = (update: DeckUpdate) => {
    if (update.slug !== slug) return;
    if (!applyDeckUpdate(template, update)) {
      location.reload();
      return;
    }
    slides = speakerSlides(leavesOf(template));
    plan = planTimings(timingsOf(), minutesToSeconds(update.config.durationMinutes));
    render();
  };
  import.meta.hot?.on(HMR_EVENT.deck, onUpdate);

  view.status(connection);
  render();
  view.fitAll();
  void document.fonts.ready.then(() => markReady());
  return {
    destroy() {
      import.meta.hot?.off?.(HMR_EVENT.deck, onUpdate);
      keys.destroy();
      find.destroy();
      ink.destroy();
      follow.destroy();
      timer.destroy();
      view.destroy();
    },
  };
}
