import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { slugOf } from '../markdown/compile.js';
import { renderDeckPage, renderSlides, renderStacks } from '../markdown/html.js';
import { rootFrom } from '../model/deck-path.js';
import { FAVICON, NOT_FOUND_PAGE } from '../model/site.js';
import type { Deck } from '../model/types.js';
import { COURSE_FILE, courseDecks, courseHome, courseLang, courseLinks, readCourseSettings } from '../project/course.js';
import { deckSearchIndex, searchFileName, warmSearchIndex } from '../project/search-index.js';
import { DeckStore, formatDiagnostic } from '../project/store.js';
import { keptFolders, MERMAID_DIR, PREBUILT_MERMAID } from './build-plugins.js';
import { deckReporter } from './deck-report.js';
import { DEV_SEARCH, ownsFile, serveCourse } from './dev-server.js';
import { keepSubsetWorkersWarm } from './font-subset.js';
import {
  deckText,
  type FontFile,
  facesToFiles,
  fontHead,
  openingBoldText,
  openingText,
  type PageText,
  planCourseFonts,
  subsetWhole,
} from './fonts.js';
import { type HomeBuild, homePage, homeText } from './home.js';
import { diagramKind, mermaidModules } from './mermaid-modules.js';
import { emptyKeepingPdfs, PDF_DIR } from './out-dir.js';
import { RUNTIME_DIR } from './package.js';
import { viteSettings } from './settings.js';
import { deckSocial, FAVICON_SVG, homeSocial, iconHref, notFoundPage, type SiteContext } from './site-files.js';
import { uiCharacters } from './ui-chars.js';

