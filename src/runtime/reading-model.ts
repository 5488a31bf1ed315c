/**
 * Reading mode's decisions, pure: which slide is the current one at a scroll position, and what a key
 * does. The scroll and key controllers measure the page and call these.
 */

/** The current slide: the last whose top (in viewport pixels) has passed `line`, a little below the bar. */
export function currentAt(tops: number[], line: number): number {
  let found = 0;
  for (const [i, top] of tops.entries()) {
    if (top <= line) found = i;
    else break;
  }
  return found;
}

/** What the page looks like to a key press. */
export interface KeyContext {
  /** The current slide. */
  now: number;
  total: number;
  scrollY: number;
  /** Scroll position that puts slide i under the bar (Infinity past the end). */
  alignedY: (i: number) => number;
  /** A page-key's worth of scrolling. */
  page: number;
  /** Focus is in something that scrolls sideways itself (a wide table, code, display math). */
  inScroller: boolean;
  /** A smooth scroll is under way. */
  animating: boolean;
}

export type KeyMove = { goTo: number } | { scrollBy: number } | null;

/**
 * j/n and → go to the next slide; k/p and ← to the start of this slide, or the previous one when already
 * there; PageDown/PageUp page, but stop at a slide start on the way; Home/End. Null: not ours.
 */
export function keyMove(key: string, c: KeyContext): KeyMove {
  const here = c.now < c.total ? c.alignedY(c.now) : 0;
  const back = (): KeyMove => (here < c.scrollY - 8 && !c.animating ? { goTo: c.now } : { goTo: c.now - 1 });
  switch (key) {
    case 'j':
    case 'n':
      return { goTo: c.now + 1 };
    case 'k':
    case 'p':
      return back();
    case 'ArrowRight':
      return c.inScroller ? null : { goTo: c.now + 1 };
    case 'ArrowLeft':
      return c.inScroller ? null : back();
    case 'PageDown': {
      const ny = c.now + 1 < c.total ? c.alignedY(c.now + 1) : Number.POSITIVE_INFINITY;
      return ny > c.scrollY + 2 && ny <= c.scrollY + c.page ? { goTo: c.now + 1 } : { scrollBy: c.page };
    }
    case 'PageUp': {
      if (here < c.scrollY - 2 && here >= c.scrollY - c.page) return { goTo: c.now };
      if (c.now > 0 && here >= c.scrollY - 2 && c.alignedY(c.now - 1) >= c.scrollY - c.page) return { goTo: c.now - 1 };
      return { scrollBy: -c.page };
    }
    case 'Home':
      return { goTo: 0 };
    case 'End':
      return { goTo: c.total - 1 };
    default:
      return null;
  }
}
