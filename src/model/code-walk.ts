/**
 * Code walkthroughs (` ```js {1|3-4|6} `, reveal's `data-line-numbers="1|3-4"`, Quarto's `code-line-numbers`): the
 * part of the page contract the build writes and the stylesheet, the e2e tests and the checker read.
 *
 * A walkthrough is a `<div class="lectern-walk">` holding one empty fragment span per step after the first
 * (`data-walk-step="k"`, k = 2…n, no fragment index, so they step in document order with the slide's other
 * fragments) and the highlighted `<pre>`. Each line is a `<span class="line">` listing the groups it belongs to
 * (`data-walk="1 3"`). Which group is current follows from which step spans reveal has made `.visible`, so the
 * dimming is pure CSS (`walkStepCss`): forwards, backwards, in the speaker view's previews, the overview and the
 * print view's per-step pages alike, with no script of its own. Groups are numbered from 1, the one shown first.
 */

export const WALK = {
  className: 'lectern-walk',
  selector: '.lectern-walk',
  /** On the walkthrough (or a plain code block's wrapper) when line numbers are shown. */
  numbersClass: 'lectern-walk-numbers',
  stepClass: 'lectern-walk-step',
  step: '.lectern-walk-step',
  /** On a step span: the group that becomes current when it is shown (2…n). */
  stepAttr: 'data-walk-step',
  /** On a line: the groups (1-based, space-separated) that highlight it. */
  groupsAttr: 'data-walk',
  /** On a line highlighted by a group that is not the whole block: reading mode marks it in the gutter. */
  markAttr: 'data-walk-mark',
  /** On the first line of each run of a group's lines: the group's number, shown in reading mode's gutter. */
  labelAttr: 'data-walk-label',
  /** Source location of the code block (`formatSource`). */
  lineAttr: 'data-line',
  /** CSS counter of the line numbers; the `<pre>` resets it to the first number minus one. */
  counter: 'lectern-line',
  /** Opacity of the lines the current group does not highlight (reveal.js's highlight plugin dims to 0.4). */
  dimOpacity: 0.35,
} as const;

/** Step rules written into every deck page: enough for any walkthrough added while the dev server runs. */
export const WALK_MIN_RULES = 12;

/** The empty fragment spans of a walkthrough with `groups` groups (one per group after the first). */
export function walkStepSpans(groups: number): string {
  let out = '';
  for (let k = 2; k <= groups; k++) out += `<span class="fragment ${WALK.stepClass}" ${WALK.stepAttr}="${k}" aria-hidden="true"></span>`;
  return out;
}

/**
 * The CSS that dims every line the current group does not highlight, for walkthroughs of up to `groups` groups.
 * Group k is current when step span k is visible and span k+1 is not (group 1: no span visible). Only in the
 * slide views (presenting, speaker, print); reading mode and the handout show the groups marked, never dimmed.
 */
export function walkStepCss(groups: number): string {
  const scope = `html.lectern-slides-view:not(.lectern-handout) ${WALK.selector}`;
  const span = (k: number) => `[${WALK.stepAttr}="${k}"].visible`;
  const rules: string[] = [];
  for (let k = 1; k <= Math.max(groups, WALK_MIN_RULES); k++) {
    const here = k === 1 ? `:not(:has(> ${WALK.step}.visible))` : `:has(> ${span(k)})`;
    rules.push(`${scope}${here}:not(:has(> ${span(k + 1)})) .line:not([${WALK.groupsAttr}~="${k}"])`);
  }
  return `${rules.join(',\n')}{opacity:${WALK.dimOpacity}}`;
}
