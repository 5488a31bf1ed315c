/**
 * Wide formulas, tables and code in reading mode: a box that scrolls sideways says so (its hidden side
 * fades out, `data-lectern-more`), is a keyboard stop with a name (`tabindex=0`, `role=region`,
 * `aria-label`), so arrow keys scroll it; a box that fits is neither a tab stop nor a landmark.
 * Measured when a box is laid out or resized (a ResizeObserver, so slides reading mode has not laid out
 * yet cost nothing) and on scroll.
 */

export const SCROLL_BOXES = '.katex-display, .lectern-table-scroll, pre';

export interface ScrollLabels {
  formula: string;
  table: string;
  code: string;
}

/** Which side still hides content: `right`, `left`, `both`, or none. */
export function hiddenSides(scrollLeft: number, clientWidth: number, scrollWidth: number): 'left' | 'right' | 'both' | undefined {
  const left = scrollLeft > 1;
  const right = scrollLeft + clientWidth < scrollWidth - 1;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : undefined;
}

function nameOf(box: HTMLElement, labels: ScrollLabels): string {
  if (box.matches('.lectern-table-scroll')) {
    const table = box.querySelector('table');
    const named = table?.querySelector('caption')?.textContent ?? table?.querySelector('th')?.textContent;
    return named?.trim() ? `${labels.table}: ${named.trim()}` : labels.table;
  }
  return box.matches('pre') ? labels.code : labels.formula;
}

export function initScrollCues(root: HTMLElement, labels: ScrollLabels) {
  const update = (box: HTMLElement) => {
    if (box.clientWidth === 0) return;
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', nameOf(box, labels));
      const more = hiddenSides(box.scrollLeft, box.clientWidth, box.scrollWidth);
      if (more) box.dataset.lecternMore = more;
      else delete box.dataset.lecternMore;
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
      delete box.dataset.lecternMore;
    }
  };
  const resized = new ResizeObserver((entries) => {
    for (const e of entries) update(e.target as HTMLElement);
  });
  const onScroll = (e: Event) => {
    const box = e.target;
    if (box instanceof HTMLElement && box.matches(SCROLL_BOXES)) update(box);
  };
  const observe = () => {
    for (const box of root.querySelectorAll<HTMLElement>(SCROLL_BOXES)) {
      // Until measured, a box is no tab stop (the build marks every code block focusable).
      if (!box.hasAttribute('role')) box.removeAttribute('tabindex');
      resized.observe(box);
    }
  };
  observe();
  // Scroll events do not bubble; capture them on the way down.
  root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return {
    /** Boxes in slides that were replaced (dev server). */
    observe,
    destroy() {
      resized.disconnect();
      root.removeEventListener('scroll', onScroll, { capture: true });
    },
  };
}
