import { describe, expect, it } from 'vitest';
import { currentAt, type KeyContext, keyMove } from './reading-model.js';

describe('currentAt', () => {
  it('is the last slide whose top has passed the reading line', () => {
    expect(currentAt([-900, -100, 50, 700], 120)).toBe(2);
    expect(currentAt([300, 900], 120)).toBe(0);
    expect(currentAt([], 120)).toBe(0);
  });
});

describe('keyMove', () => {
  // Slides start every 1000 px; the reader is 400 px into slide 2 (index 1).
  const at = (scrollY: number, extra: Partial<KeyContext> = {}): KeyContext => ({
    now: Math.floor(scrollY / 1000),
    total: 5,
    scrollY,
    alignedY: (i) => (i < 5 ? i * 1000 : Number.POSITIVE_INFINITY),
    page: 600,
    inScroller: false,
    animating: false,
    ...extra,
  });

  it('j/n and → go to the next slide; → is left alone inside a sideways scroller', () => {
    expect(keyMove('j', at(1400))).toEqual({ goTo: 2 });
    expect(keyMove('ArrowRight', at(1400))).toEqual({ goTo: 2 });
    expect(keyMove('ArrowRight', at(1400, { inScroller: true }))).toBeNull();
  });

  it('k and ← go back to the start of this slide first, then to the previous one', () => {
    expect(keyMove('k', at(1400))).toEqual({ goTo: 1 });
    expect(keyMove('ArrowLeft', at(1000))).toEqual({ goTo: 0 });
    expect(keyMove('k', at(1400, { animating: true }))).toEqual({ goTo: 0 });
  });

  it('PageDown stops at a slide start within a page, else scrolls a page', () => {
    expect(keyMove('PageDown', at(1500))).toEqual({ goTo: 2 });
    expect(keyMove('PageDown', at(1000))).toEqual({ scrollBy: 600 });
    expect(keyMove('PageDown', at(4100))).toEqual({ scrollBy: 600 });
  });

  it('PageUp stops at this slide start, then the previous one, else scrolls a page back', () => {
    expect(keyMove('PageUp', at(1400))).toEqual({ goTo: 1 });
    expect(keyMove('PageUp', at(1000, { page: 1200 }))).toEqual({ goTo: 0 });
    expect(keyMove('PageUp', at(1000))).toEqual({ scrollBy: -600 });
  });

  it('Home and End; other keys are not reading mode’s', () => {
    expect(keyMove('Home', at(3000))).toEqual({ goTo: 0 });
    expect(keyMove('End', at(0))).toEqual({ goTo: 4 });
    expect(keyMove('x', at(0))).toBeNull();
  });
});
