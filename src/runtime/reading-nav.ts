import { VIEWER_ENTRY_ATTR } from './diagram-viewer-entry.js';
import { keyMove } from './reading-model.js';
import type { ReadingPage } from './reading-page.js';
import { type ReadingScroll, reducedMotion } from './reading-scroll.js';

const narrow = () => matchMedia('(max-width: 1023px)').matches;

/**
 * Everything but the open drawer (and the backdrop that closes it) is inert — no focus, no clicks, hidden
 * from screen readers — as behind a modal dialog: Tab stays in the contents. Returns the undo.
 */
function inertAround(drawer: HTMLElement, main: HTMLElement, backdrop: HTMLElement): () => void {
  const made = [...document.body.children, main].filter(
    (e): e is HTMLElement => e instanceof HTMLElement && !e.contains(drawer) && e !== backdrop && !e.inert,
  );
  for (const e of made) e.inert = true;
  return () => {
    for (const e of made) e.inert = false;
  };
}

/**
 * The table of contents as a drawer on narrow screens: opened by its button, closed by ×, the backdrop,
 * Escape. Open, it is a modal dialog (role, aria-modal, the page behind inert), as a phone's menu is.
 */
export function initReadingDrawer(page: ReadingPage, scroll: ReadingScroll) {
  const { nav, backdrop, tocButton, closeButton, items, main } = page;
  const html = document.documentElement;
  const isOpen = () => 'open' in nav.dataset;
  let restore: (() => void) | undefined;
  const set = (open: boolean, restoreFocus = true) => {
    if (open) nav.dataset.open = '';
    else delete nav.dataset.open;
    restore?.();
    restore = undefined;
    if (open) {
      nav.setAttribute('role', 'dialog');
      nav.setAttribute('aria-modal', 'true');
      restore = inertAround(nav, main, backdrop);
    } else {
      nav.removeAttribute('role');
      nav.removeAttribute('aria-modal');
    }
    backdrop.hidden = !open;
    tocButton.setAttribute('aria-expanded', String(open));
    html.classList.toggle('lectern-toc-open', open);
    const link = items[scroll.current]?.tocLink ?? nav.querySelector('a');
    if (open && link) {
      scroll.keepTocInView(link);
      link.focus({ preventScroll: true });
    } else if (restoreFocus && nav.contains(document.activeElement)) tocButton.focus({ preventScroll: true });
  };
  // Tab past either end of the open drawer wraps around inside it (rather than into the browser's own bar).
  const onTab = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !isOpen()) return;
    const stops = [...nav.querySelectorAll<HTMLElement>('a[href], button')].filter((x) => x.checkVisibility());
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    if (e.shiftKey ? document.activeElement === first : document.activeElement === last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  };
  nav.addEventListener('keydown', onTab);
  const toggle = () => set(!isOpen());
  const close = () => set(false);
  const onResize = () => {
    if (!narrow() && isOpen()) set(false, false);
  };
  tocButton.addEventListener('click', toggle);
  closeButton.addEventListener('click', close);
  backdrop.addEventListener('click', close);
  addEventListener('resize', onResize);
  return {
    isOpen,
    set,
    destroy() {
      restore?.();
      nav.removeEventListener('keydown', onTab);
      tocButton.removeEventListener('click', toggle);
      closeButton.removeEventListener('click', close);
      backdrop.removeEventListener('click', close);
      removeEventListener('resize', onResize);
    },
  };
}

export type ReadingDrawer = ReturnType<typeof initReadingDrawer>;

/**
 * Reading mode's navigation: in-page links to slides (our own scrolling, a history entry, focus moved),
 * back/forward and hash changes, and the keys of `keyMove`.
 */
export function initReadingKeys(page: ReadingPage, scroll: ReadingScroll, drawer: ReadingDrawer) {
  const { items } = page;
  const byId = new Map(items.map((item) => [item.id, item]));

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const item = a ? byId.get(decodeURIComponent(a.getAttribute('href')?.slice(1) ?? '')) : undefined;
    if (!item) return;
    event.preventDefault();
    if (drawer.isOpen()) drawer.set(false, false);
    history.pushState(history.state, '', `#${item.id}`);
    scroll.goTo(item.index, { smooth: true, focus: true });
  };
  const fromHash = () => {
    // Back out of the diagram viewer's history entry: the reader stays where they are.
    if (document.documentElement.hasAttribute(VIEWER_ENTRY_ATTR)) return;
    const item = byId.get(decodeURIComponent(location.hash.slice(1)));
    if (item) scroll.goTo(item.index);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && drawer.isOpen()) {
      drawer.set(false);
      return;
    }
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    if (drawer.isOpen()) return;
    const move = keyMove(event.key, {
      now: scroll.base(),
      total: items.length,
      scrollY,
      alignedY: (i) => {
        const item = items[i];
        return item ? scroll.alignedY(item) : Number.POSITIVE_INFINITY;
      },
      page: innerHeight - scroll.barHeight() - 48,
      inScroller: !!target?.closest('.lectern-table-scroll, pre, .katex-display'),
      animating: scroll.animating,
    });
    if (!move) return;
    event.preventDefault();
    if ('goTo' in move) scroll.goTo(move.goTo, { smooth: true });
    else window.scrollBy({ top: move.scrollBy, behavior: reducedMotion() ? 'instant' : 'smooth' });
  };

  document.addEventListener('click', onClick);
  addEventListener('popstate', fromHash);
  addEventListener('hashchange', fromHash);
  document.addEventListener('keydown', onKey);
  return {
    byId,
    destroy() {
      document.removeEventListener('click', onClick);
      removeEventListener('popstate', fromHash);
      removeEventListener('hashchange', fromHash);
      document.removeEventListener('keydown', onKey);
    },
  };
}
