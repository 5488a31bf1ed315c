import { join, relative, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { deckConfig, renderStacks } from '../markdown/html.js';
import { INK_SUFFIX } from '../model/ink.js';
import { type AssetUpdate, type DeckUpdate, HMR_EVENT } from '../model/page.js';
import { FAVICON } from '../model/site.js';
import type { Deck } from '../model/types.js';
import { courseDecks } from '../project/course.js';
import { buildSearchIndex, deckSearchIndex } from '../project/search-index.js';
import { ASSETS_DIR, type DeckStore, SLIDES_DIR } from '../project/store.js';
import type { FontFile } from './fonts.js';
import { inkSaveMiddleware } from './ink-save.js';
import { FAVICON_SVG } from './site-files.js';

/** The dev server's font files and search index, answered from memory. */
export const DEV_FONTS = '/@lectern-fonts/';
export const DEV_SEARCH = '/@lectern-search.json';

/** Editors' swap, backup and hidden files beside the decks: no deck names them. */
const EDITOR_FILE = /(^|\/)\.|~$|\.(swp|swx|tmp)$/;

/** What the dev server needs from the plugin: the course, its pages, and where it reports problems. */
export interface DevPages {
  root: string;
  store: DeckStore;
  /** Each deck's top-level section markup as last sent, so updates carry only what changed. */
  served: Map<string, string[]>;
  /** The page whose id (an `index.html` path under the root) is `id`, before Vite's HTML transforms. */
  page(id: string): Promise<string | undefined>;
  /** `html` with the font faces of page `id` in its head, their files at `url(name)`. */
  withFonts(html: string, id: string, url: (name: string) => string): string;
  font(name: string): FontFile | undefined;
  /** Prints a deck's problems in the terminal (each once). */
  report(deck: Deck): void;
}

/**
 * `lectern dev`: pages are generated (`/` and `/<slug>/`), answered before Vite looks for files on disk;
 * an edit to a deck is pushed to its open pages as a DeckUpdate carrying only the sections that changed;
 * a deck added or removed tells every page (the home reloads, decks re-resolve their links).
 */
export function serveCourse(server: ViteDevServer, pages: DevPages): void {
  const { root, store, served } = pages;
  server.watcher.add([join(root, SLIDES_DIR), join(root, ASSETS_DIR)]);
  const push = async (file: string, onlyIfChanged = false) => {
    const deck = await store.deck(file);
    pages.report(deck);
    const stacks = renderStacks(deck);
    const before = served.get(deck.slug);
    const same = before?.length === stacks.length;
    const changed = stacks.map((s, i) => (same && before?.[i] === s ? null : s));
    if (onlyIfChanged && changed.every((s) => s === null)) return;
    served.set(deck.slug, stacks);
    const payload: DeckUpdate = { slug: deck.slug, stacks: changed, config: deckConfig(deck) };
    server.ws.send({ type: 'custom', event: HMR_EVENT.deck, data: payload });
  };
  const onChange = (path: string, kind: 'change' | 'add' | 'unlink') => {
    const rel = relative(root, path).split(sep).join('/');
    if (rel.startsWith(`${SLIDES_DIR}/`) && rel.endsWith('.md')) {
      if (kind === 'change' && !store.files().includes(rel)) return; // a Markdown file of a deck folder that is not its deck
      if (kind === 'change') {
        store.invalidate(rel);
        void push(rel);
      } else {
        // The deck list changed: the index reloads, open decks get their links to other decks re-resolved.
        store.invalidate();
        server.ws.send({ type: 'custom', event: HMR_EVENT.decks, data: { file: rel, kind } });
        for (const file of store.files()) void push(file, true);
      }
    } else if (rel.startsWith(`${SLIDES_DIR}/`) && rel.endsWith(INK_SUFFIX)) {
      // The saved ink goes into the page from the next load on (the open deck has it already).
      store.invalidate(`${rel.slice(0, -INK_SUFFIX.length)}.md`);
    } else if (rel.startsWith(`${ASSETS_DIR}/`) || (rel.startsWith(`${SLIDES_DIR}/`) && !EDITOR_FILE.test(rel))) {
      // A file under assets/ or beside a deck (slides/figs/x.png, slides/lec1/figs/x.png).
      store.invalidate();
      // A diagram source or a missing image that now exists changes the markup; an edited image
      // does not, so the pages are told to fetch it again.
      void Promise.all(store.files().map((file) => push(file, true))).then(() => {
        const data: AssetUpdate = { path: rel };
        server.ws.send({ type: 'custom', event: HMR_EVENT.asset, data });
      });
    }
  };
  server.watcher.on('change', (p) => onChange(p, 'change'));
  server.watcher.on('add', (p) => onChange(p, 'add'));
  server.watcher.on('unlink', (p) => onChange(p, 'unlink'));

  server.middlewares.use(inkSaveMiddleware(root, store));
  // Pages are generated: answer `/` and `/<slug>/` before Vite looks for files on disk.
  server.middlewares.use(async (req, res, next) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      // `/part-1/intro` -> `/part-1/intro/`, so the page's relative addresses resolve.
      const slugOnly = /^\/([^.]*[^/.])$/.exec(path);
      if (slugOnly?.[1] && store.fileOf(slugOnly[1])) {
        res.statusCode = 302;
        res.setHeader('Location', `${encodeURI(path)}/${url.search}`);
        res.end();
        return;
      }
      const id =
        path === '/' || path === '/index.html'
          ? join(root, 'index.html')
          : /^\/[^@].*\/(index\.html)?$/.test(path)
            ? join(root, path.replace(/\/(index\.html)?$/, ''), 'index.html')
            : undefined;
      if (path === `/${FAVICON}`) {
        res.setHeader('Content-Type', 'image/svg+xml');
        res.end(FAVICON_SVG);
        return;
      }
      if (path === DEV_SEARCH) {
        // The course's index (the home), or one lecture's (`?deck=<slug>`, its search panel).
        const slug = url.searchParams.get('deck');
        const file = slug === null ? undefined : store.fileOf(slug);
        if (slug !== null && !file) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(file ? deckSearchIndex(await store.deck(file)) : buildSearchIndex(await courseDecks(root, store.all())));
        return;
      }
      if (path.startsWith(DEV_FONTS)) {
        const font = pages.font(path.slice(DEV_FONTS.length));
        if (!font) return next();
        res.setHeader('Content-Type', font.format === 'woff2' ? 'font/woff2' : 'font/ttf');
        res.end(font.source);
        return;
      }
      const html = id ? await pages.page(id) : undefined;
      if (!html || !id) return next();
      const page = await server.transformIndexHtml(req.url ?? '/', html);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(pages.withFonts(page, id, (name) => `${DEV_FONTS}${name}`));
    } catch (err) {
      next(err);
    }
  });
}

/** Slides and assets are the plugin's to push (see serveCourse): Vite's own hot update has nothing to do. */
export function ownsFile(root: string, file: string): boolean {
  const rel = relative(root, file).split(sep).join('/');
  return rel.startsWith(`${SLIDES_DIR}/`) || rel.startsWith(`${ASSETS_DIR}/`);
}
