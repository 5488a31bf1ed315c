import './reading.css';
import { type DeckConfig, markReady } from './config.js';
import { diagramsSettled } from './diagrams.js';

/**
 * Reading mode (`?view=read`): the server-rendered slides as one continuous page, each slide followed by
 * the lecturer's notes as commentary, every fragment shown, with a table of contents, progress, resume
 * (localStorage + URL hash) and keyboard navigation. No reveal.js.
 */

interface Item {
  index: number;
  id: string;
  /** "12", or "5.2" for the second slide of a vertical stack. */
  label: string;
  title: string;
  el: HTMLElement;
  tocLink?: HTMLAnchorElement;
  /** Index of the divider slide this slide belongs to, if any. */
  group: number;
}

interface Saved {
  id: string;
  /** How far into the slide the reader had scrolled, as a fraction of its height. */
  offset: number;
}

const STRINGS = {
  en: {
    skip: 'Skip to the lecture',
    contents: 'Contents',
    openContents: 'Open the table of contents',
    closeContents: 'Close the table of contents',
    present: 'Present',
    presentFromHere: 'Present from here',
    presentTitle: 'Present this slide (reveal.js)',
    slide: 'Slide',
    link: 'Link to this slide',
    commentary: "Lecturer's notes",
    position: 'Position',
    end: 'End of the lecture.',
    top: 'Back to the top',
  },
  zh: {
    skip: '跳到正文',
    contents: '目录',
    openContents: '打开目录',
    closeContents: '关闭目录',
    present: '放映',
    presentFromHere: '从此页放映',
    presentTitle: '从这一页开始放映幻灯片',
    slide: '幻灯片',
    link: '本页链接',
    commentary: '讲者说明',
    position: '阅读位置',
    end: '本讲完。',
    top: '回到开头',
  },
};

type Strings = (typeof STRINGS)['en'];

export function stringsFor(lang: string): Strings {
  return lang.toLowerCase().startsWith('zh') ? STRINGS.zh : STRINGS.en;
}

const GAP = 12;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function storageKey(slug: string): string {
  return `lectern:read:${slug}`;
}

function loadSaved(slug: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(storageKey(slug));
    const data = raw ? (JSON.parse(raw) as Partial<Saved>) : undefined;
    if (data && typeof data.id === 'string') return { id: data.id, offset: Number(data.offset) || 0 };
  } catch {
    // Storage may be disabled (private mode, file://): reading still works, without resume.
  }
  return undefined;
}

function save(slug: string, saved: Saved): void {
  try {
    localStorage.setItem(storageKey(slug), JSON.stringify(saved));
  } catch {
    // See loadSaved.
  }
}

/** The slides in reading order: vertical stacks flattened, hidden slides left out. */
function slideSections(slides: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const top of slides.querySelectorAll<HTMLElement>(':scope > section')) {
    const kids = [...top.querySelectorAll<HTMLElement>(':scope > section')];
    for (const s of kids.length ? kids : [top]) if (s.dataset.visibility !== 'hidden') out.push(s);
  }
  return out;
}

function labelOf(id: string, fallback: number): string {
  const m = /^slide-(\d+)(?:-(\d+))?$/.exec(id);
  if (!m) return String(fallback);
  return m[2] ? `${m[1]}.${m[2]}` : (m[1] ?? String(fallback));
}

/** Wide tables scroll inside themselves; the column count lets CSS give many-column tables a minimum width. */
function wrapTables(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('lectern-table-scroll')) continue;
    const wrap = el('div', { class: 'lectern-table-scroll', tabindex: '0', role: 'region' });
    const label = table.querySelector('caption')?.textContent ?? table.querySelector('th')?.textContent ?? 'Table';
    wrap.setAttribute('aria-label', label);
    const cols = table.rows[0]?.cells.length ?? 1;
    wrap.style.setProperty('--lectern-cols', String(cols));
    table.before(wrap);
    wrap.append(table);
  }
}

/** Turns one server-rendered slide into a reading item: permalink, the slide as a card, the notes as commentary. */
function buildItem(section: HTMLElement, index: number, t: Strings): Item {
  const id = section.id || `slide-${index + 1}`;
  const label = labelOf(id, index + 1);
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

  const notes = section.querySelector(':scope > aside.notes');
  notes?.remove();
  wrapTables(section);
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
      el('span', { class: 'lectern-toc-num', 'aria-hidden': 'true' }, item.label),
      el('span', { class: 'lectern-toc-title' }, item.title),
    );
    a.setAttribute('aria-label', `${item.title} (${t.slide} ${item.label})`);
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

