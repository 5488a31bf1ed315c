import './reading.css';
import { slideId } from '../model/page.js';
import { fill, uiStrings } from '../model/ui-strings.js';
import { type DeckConfig, markReady } from './config.js';
import { initDiagramViewer } from './diagram-viewer.js';
import { el } from './dom.js';
import { readSavedInk } from './ink-key.js';
import { initSelfCheck } from './reading-answers.js';
import { initReadingDiagrams } from './reading-diagrams.js';
import { initReadingDrawer, initReadingKeys } from './reading-nav.js';
import { buildReadingPage } from './reading-page.js';
import { loadSaved } from './reading-resume.js';
import { initReadingScroll } from './reading-scroll.js';
import { initScrollCues } from './scroll-cues.js';
import { installJumpKey, installSearchKey } from './search-key.js';

/**
 * Reading mode (`?view=read`): the server-rendered slides as one continuous page, each slide followed by
 * the lecturer's notes as commentary, every fragment shown, with a table of contents, progress, resume
 * (localStorage + URL hash) and keyboard navigation. No reveal.js. Made of controllers (scroll spy,
 * drawer, keys, scroll cues), each removed by `destroy()`.
 */
export async function startReading(
  config: DeckConfig,
  opts: { savedInk?: boolean } = {},
): Promise<{ destroy(): void; cards: { id: string; card: HTMLElement }[] }> {
  const t = uiStrings(config.lang).reading;
  document.documentElement.classList.add('lectern-reading-page');
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  if (config.title) document.title = fill(t.pageTitle, { title: config.title });

  const page = buildReadingPage(config, t);
  // Answers fold before anything measures the page (resume offsets are fractions of the folded slides).
  const selfCheck = initSelfCheck(page.items, config.slug, t);
  const scroll = initReadingScroll(config.slug, page);
  const drawer = initReadingDrawer(page, scroll);
  const keys = initReadingKeys(page, scroll, drawer);
  // By place in reading order: an author's own id (`<!-- .slide: id=… -->`) replaces a card's `slide-N`.
  const goTo = (index: number) => {
    const item = page.items[index];
    if (!item) return;
    if (drawer.isOpen()) drawer.set(false, false);
    history.pushState(history.state, '', `#${item.id}`);
    scroll.goTo(item.index, { smooth: true, focus: true });
  };
  const search = initReadingSearch(config, page.bar, page.presentNow, goTo);
  // G: to a slide by number or title, as in presenting.
  const jump = installJumpKey(config.lang, {
    slides: () => page.items.map((i) => i.el),
    go: (el) => goTo(page.items.findIndex((i) => i.el === el)),
  });
  // Ink names a slide by its number (`slide-3`), whatever id the author gave it.
  const cards = page.items.flatMap((i) => {
    const card = i.el.querySelector<HTMLElement>('section.lectern-slide');
    return card ? [{ id: slideId(i.index), card }] : [];
  });
  // A live follower is shown the lecturer's ink as it is now (live-ink-view.ts), not the saved file's.
  if (opts.savedInk !== false) void readSavedInk(cards, page.bar, config.lang);
  const cues = initScrollCues(page.main, { formula: t.scrollFormula, table: t.scrollTable, code: t.scrollCode });
  const viewer = initDiagramViewer(page.main, uiStrings(config.lang).diagram);

  // Resume: the URL hash wins, then the saved position; jump now, again once diagrams are drawn.
  const saved = loadSaved(config.slug);
  const hashItem = keys.byId.get(decodeURIComponent(location.hash.slice(1)));
  const start = hashItem ?? (saved ? keys.byId.get(saved.id) : undefined);
  const startOffset = start && saved && saved.id === start.id ? saved.offset : 0;
  const resume = () => {
    if (start && (start.index > 0 || startOffset > 0)) scroll.goTo(start.index, { offset: startOffset });
    else scroll.top();
  };
  resume();
  scroll.updateProgress();

  // Let the first screen paint before Mermaid is loaded and the diagrams near it are drawn; the others
  // are drawn as they come near.
  await new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  const diagrams = initReadingDiagrams(page.items.map((i) => i.el));
  await diagrams.firstScreen;
  await document.fonts.ready;
  // Layout moved under the reader while diagrams were drawn: if they have not scrolled, put them back.
  if (scroll.pinned) resume();
  scroll.onScroll();
  markReady();
  return {
    cards,
    destroy() {
      keys.destroy();
      search.destroy();
      jump.destroy();
      selfCheck.destroy();
      cues.destroy();
      viewer.destroy();
      diagrams.destroy();
      drawer.destroy();
      scroll.destroy();
    },
  };
}

/** Ctrl+Shift+F, and a button in the top bar for readers without a keyboard: search the lecture (find-keys.ts). */
function initReadingSearch(config: DeckConfig, bar: HTMLElement, before: HTMLElement, go: (index: number) => void) {
  const search = installSearchKey(config, go);
  if (!config.searchIndex) return search;
  const button = el('button', { type: 'button', class: 'lectern-rsearch', 'aria-label': uiStrings(config.lang).find.searchOpen });
  button.innerHTML =
    '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';
  button.addEventListener('click', search.open);
  bar.insertBefore(button, before);
  return {
    destroy() {
      search.destroy();
      button.remove();
    },
  };
}
