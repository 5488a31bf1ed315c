import { PAGE, QA } from '../model/page.js';
import { el } from './dom.js';

/**
 * The answers of a slide's Q&A steps: each `A:` paragraph with what follows it (its list, more paragraphs)
 * up to the next question, heading or the notes. Shared by reading mode (folded answers) and the handout
 * (blank answers).
 */
export function answerGroups(slide: ParentNode): HTMLElement[][] {
  const groups: HTMLElement[][] = [];
  for (const answer of slide.querySelectorAll<HTMLElement>(QA.answer)) {
    if (answer.closest(PAGE.notes)) continue;
    const group = [answer];
    let next = answer.nextElementSibling as HTMLElement | null;
    while (
      next &&
      !next.matches(`${QA.question}, ${QA.answer}, h1, h2, h3, h4, h5, h6, ${PAGE.notes}`) &&
      !next.querySelector(`${QA.question}, ${QA.answer}`)
    ) {
      group.push(next);
      next = next.nextElementSibling as HTMLElement | null;
    }
    groups.push(group);
  }
  return groups;
}

/** Puts an answer's elements into one wrapper, where the answer was. */
export function wrapAnswer(group: HTMLElement[], attrs: Record<string, string>): HTMLElement {
  const wrapper = el('div', attrs);
  group[0]?.before(wrapper);
  wrapper.append(...group);
  return wrapper;
}
