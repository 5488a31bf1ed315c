import { describe, expect, it } from 'vitest';
import { UI_STRINGS } from '../model/ui-strings.js';
import {
  actionOfKey,
  captions,
  elapsedSeconds,
  IDLE,
  nextOf,
  parseTimer,
  phaseOf,
  prevOf,
  slideAt,
  startTimer,
  stepLocally,
  toggleTimer,
} from './speaker-model.js';

// A deck: slide 1 (no steps), a stack 2 / 2.2 (2.2 has two steps), slide 3 (one step).
const slides = [
  { h: 0, v: 0, index: 0, steps: 0, title: 'Intro' },
  { h: 1, v: 0, index: 1, steps: 0, title: 'Stack' },
  { h: 1, v: 1, index: 2, steps: 2, title: '' },
  { h: 2, v: 0, index: 3, steps: 1, title: 'End' },
];

describe('speaker model: where the deck is', () => {
  it('finds the slide at a position, falling back to the stack, then the first slide', () => {
    expect(slideAt(slides, { h: 1, v: 1, f: -1 })?.index).toBe(2);
    expect(slideAt(slides, { h: 1, v: 7, f: -1 })?.index).toBe(1);
    expect(slideAt(slides, { h: 9, v: 0, f: -1 })?.index).toBe(0);
    expect(slideAt([], { h: 0, v: 0, f: -1 })).toBeUndefined();
  });

  it('next is the next step of this slide, then the next slide before its steps, then nothing', () => {
    expect(nextOf(slides, { h: 1, v: 1, f: -1 })).toMatchObject({ slide: { index: 2 }, f: 0, step: true });
    expect(nextOf(slides, { h: 1, v: 1, f: 1 })).toMatchObject({ slide: { index: 3 }, f: -1, step: false });
    expect(nextOf(slides, { h: 2, v: 0, f: 0 })).toBeNull();
  });

  it('back is the previous step, or the previous slide with every step shown', () => {
    expect(prevOf(slides, { h: 1, v: 1, f: 1 })).toEqual({ h: 1, v: 1, f: 0 });
    expect(prevOf(slides, { h: 2, v: 0, f: -1 })).toEqual({ h: 1, v: 1, f: 1 });
    expect(prevOf(slides, { h: 0, v: 0, f: -1 })).toEqual({ h: 0, v: 0, f: -1 });
  });

  it('steps on its own when no deck is open: forward, back, first, last; pause does nothing here', () => {
    let p = { h: 0, v: 0, f: -1 };
    for (const a of ['next', 'right', 'down', 'next'] as const) p = stepLocally(slides, p, a);
    expect(p).toEqual({ h: 1, v: 1, f: 1 });
    expect(stepLocally(slides, p, 'up')).toEqual({ h: 1, v: 1, f: 0 });
    expect(stepLocally(slides, p, 'last')).toEqual({ h: 2, v: 0, f: -1 });
    expect(stepLocally(slides, p, 'first')).toEqual({ h: 0, v: 0, f: -1 });
    expect(stepLocally(slides, p, 'pause')).toBe(p);
  });

  it('captions say which step is shown and what comes next', () => {
    expect(captions(slides, { h: 1, v: 1, f: 0 })).toEqual({
      f: 0,
      step: '· 1 of 2 steps shown',
      next: '· step 2 of 2 on this slide',
      position: '3 / 4',
      title: '3. ',
    });
    expect(captions(slides, { h: 1, v: 0, f: 5 })).toMatchObject({ f: -1, step: '', next: '· slide 3' });
    expect(captions(slides, { h: 0, v: 0, f: -1 }).next).toBe('· slide 2: Stack');
    expect(captions(slides, { h: 2, v: 0, f: 0 }).next).toBe('· end of deck');
  });

  it("captions speak the deck's language", () => {
    const zh = UI_STRINGS.zh.speaker;
    expect(captions(slides, { h: 1, v: 1, f: 0 }, zh)).toMatchObject({ step: '· 已显示 1 / 2 步', next: '· 本页第 2 / 2 步' });
    expect(captions(slides, { h: 0, v: 0, f: -1 }, zh).next).toBe('· 第 2 页：Stack');
    expect(captions(slides, { h: 2, v: 0, f: 0 }, zh).next).toBe('· 已到最后');
  });

  it('maps keys as a clicker sends them; Shift+Space goes back', () => {
    expect(actionOfKey('PageDown', false)).toBe('next');
    expect(actionOfKey(' ', true)).toBe('prev');
    expect(actionOfKey('N', false)).toBe('next');
    expect(actionOfKey('B', false)).toBe('pause');
    expect(actionOfKey('x', false)).toBeUndefined();
  });
});

describe('speaker model: the lecture timer', () => {
  it('starts, pauses without counting the pause, resumes and resets', () => {
    let t = startTimer(IDLE, 1000);
    expect(phaseOf(t)).toBe('running');
    expect(elapsedSeconds(t, 61_000)).toBe(60);
    t = toggleTimer(t, 61_000);
    expect(phaseOf(t)).toBe('paused');
    expect(elapsedSeconds(t, 500_000)).toBe(60);
    t = toggleTimer(t, 121_000);
    expect(phaseOf(t)).toBe('running');
    expect(elapsedSeconds(t, 131_000)).toBe(70);
    expect(startTimer(t, 999_999)).toBe(t);
    expect(elapsedSeconds(IDLE, 5)).toBe(0);
  });

  it('reads a stored timer, and anything malformed as idle', () => {
    expect(parseTimer('{"start":5,"pausedAt":null}')).toEqual({ start: 5, pausedAt: null });
    expect(parseTimer('{"start":5,"pausedAt":9}')).toEqual({ start: 5, pausedAt: 9 });
    for (const raw of [null, '', 'nope', '{"start":"5"}', '[]', '{"pausedAt":3}']) expect(parseTimer(raw), String(raw)).toEqual(IDLE);
  });
});
