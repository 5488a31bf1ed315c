import { PAGE, slideId, slideLabel } from '../model/page.js';
import type { UiStrings } from '../model/ui-strings.js';
import type { DeckConfig } from './config.js';
import { el, loadLazyMedia } from './dom.js';
import { lectureNav } from './lecture-nav.js';
import { leafSlides } from './page-dom.js';

/** Reading mode's page: the slides turned into reading items, the table of contents, the top bar. */

export interface Item {
  index: number;
  id: string;
  /** The slide number (`slideLabel`): "12". */
  label: string;
  title: string;
  el: HTMLElement;
  tocLink?: HTMLAnchorElement;
  /** Index of the divider slide this slide belongs to, if any. */
  group: number;
}

export type Strings = UiStrings['reading'];

/**
 * Wide tables scroll inside themselves; the column count lets CSS give many-column tables a minimum width.
 * Whether the box is a named, focusable region depends on whether it scrolls (scroll-cues.ts).
 */
function wrapTables(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('lectern-table-scroll')) continue;
    const wrap = el('div', { class: 'lectern-table-scroll' });
    const cols = table.rows[0]?.cells.length ?? 1;
    wrap.style.setProperty('--lectern-cols', String(cols));
    table.before(wrap);
    wrap.append(table);
  }
}

/** Turns one server-rendered slide into a reading item: permalink, the slide as a card, the notes as commentary. */
function buildItem(section: HTMLElement, index: number, t: Strings): Item {
  const id = section.id || slideId(index);
  const label = slideLabel(index);
  const heading = section.querySelector('h1, h2, h3');
  const title = section.dataset.title || heading?.textContent?.trim() || `${t.slide} ${label}`;

  const article = el('article', { class: 'lectern-ritem', id, tabindex: '-1', 'aria-label': `${t.slide} ${label}: ${title}` });
  section.removeAttribute('id');
  section.classList.add('lectern-slide');
  const bg = section.dataset.backgroundColor;
  if (bg) section.style.background = bg;

  const meta = el('div', { class: 'lectern-rmeta' });
  const num = el('a', { class: 'lectern-rnum', href: `#${id}`, title: t.link }, label);
  num.setAttribute('aria-label', `${t.link}: ${t.slide} ${label}`);
  const present = el('a', { class: 'lectern-rpresent', href: `./#/${id}`, title: t.presentTitle }, t.presentFromHere);
  meta.append(num, present);

  const notes = section.querySelector(`:scope > ${PAGE.notes}`);
  notes?.remove();
  wrapTables(section);
  loadLazyMedia(section);
  article.append(meta, section);
  if (notes?.textContent?.trim() || notes?.querySelector('img, svg, .katex')) {
    const commentary = el('aside', { class: 'lectern-commentary', 'aria-label': `${t.commentary} (${t.slide} ${label})` });
    const tag = el('p', { class: 'lectern-commentary-label', 'aria-hidden': 'true' }, t.commentary);
    commentary.append(tag, ...notes.childNodes);
    wrapTables(commentary);
    article.append(commentary);
  }
  return { index, id, label, title, el: article, group: -1 };
}

/** Sections are the divider slides; slides after a divider nest under it. Decks without dividers get a flat list. */
function buildToc(items: Item[], t: Strings): HTMLOListElement {
  const list = el('ol', { class: 'lectern-toc-list' });
  let group: HTMLOListElement | undefined;
  let groupIndex = -1;
  for (const item of items) {
    const section = item.el.querySelector('.lectern-slide');
    const isDivider = !!section?.classList.contains('divider');
    const li = el('li');
    const a = el('a', { href: `#${item.id}`, 'data-target': item.id });
    a.append(
      // Its name is what it shows, number then title (WCAG 2.5.3: a name that differs from the text
      // defeats voice control: "click 12").
      el('span', { class: 'lectern-toc-num' }, item.label),
      ' ',
      el('span', { class: 'lectern-toc-title' }, item.title),
    );
    li.append(a);
    item.tocLink = a;
    if (isDivider) {
      li.classList.add('lectern-toc-section');
      list.append(li);
      group = el('ol');
      li.append(group);
      groupIndex = item.index;
      item.group = item.index;
    } else if (group && !section?.classList.contains('title')) {
      group.append(li);
      item.group = groupIndex;
    } else {
      list.append(li);
    }
  }
  for (const ol of list.querySelectorAll('ol')) if (!ol.children.length) ol.remove();
  return list;
}

