/**
 * The speaker view's model: where the deck is, what comes next, what a key does without a deck to follow,
 * and the lecture timer. Pure (no DOM, no clock): the view, timer and link controllers call it.
 */
import { slideCounter, slideLabel } from '../model/page.js';
import { fill, UI_STRINGS, type UiStrings } from '../model/ui-strings.js';
import type { DeckPosition, NavAction } from './speaker-link.js';

/** A slide as the model sees it: reveal's indices, its place in the deck and how many steps it has. */
export interface SlideStops {
  h: number;
  v: number;
  index: number;
  /** Fragments (steps) on the slide; the last is `steps - 1`, -1 is before the first. */
  steps: number;
}

/** The slide at a position: exact, else the first of that stack, else the first slide. */
export function slideAt<S extends SlideStops>(slides: S[], p: DeckPosition): S | undefined {
  return slides.find((s) => s.h === p.h && s.v === p.v) ?? slides.find((s) => s.h === p.h) ?? slides[0];
}

/** What `next` shows: the next step of this slide, or the next slide before its steps; null at the end. */
export function nextOf<S extends SlideStops>(slides: S[], p: DeckPosition): { slide: S; f: number; step: boolean } | null {
  const slide = slideAt(slides, p);
  if (!slide) return null;
  if (p.f < slide.steps - 1) return { slide, f: p.f + 1, step: true };
  const after = slides[slide.index + 1];
  return after ? { slide: after, f: -1, step: false } : null;
}

/** One step back: the previous step, or the previous slide with every step shown. */
export function prevOf(slides: SlideStops[], p: DeckPosition): DeckPosition {
  if (p.f > -1) return { ...p, f: p.f - 1 };
  const slide = slideAt(slides, p);
  const before = slide ? slides[slide.index - 1] : undefined;
  return before ? { h: before.h, v: before.v, f: before.steps - 1 } : p;
}

/** Stepping with no deck to follow (rehearsing from the notes alone). */
export function stepLocally(slides: SlideStops[], p: DeckPosition, action: NavAction): DeckPosition {
  if (action === 'next' || action === 'right' || action === 'down') {
    const n = nextOf(slides, p);
    return n ? { h: n.slide.h, v: n.slide.v, f: n.f } : p;
  }
  if (action === 'prev' || action === 'left' || action === 'up') return prevOf(slides, p);
  if (action === 'first') return { h: 0, v: 0, f: -1 };
  if (action === 'last') {
    const l = slides.at(-1);
    return l ? { h: l.h, v: l.v, f: -1 } : p;
  }
  return p;
}

/** The labels above the two previews, in the deck's UI language (`t`, English by default). */
export function captions(
  slides: (SlideStops & { title: string })[],
  p: DeckPosition,
  t: UiStrings['speaker'] = UI_STRINGS.en.speaker,
): { f: number; step: string; next: string; position: string; title: string } {
  const slide = slideAt(slides, p);
  if (!slide) return { f: -1, step: '', next: t.endOfDeck, position: '', title: '' };
  const f = Math.min(p.f, slide.steps - 1);
  const next = nextOf(slides, { ...p, f });
  return {
    f,
    step: slide.steps ? fill(t.stepsShown, { step: f + 1, steps: slide.steps }) : '',
    next: !next
      ? t.endOfDeck
      : next.step
        ? fill(t.nextStep, { step: next.f + 1, steps: slide.steps })
        : fill(next.slide.title ? t.nextSlideTitled : t.nextSlide, { n: slideLabel(next.slide.index), title: next.slide.title }),
    position: slideCounter(slide.index, slides.length),
    title: `${slideLabel(slide.index)}. ${slide.title}`,
  };
}

/** Keys of the speaker view (a clicker sends PageDown/PageUp, or Space). */
export const SPEAKER_KEYS: Readonly<Record<string, NavAction>> = {
  ArrowRight: 'right',
  ArrowLeft: 'left',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageDown: 'next',
  PageUp: 'prev',
  ' ': 'next',
  n: 'next',
  p: 'prev',
  Home: 'first',
  End: 'last',
  b: 'pause',
  '.': 'pause',
};

export function actionOfKey(key: string, shift: boolean): NavAction | undefined {
  if (key === ' ' && shift) return 'prev';
  return SPEAKER_KEYS[key.length === 1 ? key.toLowerCase() : key];
}

// ---------------------------------------------------------------------------------------------------
// The lecture timer: times in ms since the epoch, passed in.

export interface TimerState {
  start: number | null;
  pausedAt: number | null;
}

export const IDLE: TimerState = { start: null, pausedAt: null };

export type TimerPhase = 'idle' | 'running' | 'paused';

export function phaseOf(t: TimerState): TimerPhase {
  return t.start === null ? 'idle' : t.pausedAt === null ? 'running' : 'paused';
}

/** Starts an idle timer, resumes a paused one (the pause does not count); a running one is left alone. */
export function startTimer(t: TimerState, now: number): TimerState {
  if (t.start === null) return { start: now, pausedAt: null };
  if (t.pausedAt !== null) return { start: t.start + now - t.pausedAt, pausedAt: null };
  return t;
}

/** The timer button: pause when running, else start or resume. */
export function toggleTimer(t: TimerState, now: number): TimerState {
  return phaseOf(t) === 'running' ? { ...t, pausedAt: now } : startTimer(t, now);
}

/** Seconds on the clock. */
export function elapsedSeconds(t: TimerState, now: number): number {
  return t.start === null ? 0 : ((t.pausedAt ?? now) - t.start) / 1000;
}

/** A stored timer, read defensively: anything malformed is an idle timer. */
export function parseTimer(raw: string | null): TimerState {
  try {
    const data = JSON.parse(raw ?? '{}') as Partial<TimerState>;
    const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
    const start = num(data.start);
    return start === null ? IDLE : { start, pausedAt: num(data.pausedAt) };
  } catch {
    return IDLE;
  }
}
