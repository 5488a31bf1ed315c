import type { UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { answerGroups, wrapAnswer } from './qa.js';

/**
 * Reading mode's self-check: each Q&A answer is folded behind a "Show answer" button (a real button:
 * keyboard, touch, and `aria-expanded` for screen readers), so a student reading alone can think about the
 * question first. Revealed answers stay revealed when the reader comes back (localStorage, per deck);
 * "Show all answers" on every Q&A slide opens (or folds) every answer of the lecture. Presenting, the
 * speaker view, the PDF and the handout are untouched: this runs in reading mode only.
 */

const storageKey = (slug: string) => `lectern:answers:${slug}`;

function loadRevealed(slug: string): Set<string> {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(slug)) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveRevealed(slug: string, ids: Set<string>): void {
  try {
    localStorage.setItem(storageKey(slug), JSON.stringify([...ids]));
  } catch {
    // Storage may be disabled: answers still fold and unfold, without being remembered.
  }
}

interface Answer {
  id: string;
  wrapper: HTMLElement;
  button: HTMLButtonElement;
  /** The slide's commentary (the lecturer's notes usually explain the answer): shown once every answer of the slide is. */
  slide: { commentary: HTMLElement | null; answers: Answer[] };
}

export function initSelfCheck(
  items: { id: string; el: HTMLElement }[],
  slug: string,
  t: UiStrings['reading'],
): { destroy(): void; answers: number } {
  const revealed = loadRevealed(slug);
  const answers: Answer[] = [];
  const allButtons: HTMLButtonElement[] = [];

  const show = (a: Answer, open: boolean) => {
    a.wrapper.hidden = !open;
    a.button.setAttribute('aria-expanded', String(open));
    a.button.textContent = open ? t.hideAnswer : t.showAnswer;
    const { commentary, answers } = a.slide;
    if (commentary) commentary.hidden = answers.some((x) => x.button.getAttribute('aria-expanded') !== 'true');
  };
  const syncAll = () => {
    const allOpen = answers.every((a) => !a.wrapper.hidden);
    for (const b of allButtons) {
      b.textContent = allOpen ? t.hideAll : t.showAll;
      b.dataset.open = String(allOpen);
    }
  };

  for (const item of items) {
    const slide = item.el.querySelector<HTMLElement>('.lectern-slide') ?? item.el;
    const groups = answerGroups(slide);
    if (!groups.length) continue;
    const slideAnswers = { commentary: item.el.querySelector<HTMLElement>('.lectern-commentary'), answers: [] as Answer[] };
    groups.forEach((group, n) => {
      const id = `${item.id}-answer-${n + 1}`;
      const wrapper = wrapAnswer(group, { class: 'lectern-answer', id, role: 'region', 'aria-label': `${t.answer} ${n + 1}` });
      const button = el('button', { type: 'button', class: 'lectern-answer-toggle', 'aria-controls': id });
      wrapper.before(button);
      const answer: Answer = { id, wrapper, button, slide: slideAnswers };
      answers.push(answer);
      slideAnswers.answers.push(answer);
    });
    for (const a of slideAnswers.answers) show(a, revealed.has(a.id));
    const all = el('button', { type: 'button', class: 'lectern-answers-all' });
    item.el.querySelector('.lectern-rmeta')?.append(all);
    allButtons.push(all);
  }
  syncAll();

  const onClick = (event: MouseEvent) => {
    const target = (event.target as Element | null)?.closest?.('button');
    if (!target) return;
    const one = answers.find((a) => a.button === target);
    if (one) {
      const open = one.button.getAttribute('aria-expanded') !== 'true';
      show(one, open);
      if (open) revealed.add(one.id);
      else revealed.delete(one.id);
    } else if (allButtons.includes(target as HTMLButtonElement)) {
      const open = target.getAttribute('data-open') !== 'true';
      for (const a of answers) {
        show(a, open);
        if (open) revealed.add(a.id);
        else revealed.delete(a.id);
      }
    } else return;
    saveRevealed(slug, revealed);
    syncAll();
  };
  const root = items[0]?.el.parentElement;
  root?.addEventListener('click', onClick);
  return {
    answers: answers.length,
    destroy() {
      root?.removeEventListener('click', onClick);
    },
  };
}