/** Pages load the browser code by these ids; resolveId maps them into the package's src/runtime. */
const RUNTIME_PREFIX = '/@lectern-runtime/';
const RUNTIME = `${RUNTIME_PREFIX}main.ts`;
const INDEX_RUNTIME = `${RUNTIME_PREFIX}index-page.ts`;
const FONTS_MARKER = '<!--lectern-fonts-->';
const SLIDES_MARKER = '<!--lectern-slides-->';
/** Markup Vite's HTML build step rewrites (files to bundle: images, media, styles, scripts). */
const NEEDS_VITE =
  /<(img|picture|video|audio|source|track|image|use|embed|object|input|link|script|style)\b|\sstyle="[^"]*url\(|\ssrcset=/i;

export interface LecternOptions {
  /** Project root holding slides/ and assets/; defaults to Vite's root. */
  root?: string;
  /**
   * Build for `lectern site`, which exports every lecture's PDF, handout and preview image right after the
   * build: pages link those (a plain build links only what is already in `dist/`).
   */
  publish?: boolean;
}

/**
 * The thin adapter between Vite and the pipeline: every deck becomes `/<slug>/index.html`,
 * `/` lists them; edits are pushed to open decks without a reload.
 */
export function lectern(options: LecternOptions = {}): Plugin {
  let store: DeckStore;
  let config: ResolvedConfig;
  const problems = deckReporter(
    () => config.cacheDir,
    (file) => store.text(file),
  );
  const report = problems.report;

  /** Font subsets by page id (the html path), and by file name for the dev server. */
  const pageFonts = new Map<string, FontFile[]>();
  const fontFiles = new Map<string, FontFile>();
  const emitted = new Set<string>();
  /** Build: the files each deck page loads that Vite does not bundle (backgrounds, lazy media), by page id. */
  const pageFiles = new Map<string, string[]>();
  /** Build: the search index each page links (the course's on the home, the lecture's on its page), by page id. */
  const searchFiles = new Map<string, NonNullable<HomeBuild['search']>>();
  /** Build: slide markup inserted after Vite's HTML processing, by page id. */
  const deferredSlides = new Map<string, string>();
  const fontCache = () => join(config.cacheDir, 'lectern-fonts');
  /** `vite build --watch`: the compiler and font workers were made ready after the first build. */
  let warmed = false;
  /** Dev server: each deck's top-level section markup as last sent (see serveCourse). */
  const served = new Map<string, string[]>();

  /**
   * Build: the font plan of the whole course (see `planFonts`), made once per build and started when the first
   * page is loaded. Pages do not wait for it: their fonts go in after Vite has bundled their code (the plan is
   * made meanwhile), in `generateBundle` (the files) and the HTML's last step (the page's `@font-face`s).
   */
  let coursePlan: Promise<Map<string, FontFile[]>> | undefined;
  const startCoursePlan = () => {
    if (coursePlan) return;
    coursePlan = planCourse();
    // Awaited in generateBundle; a failure is reported there, not as an unhandled rejection before it.
    coursePlan.catch(() => {});
  };
  const indexId = () => join(config.root, 'index.html');
  const pageIdOf = (deck: Deck) => join(config.root, deck.slug, 'index.html');
  const planCourse = async (): Promise<Map<string, FontFile[]>> => {
    const decks = await courseDecks(config.root, store.all());
    // The home's text without the home (its search index is made meanwhile, while the workers subset).
    const indexText = homeText(courseHome(decks, readCourseSettings(config.root).settings, () => ({})));
    const pages: PageText[] = decks.map((d) => {
      // The previous and next lectures' titles are on the page too (in their own language).
      const { prev, next } = courseLinks(d.slug, decks);
      return {
        id: pageIdOf(d),
        text: [deckText(d, store.text(d.file)), prev?.title, next?.title].join('\n'),
        opening: { 400: openingText(d), 700: openingBoldText(d) },
      };
    });
    // The home page shows titles at once, and search results from any lecture later.
    pages.push({ id: indexId(), text: [indexText, ...pages.map((p) => p.text)].join('\n'), opening: { 400: indexText, 700: indexText } });
    const plan = await planCourseFonts(pages, uiCharacters());
    const entries = await Promise.all([...plan].map(async ([id, faces]) => [id, await facesToFiles(faces, 'woff2', fontCache())] as const));
    return new Map(entries);
  };

  /** The home page, once per build (its text also feeds the font plan). */
  let home: Promise<HomeBuild> | undefined;
  const siteContext = (): SiteContext => ({
    outDir: resolve(config.root, config.build.outDir),
    settings: readCourseSettings(config.root).settings,
    publish: !!options.publish,
  });
  const homeFor = async (): Promise<HomeBuild> => {
    const build = config.command === 'build';
    const [first] = await courseDecks(config.root, store.all());
    return homePage({
      icon: iconHref(),
      ...(build ? { social: (course) => homeSocial(course, siteContext(), first) } : {}),
      root: config.root,
      decks: await store.all(),
      runtime: INDEX_RUNTIME,
      head: `${FONTS_MARKER}\n`,
      ...(build ? { pdfDir: join(resolve(config.root, config.build.outDir), PDF_DIR), publish: !!options.publish } : {}),
      cacheDir: config.cacheDir,
      search: build ? { kind: 'file', assetsDir: config.build.assetsDir } : { kind: 'url', url: DEV_SEARCH },
    });
  };
  const builtHome = () => {
    home ??= homeFor();
    return home;
  };

  /** Built decks with diagrams: the prebuilt Mermaid modules they will load (see mermaid-modules.ts). */
  const preloads = async (deck: Deck): Promise<string[]> => {
    const prebuilt = config.command === 'build' && config.plugins.some((p) => p.name === PREBUILT_MERMAID);
    if (!prebuilt || !deck.hasMermaid) return [];
    const kinds = deck.diagrams.map((d) => diagramKind(d.source)).filter((k): k is string => !!k);
    return (await mermaidModules(kinds)).map((file) => `${rootFrom(deck.slug)}${config.build.assetsDir}/${MERMAID_DIR}/${file}`);
  };

  const setPageFonts = (id: string, fonts: FontFile[]) => {
    pageFonts.set(id, fonts);
    for (const f of fonts) fontFiles.set(f.fileName, f);
  };

  const pageFor = async (root: string, id: string): Promise<string | undefined> => {
    const rel = relative(root, id).split(sep).join('/');
    let html: string;
    let fonts: FontFile[] | undefined;
    if (rel === 'index.html') {
      const page = config.command === 'build' ? await builtHome() : await homeFor();
      for (const d of page.diagnostics) config.logger.warn(formatDiagnostic(d));
      html = page.html;
      if (page.search) searchFiles.set(id, page.search);
      if (config.command === 'build') startCoursePlan();
      else fonts = await subsetWhole(`${page.text}\n${uiCharacters()}`, 'truetype', fontCache());
    } else {
      const m = /^(.+)\/index\.html$/.exec(rel);
      const file = m?.[1] ? store.fileOf(decodeURIComponent(m[1])) : undefined;
      if (!file) return undefined;
      const deck = await store.deck(file);
      report(deck, (msg) => config.logger.warn(msg));
      pageFiles.set(id, deck.files);
      // Dev server: what this page starts from; later pages of the deck get the same markup or a newer one.
      if (config.command === 'serve' && !served.has(deck.slug)) served.set(deck.slug, renderStacks(deck));
      // Vite parses every page it builds (parse5) for the files it must bundle: for a deck whose slides refer to
      // none, that was the largest part of a course's build. Such slides go in after Vite is done with the page.
      const slides = config.command === 'build' ? renderSlides(deck) : undefined;
      const later = slides !== undefined && !NEEDS_VITE.test(slides);
      if (later) deferredSlides.set(id, slides);
      // The lecture's own search index: a content-hashed file of the site, or the dev server's answer.
      let searchIndex = `${DEV_SEARCH}?deck=${encodeURIComponent(deck.slug)}`;
      if (config.command === 'build') {
        const source = deckSearchIndex(deck, config.cacheDir);
        const fileName = searchFileName(config.build.assetsDir, source);
        searchFiles.set(id, { fileName, source });
        searchIndex = `${rootFrom(deck.slug)}${fileName}`;
      }
      html = renderDeckPage(deck, {
        runtime: RUNTIME,
        head: `${FONTS_MARKER}\n`,
        mermaidModules: await preloads(deck),
        searchIndex,
        course: courseLinks(deck.slug, await courseDecks(config.root, store.all())),
        icon: iconHref(deck.slug),
        ...(config.command === 'build' ? { social: deckSocial(deck, siteContext(), readCourseSettings(config.root).settings.title) } : {}),
        ...(later ? { slidesPlaceholder: SLIDES_MARKER } : {}),
      });
      if (config.command === 'build') startCoursePlan();
      else fonts = await subsetWhole(`${deckText(deck, store.text(file))}\n${uiCharacters()}`, 'truetype', fontCache());
    }
    if (fonts) setPageFonts(id, fonts);
    return html;
  };

  return {
    name: 'lectern',
    enforce: 'pre',
    config(userConfig, env) {
      const root = options.root ?? userConfig.root ?? process.cwd();
      // Compiled decks are kept in Vite's cache folder between builds (see deck-cache.ts).
      store = new DeckStore(root, {
        cacheDir: userConfig.cacheDir ? resolve(root, userConfig.cacheDir) : join(root, 'node_modules', '.vite'),
        readOnce: env.command === 'build',
      });
      const input = Object.fromEntries([
        ['index', join(root, 'index.html')],
        ...store.files().map((f) => [slugOf(f), join(root, slugOf(f), 'index.html')]),
      ]);
      // `npm start` (`vite --open`): a course of one deck opens that deck, any other the deck list.
      const files = store.files();
      const open = userConfig.server?.open === true ? (files.length === 1 ? `/${encodeURI(slugOf(files[0] ?? ''))}/` : '/') : undefined;
      return viteSettings(root, input, open);
    },
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      if (config.command === 'build') emptyKeepingPdfs(config, keptFolders(config.build.assetsDir));
      coursePlan = undefined;
      home = undefined;
      emitted.clear();
      store.invalidate();
      // `vite build --watch`: a saved deck (or the course settings) builds the site again in this process.
      if (this.meta.watchMode) for (const file of [...store.files(), COURSE_FILE]) this.addWatchFile(join(config.root, file));
    },
    async buildEnd() {
      await problems.settle();
    },
    closeBundle() {
      // `vite build --watch`: the next save is compiled, may bring new characters and changes the course's
      // search index; have the compiler, the subsetting workers and the index ready (once; they stay ready).
      if (!this.meta.watchMode || warmed) return;
      warmed = true;
      keepSubsetWorkersWarm(fontCache());
      void store.warmCompiler().then(() => warmSearchIndex(config.cacheDir));
    },
    async generateBundle() {
      // The course's font files (each once: pages share the core and the course's chunks), and each page's faces.
      for (const [id, fonts] of coursePlan ? await coursePlan : []) {
        setPageFonts(id, fonts);
        for (const f of fonts) {
          if (emitted.has(f.fileName)) continue;
          emitted.add(f.fileName);
          this.emitFile({ type: 'asset', fileName: `assets/fonts/${f.fileName}`, source: f.source });
        }
      }
      // The site's own files: the icon every page links, and the page static hosts serve for a missing address.
      this.emitFile({ type: 'asset', fileName: FAVICON, source: FAVICON_SVG });
      const { course } = await builtHome();
      const lang = courseLang(readCourseSettings(config.root).settings, await store.all());
      this.emitFile({
        type: 'asset',
        fileName: NOT_FOUND_PAGE,
        source: await notFoundPage(lang, course.title, siteContext().settings, fontCache()),
      });
    },
    resolveId(id) {
      if (id.startsWith(RUNTIME_PREFIX)) return join(RUNTIME_DIR, id.slice(RUNTIME_PREFIX.length));
      if (id.endsWith('.html') && id.startsWith(config.root) && !id.includes('node_modules')) return id;
      return null;
    },
    async load(id) {
      if (!id.endsWith('.html')) return null;
      const html = await pageFor(config.root, id);
      if (html === undefined) return null;
      if (config.command === 'build') {
        // Backgrounds and lazy media go into the site at the path the deck's pages name them by.
        for (const rel of pageFiles.get(id) ?? []) {
          if (emitted.has(rel)) continue;
          emitted.add(rel);
          this.emitFile({ type: 'asset', fileName: rel, source: readFileSync(join(config.root, rel)) });
        }
        const search = searchFiles.get(id);
        if (search) this.emitFile({ type: 'asset', fileName: search.fileName, source: search.source });
      }
      return html;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const fonts = pageFonts.get(ctx.filename);
        if (!fonts || config.command !== 'build') return html;
        const up = '../'.repeat(relative(config.root, ctx.filename).split(sep).length - 1) || './';
        const slides = deferredSlides.get(ctx.filename);
        return html
          .replace(FONTS_MARKER, () => fontHead(fonts, (name) => `${up}assets/fonts/${name}`))
          .replace(SLIDES_MARKER, () => slides ?? SLIDES_MARKER);
      },
    },
    configureServer(server: ViteDevServer) {
      serveCourse(server, {
        root: config.root,
        store,
        served,
        page: (id) => pageFor(config.root, id),
        withFonts: (html, id, url) => html.replace(FONTS_MARKER, () => fontHead(pageFonts.get(id) ?? [], url)),
        font: (name) => fontFiles.get(name),
        report: (deck) => report(deck, (msg) => config.logger.warn(msg)),
      });
    },
    handleHotUpdate(ctx) {
      return ownsFile(config.root, ctx.file) ? [] : undefined;
    },
  };
}
