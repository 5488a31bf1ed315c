import './reading.css';
import { type DeckConfig, markReady } from './config.js';
import { diagramsSettled } from './diagrams.js';
import { buildReadingPage, type Item, stringsFor } from './reading-page.js';
import { loadSaved, save } from './reading-resume.js';

/**
 * Reading mode (`?view=read`): the server-rendered slides as one continuous page, each slide followed by
 * the lecturer's notes as commentary, every fragment shown, with a table of contents, progress, resume
 * (localStorage + URL hash) and keyboard navigation. No reveal.js.
 */

const GAP = 12;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export async function startReading(config: DeckConfig): Promise<void> {
  const t = stringsFor(config.lang ?? 'en');
  const html = document.documentElement;
  html.classList.add('lectern-reading-page');
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  if (config.title) document.title = `${config.title} · ${t.contents === '目录' ? '阅读' : 'Reading'}`;

  const { items, bar, tocButton, countNow, presentNow, progressFill, nav, closeButton, backdrop, main } = buildReadingPage(config, t);
  const total = items.length;
  const byId = new Map(items.map((item) => [item.id, item]));

  // --- Where the reader is -------------------------------------------------------------------------
  let current = -1;
  /** Set by a jump (hash, TOC, keys, resume): that slide stays current while it stays where the jump put it. */
  let pinned: { index: number; viewTop: number; offset: number } | undefined;
  let animating = false;
  let animTimer: number | undefined;

  const barHeight = () => bar.getBoundingClientRect().height;
  const maxScroll = () => document.documentElement.scrollHeight - innerHeight;
  const alignedY = (item: Item) => item.el.getBoundingClientRect().top + scrollY - barHeight() - GAP;
  const narrow = () => matchMedia('(max-width: 1023px)').matches;

  const spy = (): number => {
    if (pinned && !animating) {
      const item = items[pinned.index];
      if (item && Math.abs(item.el.getBoundingClientRect().top - pinned.viewTop) <= 3) return pinned.index;
      pinned = undefined;
    }
    if (pinned) return pinned.index;
    if (scrollY >= maxScroll() - 2 && scrollY > 0) return total - 1;
    const line = barHeight() + Math.min(160, innerHeight * 0.25);
    let found = 0;
    for (const item of items) {
      if (item.el.getBoundingClientRect().top <= line) found = item.index;
      else break;
    }
    return found;
  };

  let saveTimer: number | undefined;
  const persist = () => {
    const item = items[current];
    if (!item) return;
    const height = item.el.getBoundingClientRect().height || 1;
    const offset = Math.max(0, Math.min(1, (scrollY - alignedY(item)) / height));
    save(config.slug, { id: item.id, offset: Math.round(offset * 1000) / 1000 });
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
    countNow.textContent = String(index + 1);
    presentNow.href = `./#/${item.id}`;
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
  const goTo = (index: number, opts: { smooth?: boolean; offset?: number; focus?: boolean } = {}) => {
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

  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('scrollend', endAnimation);
  addEventListener('resize', () => {
    const item = items[current];
    if (pinned && item && !animating) goTo(item.index);
    else onScroll();
  });
  addEventListener('pagehide', persist);

  // --- Table of contents drawer (narrow screens) ------------------------------------------------
  const setDrawer = (open: boolean, restoreFocus = true) => {
    if (open) nav.dataset.open = '';
    else delete nav.dataset.open;
    backdrop.hidden = !open;
    tocButton.setAttribute('aria-expanded', String(open));
    html.classList.toggle('lectern-toc-open', open);
    const link = items[current]?.tocLink ?? nav.querySelector('a');
    if (open && link) {
      keepTocInView(link);
      link.focus({ preventScroll: true });
    } else if (restoreFocus && nav.contains(document.activeElement)) tocButton.focus({ preventScroll: true });
  };
  tocButton.addEventListener('click', () => setDrawer(!('open' in nav.dataset)));
  closeButton.addEventListener('click', () => setDrawer(false));
  backdrop.addEventListener('click', () => setDrawer(false));
  addEventListener('resize', () => {
    if (!narrow() && 'open' in nav.dataset) setDrawer(false, false);
  });

  // In-page links to slides (TOC, permalinks, back to top): our own scrolling, a history entry, focus moved.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const item = a ? byId.get(decodeURIComponent(a.getAttribute('href')?.slice(1) ?? '')) : undefined;
    if (!item) return;
    event.preventDefault();
    if ('open' in nav.dataset) setDrawer(false, false);
    history.pushState(history.state, '', `#${item.id}`);
    goTo(item.index, { smooth: true, focus: true });
  });
  const fromHash = () => {
    const item = byId.get(decodeURIComponent(location.hash.slice(1)));
    if (item) goTo(item.index);
  };
  addEventListener('popstate', fromHash);
  addEventListener('hashchange', fromHash);

  // --- Keyboard: j/k and ←/→ step slides, PageUp/PageDown page but stop at slide starts, Home/End --
  const base = () => (pinned ? pinned.index : spy());
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && 'open' in nav.dataset) {
      setDrawer(false);
      return;
    }
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    if ('open' in nav.dataset) return;
    const inScroller = !!target?.closest('.lectern-table-scroll, pre, .katex-display');
    const page = innerHeight - barHeight() - 48;
    const now = base();
    const item = items[now];
    let handled = true;
    switch (event.key) {
      case 'j':
      case 'n':
        goTo(now + 1, { smooth: true });
        break;
      case 'k':
      case 'p':
        if (item && alignedY(item) < scrollY - 8 && !animating) goTo(now, { smooth: true });
        else goTo(now - 1, { smooth: true });
        break;
      case 'ArrowRight':
        if (inScroller) handled = false;
        else goTo(now + 1, { smooth: true });
        break;
      case 'ArrowLeft':
        if (inScroller) handled = false;
        else if (item && alignedY(item) < scrollY - 8 && !animating) goTo(now, { smooth: true });
        else goTo(now - 1, { smooth: true });
        break;
      case 'PageDown': {
        const next = items[now + 1];
        const ny = next ? alignedY(next) : Number.POSITIVE_INFINITY;
        if (next && ny > scrollY + 2 && ny <= scrollY + page) goTo(now + 1, { smooth: true });
        else window.scrollBy({ top: page, behavior: reducedMotion() ? 'instant' : 'smooth' });
        break;
      }
      case 'PageUp': {
        const here = item ? alignedY(item) : 0;
        const prev = items[now - 1];
        if (item && here < scrollY - 2 && here >= scrollY - page) goTo(now, { smooth: true });
        else if (prev && here >= scrollY - 2 && alignedY(prev) >= scrollY - page) goTo(now - 1, { smooth: true });
        else window.scrollBy({ top: -page, behavior: reducedMotion() ? 'instant' : 'smooth' });
        break;
      }
      case 'Home':
        goTo(0, { smooth: true });
        break;
      case 'End':
        goTo(total - 1, { smooth: true });
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });

  // --- Resume: the URL hash wins, then the saved position; jump now, again once diagrams are drawn --
  const saved = loadSaved(config.slug);
  const hashItem = byId.get(decodeURIComponent(location.hash.slice(1)));
  const start = hashItem ?? (saved ? byId.get(saved.id) : undefined);
  const startOffset = start && saved && saved.id === start.id ? saved.offset : 0;
  const resume = () => {
    if (start && (start.index > 0 || startOffset > 0)) goTo(start.index, { offset: startOffset });
    else {
      window.scrollTo({ top: 0, behavior: 'instant' });
      pinned = undefined;
      setCurrent(0);
    }
  };
  resume();
  updateProgress();

  // Let the first screen paint before Mermaid is loaded and the diagrams are drawn.
  await new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  await diagramsSettled(main);
  await document.fonts.ready;
  // Layout moved under the reader while diagrams were drawn: if they have not scrolled, put them back.
  if (pinned && !animating) resume();
  onScroll();
  markReady();
}
