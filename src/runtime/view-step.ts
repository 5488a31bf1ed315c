/**
 * Presenting → reading → presenting at the same step: `R` (or the Read link) opens reading mode with the
 * step presenting was at (`?view=read&step=2#slide-12`); reading mode's "Present" then returns to that
 * step of that slide (`./#/slide-12/2`, reveal's address of a fragment) instead of the slide's start.
 */
const STEP = 'step';

/** Where reading mode shows the given slide, remembering presenting's step on it (reveal's fragment index). */
export function readingHref(slideId: string | undefined, step?: number): string {
  const at = step !== undefined && step >= 0 ? `&${STEP}=${step}` : '';
  return `./?view=read${slideId ? `${at}#${encodeURIComponent(slideId)}` : ''}`;
}

/** Presenting at the slide `id`: at the step reading mode was opened from when it is that slide. */
export function presentingHref(id: string, from: { search: string; hash: string } = location): string {
  const step = new URLSearchParams(from.search).get(STEP);
  const opened = decodeURIComponent(from.hash.slice(1));
  return `./#/${id}${step && /^\d+$/.test(step) && opened === id ? `/${step}` : ''}`;
}
