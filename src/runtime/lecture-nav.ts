import type { DeckConfig, LectureLink } from '../model/page.js';
import { uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import type { Deck } from './present.js';

/**
 * Previous / next lecture and the course home: at the end of reading mode, and over the last slide while
 * presenting (where the lecturer or a student lands when the lecture is over). Links come from the build
 * (course order, see src/project/course.ts); in reading mode they open the other lecture in reading mode.
 */
export function lectureNav(config: DeckConfig, reading: boolean): HTMLElement | undefined {
  const course = config.course;
  if (!course || (!course.prev && !course.next)) return undefined;
  const t = uiStrings(config.lang).home;
  const nav = el('nav', { class: 'lectern-lecture-nav', 'aria-label': `${t.previous} / ${t.next}` });
  const link = (l: LectureLink, label: string, rel: string) => {
    const a = el('a', { href: reading ? `${l.href}?view=read` : l.href, rel, class: `lectern-lecture-${rel}` });
    a.append(
      el('span', { class: 'lectern-lecture-label' }, `${rel === 'prev' ? '← ' : ''}${label}${rel === 'next' ? ' →' : ''}`),
      el('span', { class: 'lectern-lecture-title', ...(l.lang ? { lang: l.lang } : {}) }, l.title),
    );
    return a;
  };
  if (course.prev) nav.append(link(course.prev, t.previous, 'prev'));
  nav.append(el('a', { href: course.home, class: 'lectern-lecture-home' }, t.home));
  if (course.next) nav.append(link(course.next, t.next, 'next'));
  return nav;
}

/** While presenting: the links show on the last slide only. */
export function installLectureNav(deck: Deck, config: DeckConfig): void {
  // Not in the speaker view's preview frames.
  if (new URLSearchParams(location.search).has('receiver')) return;
  const nav = lectureNav(config, false);
  if (!nav) return;
  nav.classList.add('lectern-lecture-nav-present');
  const update = () => {
    nav.hidden = !deck.isLastSlide();
  };
  update();
  deck.on('ready', update);
  deck.on('slidechanged', update);
  document.body.append(nav);
}
