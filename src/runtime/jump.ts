import { type JumpTarget, jumpMatches } from '../model/jump.js';
import { PAGE, slideLabel } from '../model/page.js';
import { fill, uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { leafSlides } from './page-dom.js';
import { picker } from './picker.js';
import type { Deck } from './present.js';

/**
 * The slides with their numbers and titles. `slides` are in reading order, so a slide's number is its place
 * (an author's own id, `<!-- .slide: id=… -->`, replaces the `slide-N` id, so ids cannot number them).
 */
function targetsOf(slides: readonly HTMLElement[]): (JumpTarget & { el: HTMLElement })[] {
  return slides.map((s, index) => {
    // Reading mode's cards carry the slide inside them, and its title.
    const title = s.getAttribute(PAGE.titleAttr) ?? s.querySelector(`[${PAGE.titleAttr}]`)?.getAttribute(PAGE.titleAttr) ?? '';
    return { index, title, el: s };
  });
}

/** A slide without a title is shown by the start of its text. */
function shownTitle(slide: HTMLElement): string {
  // Reading mode's card: the slide inside it, not its number, links and commentary.
  const copy = (slide.querySelector('section') ?? slide).cloneNode(true) as HTMLElement;
  for (const n of copy.querySelectorAll(`${PAGE.notes}, svg, .katex-mathml, script, style`)) n.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Where the jump box finds the slides (reveal's, the speaker view's copy, reading mode's cards) and how it goes to one. */
export interface JumpSource {
  /** Every slide in reading order (hidden ones left out), as the slide numbers count them. */
  slides(): readonly HTMLElement[];
  go(slide: HTMLElement): void;
}

/** Presenting: reveal's slides and navigation. */
export const deckSource = (deck: Deck): JumpSource => ({
  // Not getSlides(), which leaves out `data-visibility="uncounted"` slides that the numbers count.
  slides: () => leafSlides(deck.getSlidesElement()).map((l) => l.el),
  go(slide) {
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v);
  },
});

/**
 * `G`: go to a slide by its number (as the corner shows it) or by words of its title; the matching titles
 * are listed as you type. Written for Lectern instead of reveal's jump-to-slide, which reads numbers its own
 * way and matches a regular expression against the slides' whole text.
 */
export function jumpBox(source: JumpSource, lang: string | undefined) {
  const t = uiStrings(lang).find;
  let targets = targetsOf(source.slides());
  const box = picker<HTMLElement>({
    name: 'lectern-jump',
    lang: lang ?? 'en',
    title: t.jumpTitle,
    placeholder: t.jumpPlaceholder,
    hint: t.hint,
    close: t.close,
    items(query) {
      const matches = query.trim() ? jumpMatches(query, targets) : [];
      const items = matches.map((m) => {
        const slide = targets.find((s) => s.index === m.index)?.el as HTMLElement;
        const title = m.title || shownTitle(slide);
        return {
          value: slide,
          content: [
            el('span', { class: 'lectern-find-num' }, slideLabel(m.index)),
            el('span', { class: 'lectern-find-title' }, title || t.untitled),
          ],
        };
      });
      const status = !query.trim()
        ? ''
        : !items.length
          ? t.jumpNone
          : items.length === 1
            ? t.oneMatch
            : fill(t.matches, { n: items.length });
      return { items, status };
    },
    choose: (slide) => source.go(slide),
  });
  return {
    open(text?: string) {
      // The dev server may have changed the slides since the last time.
      targets = targetsOf(source.slides());
      box.open(text);
    },
    submit: box.submit,
    destroy: box.destroy,
  };
}