export async function startReading(config: DeckConfig): Promise<void> {
  const t = stringsFor(config.lang ?? 'en');
  const html = document.documentElement;
  html.classList.add('lectern-reading-page');
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  if (config.title) document.title = `${config.title} · ${t.contents === '目录' ? '阅读' : 'Reading'}`;

  const reveal = document.querySelector('.reveal');
  const slides = reveal?.querySelector('.slides');
  if (!reveal || !slides) throw new Error('reading mode: no slides on the page');
  const items = slideSections(slides).map((s, i) => buildItem(s, i, t));
  const total = items.length;
  const byId = new Map(items.map((item) => [item.id, item]));

  // Chrome: skip link, top bar (contents toggle, title, position, present), sidebar/drawer, main, footer.
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
  main.append(footer);

  const layout = el('div', { class: 'lectern-rlayout' });
  layout.append(nav, main);
  reveal.replaceWith(skip, bar, layout, backdrop);

  // --- Where the reader is -------------------------------------------------------------------------
  let current = -1;
  /** Set by a jump (hash, TOC, keys, resume): that slide stays current while it stays where the jump put it. */
  let pinned: { index: number; viewTop: number } | undefined;
  let animating = false;
  let animTimer: number | undefined;

  const barHeight = () => bar.getBoundingClientRect().height;
  const maxScroll = () => document.documentElement.scrollHeight - innerHeight;
  const alignedY = (item: Item) => item.el.getBoundingClientRect().top + scrollY - barHeight() - GAP;
  const narrow = () => matchMedia('(max-width: 1023px)').matches;

  const spy = (): number => {
    if (pinned && !animating) {
      const item = items[pinned.index];
      if (item && Math.abs(item.el.getBoundingClientRect().top - pinned.viewTop) <= 3) return pinned.index;
      pinned = undefined;
    }
    if (pinned) return pinned.index;
    if (scrollY >= maxScroll() - 2 && scrollY > 0) return total - 1;
    const line = barHeight() + Math.min(160, innerHeight * 0.25);
    let found = 0;
    for (const item of items) {
      if (item.el.getBoundingClientRect().top <= line) found = item.index;
      else break;
    }
    return found;
  };

  let saveTimer: number | undefined;
  const persist = () => {
    const item = items[current];
    if (!item) return;
    const height = item.el.getBoundingClientRect().height || 1;
    const offset = Math.max(0, Math.min(1, (scrollY - alignedY(item)) / height));
    save(config.slug, { id: item.id, offset: Math.round(offset * 1000) / 1000 });
  };

  const keepTocInView = (link: HTMLElement) => {
    const box = nav.getBoundingClientRect();
    const r = link.getBoundingClientRect();
    if (r.top < box.top + 48 || r.bottom > box.bottom - 16) nav.scrollTop += r.top - box.top - box.height / 3;
  };

  const setCurrent = (index: number) => {
    if (index === current) return;
    const prev = items[current];
    const item = items[index];
    if (!item) return;
    current = index;
    if (prev?.tocLink) prev.tocLink.removeAttribute('aria-current');
    for (const a of nav.querySelectorAll('.lectern-toc-active-section')) a.classList.remove('lectern-toc-active-section');
    if (item.tocLink) {
      item.tocLink.setAttribute('aria-current', 'location');
      keepTocInView(item.tocLink);
    }
    const group = items[item.group];
    if (group?.tocLink && group !== item) group.tocLink.classList.add('lectern-toc-active-section');
    countNow.textContent = String(index + 1);
    presentNow.href = `./#/${item.id}`;
    if (decodeURIComponent(location.hash.slice(1)) !== item.id) history.replaceState(history.state, '', `#${item.id}`);
  };

  const updateProgress = () => {
    const max = maxScroll();
    const f = max > 0 ? Math.min(1, Math.max(0, scrollY / max)) : 1;
    progressFill.style.transform = `scaleX(${f})`;
  };

  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      setCurrent(spy());
      updateProgress();
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(persist, 250);
    });
  };

  const endAnimation = () => {
    if (!animating) return;
    animating = false;
    window.clearTimeout(animTimer);
    const item = pinned ? items[pinned.index] : undefined;
    if (pinned && item) pinned.viewTop = item.el.getBoundingClientRect().top;
    onScroll();
  };

  /** Scrolls so the slide sits under the bar (plus `offset` of its height), and pins it as current. */
  const goTo = (index: number, opts: { smooth?: boolean; offset?: number; focus?: boolean } = {}) => {
    const item = items[Math.max(0, Math.min(total - 1, index))];
    if (!item) return;
    const height = item.el.getBoundingClientRect().height;
    const y = Math.max(0, Math.min(maxScroll(), alignedY(item) + (opts.offset ?? 0) * height));
    const smooth = !!opts.smooth && !reducedMotion() && Math.abs(y - scrollY) > 2;
    pinned = { index: item.index, viewTop: 0 };
    window.clearTimeout(animTimer);
    animating = smooth;
    window.scrollTo({ top: y, behavior: smooth ? 'smooth' : 'instant' });
    if (smooth) animTimer = window.setTimeout(endAnimation, 1500);
    else pinned.viewTop = item.el.getBoundingClientRect().top;
    setCurrent(item.index);
    if (opts.focus) item.el.focus({ preventScroll: true });
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(persist, smooth ? 900 : 50);
  };

  addEventListener('scroll', onScroll, { passive: true });
  addEventListener('scrollend', endAnimation);
  addEventListener('resize', () => {
    const item = items[current];
    if (pinned && item && !animating) goTo(item.index);
    else onScroll();
  });
  addEventListener('pagehide', persist);

  // --- Table of contents drawer (narrow screens) ------------------------------------------------
  const setDrawer = (open: boolean, restoreFocus = true) => {
    if (open) nav.dataset.open = '';
    else delete nav.dataset.open;
    backdrop.hidden = !open;
    tocButton.setAttribute('aria-expanded', String(open));
    html.classList.toggle('lectern-toc-open', open);
    const link = items[current]?.tocLink ?? nav.querySelector('a');
    if (open && link) {
      keepTocInView(link);
      link.focus({ preventScroll: true });
    } else if (restoreFocus && nav.contains(document.activeElement)) tocButton.focus({ preventScroll: true });
  };
  tocButton.addEventListener('click', () => setDrawer(!('open' in nav.dataset)));
  closeButton.addEventListener('click', () => setDrawer(false));
  backdrop.addEventListener('click', () => setDrawer(false));
  addEventListener('resize', () => {
    if (!narrow() && 'open' in nav.dataset) setDrawer(false, false);
  });

  // In-page links to slides (TOC, permalinks, back to top): our own scrolling, a history entry, focus moved.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const item = a ? byId.get(decodeURIComponent(a.getAttribute('href')?.slice(1) ?? '')) : undefined;
    if (!item) return;
    event.preventDefault();
    if ('open' in nav.dataset) setDrawer(false, false);
    history.pushState(history.state, '', `#${item.id}`);
    goTo(item.index, { smooth: true, focus: true });
  });
  const fromHash = () => {
    const item = byId.get(decodeURIComponent(location.hash.slice(1)));
    if (item) goTo(item.index);
  };
  addEventListener('popstate', fromHash);
  addEventListener('hashchange', fromHash);

  // --- Keyboard: j/k and ←/→ step slides, PageUp/PageDown page but stop at slide starts, Home/End --
  const base = () => (pinned ? pinned.index : spy());
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && 'open' in nav.dataset) {
      setDrawer(false);
      return;
    }
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    if ('open' in nav.dataset) return;
    const inScroller = !!target?.closest('.lectern-table-scroll, pre, .katex-display');
    const page = innerHeight - barHeight() - 48;
    const now = base();
    const item = items[now];
    let handled = true;
    switch (event.key) {
      case 'j':
      case 'n':
        goTo(now + 1, { smooth: true });
        break;
      case 'k':
      case 'p':
        if (item && alignedY(item) < scrollY - 8 && !animating) goTo(now, { smooth: true });
        else goTo(now - 1, { smooth: true });
        break;
      case 'ArrowRight':
        if (inScroller) handled = false;
        else goTo(now + 1, { smooth: true });
        break;
      case 'ArrowLeft':
        if (inScroller) handled = false;
        else if (item && alignedY(item) < scrollY - 8 && !animating) goTo(now, { smooth: true });
        else goTo(now - 1, { smooth: true });
        break;
      case 'PageDown': {
        const next = items[now + 1];
        const ny = next ? alignedY(next) : Number.POSITIVE_INFINITY;
        if (next && ny > scrollY + 2 && ny <= scrollY + page) goTo(now + 1, { smooth: true });
        else window.scrollBy({ top: page, behavior: reducedMotion() ? 'instant' : 'smooth' });
        break;
      }
      case 'PageUp': {
        const here = item ? alignedY(item) : 0;
        const prev = items[now - 1];
        if (item && here < scrollY - 2 && here >= scrollY - page) goTo(now, { smooth: true });
        else if (prev && here >= scrollY - 2 && alignedY(prev) >= scrollY - page) goTo(now - 1, { smooth: true });
        else window.scrollBy({ top: -page, behavior: reducedMotion() ? 'instant' : 'smooth' });
        break;
      }
      case 'Home':
        goTo(0, { smooth: true });
        break;
      case 'End':
        goTo(total - 1, { smooth: true });
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });

  // --- Resume: the URL hash wins, then the saved position; jump now, again once diagrams are drawn --
  const saved = loadSaved(config.slug);
  const hashItem = byId.get(decodeURIComponent(location.hash.slice(1)));
  const start = hashItem ?? (saved ? byId.get(saved.id) : undefined);
  const startOffset = start && saved && saved.id === start.id ? saved.offset : 0;
  const resume = () => {
    if (start && (start.index > 0 || startOffset > 0)) goTo(start.index, { offset: startOffset });
    else {
      window.scrollTo({ top: 0, behavior: 'instant' });
      pinned = undefined;
      setCurrent(0);
    }
  };
  resume();
  updateProgress();

  await diagramsSettled(main);
  await document.fonts.ready;
  // Layout moved under the reader while diagrams were drawn: if they have not scrolled, put them back.
  if (pinned && !animating) resume();
  onScroll();
  markReady();
}
