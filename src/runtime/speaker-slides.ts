/** The speaker view's copy of the deck: slides in the order the lecturer steps through them. */

import { PAGE } from '../model/page.js';
import { type Leaf, leafSlides } from './page-dom.js';

export type { Leaf };

/** reveal's fragment ordering: explicit indices first, in order, then the rest in document order, renumbered 0…n. */
export function sortFragments(slide: HTMLElement): void {
  const ordered: HTMLElement[][] = [];
  const unordered: HTMLElement[][] = [];
  for (const el of slide.querySelectorAll<HTMLElement>(PAGE.fragment)) {
    const attr = el.getAttribute('data-fragment-index');
    if (attr === null) unordered.push([el]);
    else {
      const i = Number.parseInt(attr, 10);
      ordered[i] ??= [];
      ordered[i].push(el);
    }
  }
  let index = 0;
  for (const group of [...ordered, ...unordered]) {
    if (!group) continue;
    for (const el of group) el.setAttribute('data-fragment-index', String(index));
    index++;
  }
}

export function lastFragment(slide: HTMLElement): number {
  let max = -1;
  for (const el of slide.querySelectorAll(`${PAGE.fragment}:not(.disabled)`)) {
    max = Math.max(max, Number.parseInt(el.getAttribute('data-fragment-index') ?? '-1', 10));
  }
  return max;
}

/** The deck's leaf slides, with fragments numbered as reveal numbers them. */
export function leavesOf(slides: Element): Leaf[] {
  const out = leafSlides(slides);
  for (const leaf of out) sortFragments(leaf.el);
  return out;
}