/** The parts of the reading page its behaviour needs. */
export interface ReadingPage {
  items: Item[];
  bar: HTMLElement;
  tocButton: HTMLButtonElement;
  countNow: HTMLElement;
  presentNow: HTMLAnchorElement;
  progressFill: HTMLElement;
  nav: HTMLElement;
  closeButton: HTMLButtonElement;
  backdrop: HTMLElement;
  main: HTMLElement;
}

/**
 * Replaces reveal's markup with the reading page: skip link, top bar (contents toggle, title, position,
 * present), table of contents (sidebar, or drawer on narrow screens), the items, a footer.
 */
export function buildReadingPage(config: DeckConfig, t: Strings): ReadingPage {
  const reveal = document.querySelector('.reveal');
  const slides = reveal?.querySelector('.slides');
  if (!reveal || !slides) throw new Error('reading mode: no slides on the page');
  const items = leafSlides(slides).map((l, i) => buildItem(l.el, i, t));
  const total = items.length;

  const skip = el('a', { class: 'lectern-skip', href: '#lectern-main' }, t.skip);
  const bar = el('header', { class: 'lectern-rbar' });
  const tocButton = el('button', { type: 'button', class: 'lectern-toc-toggle', 'aria-controls': 'lectern-toc', 'aria-expanded': 'false' });
  tocButton.setAttribute('aria-label', t.openContents);
  tocButton.innerHTML =
    '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';
  const titleLink = el('a', { class: 'lectern-rtitle', href: `#${items[0]?.id ?? 'lectern-main'}` }, config.title || document.title);
  const count = el('span', { class: 'lectern-rcount' });
  const countNow = el('span', { class: 'lectern-rcount-now' }, '1');
  count.append(el('span', { class: 'lectern-visually-hidden' }, `${t.position}: `), countNow, ` / ${total}`);
  const presentNow = el('a', { class: 'lectern-rpresent-now', href: './#/', title: t.presentTitle });
  presentNow.innerHTML =
    '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M8 5v14l11-7z" fill="currentColor"/></svg>';
  presentNow.append(el('span', {}, t.present));
  const progress = el('div', { class: 'lectern-rprogress', 'aria-hidden': 'true' });
  const progressFill = el('div', { class: 'lectern-rprogress-fill' });
  progress.append(progressFill);
  bar.append(tocButton, titleLink, count, presentNow, progress);

  const nav = el('nav', { class: 'lectern-toc', id: 'lectern-toc', 'aria-labelledby': 'lectern-toc-heading' });
  const navHead = el('div', { class: 'lectern-toc-head' });
  const navTitle = el('h2', { id: 'lectern-toc-heading' }, t.contents);
  const closeButton = el('button', { type: 'button', class: 'lectern-toc-close', 'aria-label': t.closeContents }, '×');
  navHead.append(navTitle, closeButton);
  nav.append(navHead, buildToc(items, t));
  const backdrop = el('div', { class: 'lectern-toc-backdrop', hidden: '' });

  const main = el('main', { id: 'lectern-main', class: 'reveal lectern-reading', tabindex: '-1' });
  if (config.lang) main.lang = config.lang;
  main.append(...items.map((i) => i.el));
  const footer = el('footer', { class: 'lectern-rfooter' });
  const top = el('a', { href: `#${items[0]?.id ?? 'lectern-main'}` }, t.top);
  footer.append(el('p', {}, t.end), top);
  const lectures = lectureNav(config, true);
  if (lectures) footer.append(lectures);
  main.append(footer);

  const layout = el('div', { class: 'lectern-rlayout' });
  layout.append(nav, main);
  reveal.replaceWith(skip, bar, layout, backdrop);

  return { items, bar, tocButton, countNow, presentNow, progressFill, nav, closeButton, backdrop, main };
}
