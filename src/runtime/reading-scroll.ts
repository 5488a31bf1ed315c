import { currentAt } from './reading-model.js';
import type { Item, ReadingPage } from './reading-page.js';
import { save } from './reading-resume.js';
import { presentingHref } from './view-step.js';

const GAP = 12;
export const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface GoToOptions {
  smooth?: boolean;
  /** Fraction of the slide's height to scroll past its top. */
  offset?: number;
  focus?: boolean;
}

/**
 * Reading mode's scroll spy and scrolling: which slide is current (table of contents, counter, address,
 * saved position), jumps that land where they meant to though far slides are laid out late, progress.
 */
export function initReadingScroll(slug: string, page: ReadingPage) {
  const { items, bar, nav, countNow, presentNow, progressFill } = page;
  const total = items.length;
  let current = -1;
  /** Set by a jump (hash, TOC, keys, resume): that slide stays current while it stays where the jump put it. */
  let pinned: { index: number; viewTop: number; offset: number } | undefined;
  let animating = false;
  let animTimer: number | undefined;
  let saveTimer: number | undefined;

  const barHeight = () => bar.getBoundingClientRect().height;
  const maxScroll = () => document.documentElement.scrollHeight - innerHeight;
  const alignedY = (item: Item) => item.el.getBoundingClientRect().top + scrollY - barHeight() - GAP;

  const spy = (): number => {
    if (pinned && !animating) {
      const item = items[pinned.index];
      if (item && Math.abs(item.el.getBoundingClientRect().top - pinned.viewTop) <= 3) return pinned.index;
      pinned = undefined;
    }
    if (pinned) return pinned.index;
    if (scrollY >= maxScroll() - 2 && scrollY > 0) return total - 1;
    const line = barHeight() + Math.min(160, innerHeight * 0.25);
    // Tops are read until one is below the line: slides further down are not measured.
    const tops: number[] = [];
    for (const item of items) {
      const top = item.el.getBoundingClientRect().top;
      tops.push(top);
      if (top > line) break;
    }
    return currentAt(tops, line);
  };

  const persist = () => {
    const item = items[current];
    if (!item) return;
    const height = item.el.getBoundingClientRect().height || 1;
    const offset = Math.max(0, Math.min(1, (scrollY - alignedY(item)) / height));
    save(slug, { id: item.id, offset: Math.round(offset * 1000) / 1000, index: item.index, total: items.length });
  };

  const keepTocInView = (link: HTMLElement) => {
    const box = nav.getBoundingClientRect();
    const r = link.getBoundingClientRect();
    if (r.top < box.top + 48 || r.bottom > box.bottom - 16) nav.scrollTop += r.top - box.top - box.height / 3;
  };

  const setCurrent = (index: number) => {
    if (index === current) return;
    const prev = items[current];
    const item = items[index];
    if (!item) return;
    current = index;
    if (prev?.tocLink) prev.tocLink.removeAttribute('aria-current');
    for (const a of nav.querySelectorAll('.lectern-toc-active-section')) a.classList.remove('lectern-toc-active-section');
    if (item.tocLink) {
      item.tocLink.setAttribute('aria-current', 'location');
      keepTocInView(item.tocLink);
    }
    const group = items[item.group];
    if (group?.tocLink && group !== item) group.tocLink.classList.add('lectern-toc-active-section');
    countNow.textContent = item.label;
    presentNow.href = presentingHref(item.id);
    if (decodeURIComponent(location.hash.slice(1)) !== item.id) history.replaceState(history.state, '', `#${item.id}`);
  };

  const updateProgress = () => {
    const max = maxScroll();
    const f = max > 0 ? Math.min(1, Math.max(0, scrollY / max)) : 1;
    progressFill.style.transform = `scaleX(${f})`;
  };

  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      setCurrent(spy());
      updateProgress();
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(persist, 250);
    });
  };

  /**
   * Slides far from the screen are not laid out (content-visibility) and count at an estimated height,
   * so a jump can land a little off once the slides it passed are laid out: put the pinned slide back
   * where the jump meant it to be.
   */
  const realign = (within = Number.POSITIVE_INFINITY) => {
    const item = pinned ? items[pinned.index] : undefined;
    if (!pinned || !item) return;
    const y = Math.max(0, Math.min(maxScroll(), alignedY(item) + pinned.offset * item.el.getBoundingClientRect().height));
    const off = Math.abs(y - scrollY);
    if (off > 2 && off < within) window.scrollTo({ top: y, behavior: 'instant' });
    pinned.viewTop = item.el.getBoundingClientRect().top;
  };

  const endAnimation = () => {
    if (!animating) return;
    animating = false;
    window.clearTimeout(animTimer);
    // A reader who scrolled during the glide ended far from the target: leave them there.
    realign(innerHeight / 2);
    onScroll();
  };

  /** Scrolls so the slide sits under the bar (plus `offset` of its height), and pins it as current. */
  const goTo = (index: number, opts: GoToOptions = {}) => {
    const item = items[Math.max(0, Math.min(total - 1, index))];
    if (!item) return;
    const height = item.el.getBoundingClientRect().height;
    const y = Math.max(0, Math.min(maxScroll(), alignedY(item) + (opts.offset ?? 0) * height));
    // A long way is a jump, not a glide: scrolling smoothly past slides lays them out on the way and
    // moves the target (and takes long on a long lecture).
    const distance = Math.abs(y - scrollY);
    const smooth = !!opts.smooth && !reducedMotion() && distance > 2 && distance < innerHeight * 1.5;
    pinned = { index: item.index, viewTop: 0, offset: opts.offset ?? 0 };
    window.clearTimeout(animTimer);
    animating = smooth;
    window.scrollTo({ top: y, behavior: smooth ? 'smooth' : 'instant' });
    if (smooth) animTimer = window.setTimeout(endAnimation, 1500);
    else {
      pinned.viewTop = item.el.getBoundingClientRect().top;
      // The slides around the target are laid out in the next frames: check the landing then.
      requestAnimationFrame(() => requestAnimationFrame(() => !animating && realign()));
    }
    setCurrent(item.index);
    if (opts.focus) item.el.focus({ preventScroll: true });
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(persist, smooth ? 900 : 50);
  };

  const onResize = () => {
    const item = items[current];
    if (pinned && item && !animating) goTo(item.index);
    else onScroll();
  };
  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('scrollend', endAnimation);
  addEventListener('resize', onResize);
  addEventListener('pagehide', persist);

  return {
    goTo,
    onScroll,
    updateProgress,
    keepTocInView,
    /** Shows the top of the page with the first slide current. */
    top() {
      window.scrollTo({ top: 0, behavior: 'instant' });
      pinned = undefined;
      setCurrent(0);
    },
    get current() {
      return current;
    },
    /** The slide keys count from: the one a jump pinned, else the one at the reading line. */
    base: () => (pinned ? pinned.index : spy()),
    get animating() {
      return animating;
    },
    /** A jump is still holding its slide in place (the reader has not scrolled since). */
    get pinned() {
      return pinned !== undefined && !animating;
    },
    alignedY,
    barHeight,
    destroy() {
      removeEventListener('scroll', onScroll);
      removeEventListener('scrollend', endAnimation);
      removeEventListener('resize', onResize);
      removeEventListener('pagehide', persist);
      window.clearTimeout(animTimer);
      window.clearTimeout(saveTimer);
      cancelAnimationFrame(frame);
    },
  };
}

export type ReadingScroll = ReturnType<typeof initReadingScroll>;
