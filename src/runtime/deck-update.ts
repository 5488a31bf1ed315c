import { type DeckUpdate, DIAGRAM, PAGE } from '../model/page.js';

/**
 * Applies a dev-server update to a `.slides` element: only the top-level sections that changed are
 * replaced (an edit to one slide of a long deck re-renders that slide). Returns false when the update
 * leaves out sections this markup does not line up with; the caller then reloads.
 */
export function applyDeckUpdate(slides: Element, update: DeckUpdate): boolean {
  if (update.stacks.every((s) => s !== null)) {
    slides.innerHTML = update.stacks.join('\n');
    return true;
  }
  const current = [...slides.children].filter((c) => c.tagName === 'SECTION');
  if (current.length !== update.stacks.length) return false;
  update.stacks.forEach((html, i) => {
    if (html === null) return;
    const template = document.createElement('template');
    template.innerHTML = html;
    const next = template.content.firstElementChild;
    if (next) current[i]?.replaceWith(next);
  });
  return true;
}

/**
 * What identifies a slide's content across an update: its text (notes included), without what the page
 * added to it since (drawn diagrams, reveal's fragment numbering and classes), plus its images' names.
 */
function contentKey(section: Element): string {
  const clone = section.cloneNode(true) as Element;
  for (const drawn of clone.querySelectorAll(DIAGRAM.svg)) drawn.replaceChildren();
  const images = [...clone.querySelectorAll('img')].map((i) =>
    (i.getAttribute('data-src') ?? i.getAttribute('src') ?? '').replace(/[?#].*$/, ''),
  );
  return `${(clone.textContent ?? '').replace(/\s+/g, ' ').trim()}\n${images.join(' ')}`;
}

/** The slide the lecturer was on, remembered before an update (see `findSlide`). */
export interface SlideMark {
  index: number;
  count: number;
  key: string;
  title: string;
}

export function markSlide(leaves: Element[], index: number): SlideMark {
  const el = leaves[index];
  return { index, count: leaves.length, key: el ? contentKey(el) : '', title: el?.getAttribute(PAGE.titleAttr) ?? '' };
}

/**
 * Where the lecturer should be after an update: on the same slide (its content), not the same number —
 * a slide inserted or deleted before it moves it. The slide unchanged: the nearest with the same content.
 * The slide itself edited: the same number when the count is unchanged, else the nearest with its title,
 * else the same number. `same` says whether the slide is unchanged (its step can be kept).
 */
export function findSlide(leaves: Element[], mark: SlideMark): { index: number; same: boolean } {
  const nearest = (match: (el: Element) => boolean) => {
    let best = -1;
    leaves.forEach((el, i) => {
      if (match(el) && (best < 0 || Math.abs(i - mark.index) < Math.abs(best - mark.index))) best = i;
    });
    return best;
  };
  const clamp = (i: number) => Math.max(0, Math.min(i, leaves.length - 1));
  const same = nearest((el) => contentKey(el) === mark.key);
  if (same >= 0) return { index: same, same: true };
  if (leaves.length === mark.count) return { index: clamp(mark.index), same: false };
  const titled = mark.title ? nearest((el) => el.getAttribute(PAGE.titleAttr) === mark.title) : -1;
  return { index: titled >= 0 ? titled : clamp(mark.index), same: false };
}

/**
 * Dev server: an asset file changed. Every use of it on the page (img, source, video, poster, inline
 * background) is asked for again under a new query, so the browser does not answer from its cache.
 */
export function refreshAsset(root: ParentNode, asset: string, stamp: number): number {
  const matches = (url: string) => {
    try {
      return new URL(url, document.baseURI).pathname.endsWith(`/${asset}`);
    } catch {
      return false;
    }
  };
  const fresh = (url: string) => {
    const u = new URL(url, document.baseURI);
    u.searchParams.set('t', String(stamp));
    return u.href;
  };
  let n = 0;
  for (const el of root.querySelectorAll<HTMLElement>('[src], [data-src], [poster], [srcset], [style], [data-background-image]')) {
    for (const attr of ['src', 'data-src', 'poster', 'data-background-image']) {
      const v = el.getAttribute(attr);
      if (v && matches(v)) {
        el.setAttribute(attr, fresh(v));
        n++;
      }
    }
    const srcset = el.getAttribute('srcset');
    if (srcset?.split(',').some((c) => matches(c.trim().split(/\s+/)[0] ?? ''))) {
      el.setAttribute(
        'srcset',
        srcset
          .split(',')
          .map((c) => {
            const [u = '', ...rest] = c.trim().split(/\s+/);
            return [matches(u) ? fresh(u) : u, ...rest].join(' ');
          })
          .join(', '),
      );
      n++;
    }
    const style = el.getAttribute('style');
    if (style?.includes('url(')) {
      const next = style.replace(/url\((['"]?)([^'")]+)\1\)/g, (all, q: string, u: string) =>
        matches(u) ? `url(${q}${fresh(u)}${q})` : all,
      );
      if (next !== style) {
        el.setAttribute('style', next);
        n++;
      }
    }
  }
  return n;
}
