/**
 * Slide numbers: ONE way to name a slide everywhere — the presenting view's counter, the URL, reading mode,
 * the speaker view, the PDF's page labels and the handout, `lectern check`'s messages, the contents. A slide's
 * number is its place in reading order from 1, vertical sub-slides counted like any other ("12", as Slidev,
 * Marp and reveal's `c/t` count): a student asking about "slide 12" means the slide the lecturer sees as 12.
 * Its id (the URL `#/slide-12`, reading mode's `#slide-12`) carries the same number.
 */

export interface SlidePosition {
  /** 0-based horizontal index. */
  h: number;
  /** 0-based vertical index within its stack. */
  v: number;
}

/** The number a reader sees for the slide at 0-based reading-order `index`: `12`. */
export function slideLabel(index: number): string {
  return String(index + 1);
}

/** The 0-based index a slide number names (`12`, `#12`, `slide 12`), or undefined. */
export function parseSlideLabel(text: string): number | undefined {
  const m = /^(?:slide\s*|#)?([1-9]\d*)$/i.exec(text.trim());
  return m ? Number(m[1]) - 1 : undefined;
}

/** `12 / 36`: where a slide is in the deck (presenting, speaker view, reading mode's bar, handout). */
export function slideCounter(index: number, total: number): string {
  return `${slideLabel(index)} / ${total}`;
}

/** The id of the slide at 0-based reading-order `index`: `slide-12`. */
export function slideId(index: number): string {
  return `slide-${slideLabel(index)}`;
}

/**
 * The slide number of each slide of a deck in source order (undefined for a hidden slide, which reveal.js
 * removes and no view shows): what the build writes as ids and the search index links to.
 */
export function slideNumbers(slides: { attrs: Record<string, string> }[]): (number | undefined)[] {
  let next = 0;
  return slides.map((s) => (s.attrs['data-visibility'] === 'hidden' ? undefined : next++));
}

const SLIDE_ID = /^slide-([1-9]\d*)$/;

/** The 0-based reading-order index an id names, or undefined for other ids. */
export function parseSlideId(id: string): number | undefined {
  const m = SLIDE_ID.exec(id);
  return m ? Number(m[1]) - 1 : undefined;
}
