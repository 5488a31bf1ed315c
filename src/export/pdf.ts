/**
 * PDF export: prints the built decks (`dist/`) with Chromium, one 16:9 page per slide (or per
 * fragment step), or as an A4 handout with the speaker notes under each slide.
 *
 * Pure module: no argv, no process.exit. `src/cli/pdf.ts` is the command line over it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type * as PdfLib from 'pdf-lib';
import { type Browser, chromium } from 'playwright-core';
import { SLIDE_SIZE } from '../model/page.js';
import { pdfFileName } from '../project/pdfs.js';
import { blockOffHost, findBrowser, HOW_TO_GET_A_BROWSER, launchOptions } from './browser.js';
import { setPageLabels } from './page-labels.js';
import { inspect, PdfExportError, type PdfKind, queryFor, waitUntilReady } from './print-page.js';
import { serve } from './serve.js';
import { buildSite, builtDecks, siteIsStale } from './site.js';

export { PdfExportError, type PdfKind };

export interface ExportOptions {
  /** Project root (holds `slides/`, `src/`, `dist/`). Default: the current directory. */
  root?: string;
  /** Decks to print; default: every deck in the built site. */
  slugs?: string[];
  /** What to print per deck. Default `['slides']`. */
  kinds?: PdfKind[];
  /** Slides only: one page per fragment step instead of one per slide. */
  fragments?: boolean;
  /** Slides only: print the lecturer's saved ink (`slides/<slug>.ink.json`) over the slides. Default true. */
  ink?: boolean;
  /** Where the PDFs go. Default `<root>/dist/pdf`. */
  outDir?: string;
  /** `auto` (default) builds when `dist/` is missing or older than the sources. */
  build?: 'auto' | 'always' | 'never';
  /** Print from an already running server of `dist/` (e.g. `vite preview`) instead of serving it here. */
  baseUrl?: string;
  /** Longest wait for a page's ready signal, in ms. Default 60 s. */
  timeoutMs?: number;
  /** Pages printed at the same time (default: one per core, at least 2, at most 4). */
  concurrency?: number;
  /** Reuse a browser (tests); otherwise one is launched and closed. */
  browser?: Browser;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: 'build'; reason: string }
  | { type: 'built'; ms: number }
  | { type: 'start'; slug: string; kind: PdfKind; index: number; total: number }
  | { type: 'step'; slug: string; kind: PdfKind; step: 'loading' | 'printing' | 'writing' }
  | { type: 'done'; result: ExportResult; index: number; total: number };

export interface ExportResult {
  slug: string;
  kind: PdfKind;
  /** Absolute path of the written PDF. */
  file: string;
  pages: number;
  /** Slides in the deck (leaf sections). */
  slides: number;
  bytes: number;
  ms: number;
  /** Problems that did not stop the export (a diagram with a syntax error, a slide whose content overflows). */
  warnings: string[];
}

/**
 * `vite build` empties `dist/`: PDFs exported there earlier (other decks, the other kind) are moved
 * aside for the build and put back after it, whether it worked or not.
 */
function insideSite(root: string, outDir: string): boolean {
  const rel = relative(join(root, 'dist'), outDir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function keepingEarlierPdfs(root: string, outDir: string, build: () => Promise<void>): Promise<void> {
  if (!insideSite(root, outDir) || !existsSync(outDir)) return build();
  const aside = join(root, 'node_modules', '.cache', `lectern-pdf-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dirname(aside), { recursive: true });
  await rename(outDir, aside);
  try {
    await build();
  } finally {
    await mkdir(outDir, { recursive: true });
    for (const name of await readdir(aside)) {
      if (!existsSync(join(outDir, name))) await rename(join(aside, name), join(outDir, name));
    }
    await rm(aside, { recursive: true, force: true });
  }
}

export function defaultConcurrency(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

export { pdfFileName };

async function printOne(
  browser: Browser,
  baseUrl: string,
  slug: string,
  kind: PdfKind,
  opts: {
    fragments: boolean;
    ink: boolean;
    outDir: string;
    timeoutMs: number;
    progress: (e: ProgressEvent) => void;
    pdfLib: Promise<typeof PdfLib>;
  },
): Promise<ExportResult> {
  const started = performance.now();
  const warnings: string[] = [];
  const context = await browser.newContext({
    viewport: kind === 'slides' ? { ...SLIDE_SIZE } : { width: 794, height: 1123 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  // Printing needs nothing beyond the local server: block the rest, as a hall without internet would.
  const blocked = await blockOffHost(context, baseUrl);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    opts.progress({ type: 'step', slug, kind, step: 'loading' });
    const url = `${baseUrl}/${encodeURIComponent(slug)}/${queryFor(kind, opts.fragments && kind === 'slides', opts.ink)}`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs });
    if (!response?.ok()) throw new PdfExportError(`${url} answered ${response?.status() ?? 'nothing'}`);
    await waitUntilReady(page, kind, opts.timeoutMs, errors);
    const report = await inspect(page, kind, opts.fragments);

    const blank = report.diagrams.filter((d) => d.state !== 'error' && (d.state !== 'rendered' || d.width < 1 || d.height < 1));
    if (blank.length) {
      throw new PdfExportError(
        `diagram(s) not drawn: ${blank.map((d) => `${d.where} (${d.state}, ${Math.round(d.width)}×${Math.round(d.height)})`).join(', ')}`,
      );
    }
    if (report.brokenImages.length) {
      const shown = (src: string) => (src.length > 60 ? `${src.slice(0, 57)}…` : src);
      throw new PdfExportError(
        report.brokenImages.map((i) => `image ${shown(i.src)} failed to load (${i.where})`).join(', ') +
          ': the PDF would show a blank in its place; fix the file or the path',
      );
    }
    for (const d of report.diagrams.filter((d) => d.state === 'error'))
      warnings.push(`${d.where}: diagram has an error (printed as an error box)`);
    for (const where of report.overflowing)
      warnings.push(`${where}: content is taller than the ${kind === 'slides' ? 'slide' : 'handout box'} and is cut off`);
    if (report.lateSteps) {
      warnings.push(
        "diagram steps were drawn after reveal's print layout: they are not separate pages (draw diagrams before Reveal.initialize in print view)",
      );
    }
    if (blocked.length) warnings.push(`blocked ${blocked.length} request(s) outside the site, e.g. ${blocked[0]}`);

    opts.progress({ type: 'step', slug, kind, step: 'printing' });
    const printed = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      ...(kind === 'slides' ? { width: `${SLIDE_SIZE.width}px`, height: `${SLIDE_SIZE.height}px` } : { format: 'A4' }),
    });

    opts.progress({ type: 'step', slug, kind, step: 'writing' });
    const lib = await opts.pdfLib;
    const pdf = await lib.PDFDocument.load(printed, { updateMetadata: false });
    const pages = pdf.getPageCount();
    const expected = report.layoutPages || (kind === 'slides' && !opts.fragments ? report.slides : 0);
    if (kind === 'slides' && !opts.fragments && pages !== report.slides) {
      throw new PdfExportError(`the PDF has ${pages} pages for ${report.slides} slides`);
    }
    if (expected && pages !== expected) throw new PdfExportError(`the PDF has ${pages} pages, the layout ${expected}`);

    const title = report.title || slug;
    pdf.setTitle(kind === 'handout' ? `${title} (handout)` : title, { showInWindowTitleBar: true });
    if (report.author) pdf.setAuthor(report.author);
    pdf.setSubject(kind === 'handout' ? `${title}: slides with speaker notes` : title);
    pdf.setCreator('Lectern');
    pdf.setProducer('Lectern (Chromium, pdf-lib)');
    if (report.lang) pdf.setLanguage(report.lang);
    pdf.setKeywords(report.tags.length ? report.tags : ['lecture', slug]);
    setPageLabels(lib, pdf, report.pageLabels);
    const now = new Date();
    pdf.setCreationDate(now);
    pdf.setModificationDate(now);
    const bytes = await pdf.save();

    // Write beside the target and rename: a failed export never leaves half a PDF or eats the old one.
    await mkdir(opts.outDir, { recursive: true });
    const file = join(opts.outDir, pdfFileName(slug, kind));
    const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return {
      slug,
      kind,
      file,
      pages,
      slides: report.slides,
      bytes: bytes.byteLength,
      ms: Math.round(performance.now() - started),
      warnings,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new PdfExportError(`${slug} (${kind}): ${message}`, { cause: err });
  } finally {
    await context.close();
  }
}

/**
 * Prints decks to PDF. Builds the site first when needed, serves `dist/` on loopback (unless given
 * `baseUrl`), prints each deck in Chromium and writes `<outDir>/<slug>.pdf` / `<slug>-handout.pdf`.
 * Rejects with a PdfExportError on the first failure (files already written stay).
 */
export async function exportPdf(options: ExportOptions = {}): Promise<ExportResult[]> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(root, options.outDir ?? join('dist', 'pdf'));
  const kinds: PdfKind[] = options.kinds?.length ? [...new Set(options.kinds)] : ['slides'];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const progress = options.onProgress ?? (() => {});

  if (!options.browser && !findBrowser()) throw new PdfExportError(HOW_TO_GET_A_BROWSER);
  // Chromium starts, and pdf-lib loads, while the site is checked (built if need be) and served:
  // about 0.3 s that a short export would otherwise spend waiting.
  const launching = options.browser ? undefined : chromium.launch(launchOptions());
  launching?.catch(() => {}); // awaited below; a failure before that must not go unhandled
  const pdfLib = import('pdf-lib');
  pdfLib.catch(() => {});
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    const slugs = await decksToPrint(root, outDir, options, progress);
    server = options.baseUrl ? undefined : await serve(join(root, 'dist'));
    const baseUrl = (options.baseUrl ?? server?.url ?? '').replace(/\/$/, '');
    const browser = options.browser ?? (await (launching as Promise<Browser>));
    const jobs = slugs.flatMap((slug) => kinds.map((kind) => ({ slug, kind })));
    const results: ExportResult[] = [];
    const opts = { fragments: !!options.fragments, ink: options.ink !== false, outDir, timeoutMs, progress, pdfLib };
    // Several pages print at once in the one browser: while one waits for its fonts and diagrams or is
    // being written, another renders. The first failure stops new jobs; those under way finish.
    let next = 0;
    let failed: unknown;
    const worker = async () => {
      while (failed === undefined && next < jobs.length) {
        const index = next++;
        const { slug, kind } = jobs[index] as (typeof jobs)[number];
        progress({ type: 'start', slug, kind, index, total: jobs.length });
        try {
          const result = await printOne(browser, baseUrl, slug, kind, opts);
          results[index] = result;
          progress({ type: 'done', result, index, total: jobs.length });
        } catch (err) {
          failed ??= err;
        }
      }
    };
    const parallel = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), jobs.length));
    await Promise.all(Array.from({ length: parallel }, worker));
    if (failed !== undefined) throw failed;
    // The home page links a deck's PDFs only when they are in the site: rebuild it so the new ones appear.
    if (!options.baseUrl && results.length && insideSite(root, outDir)) {
      progress({ type: 'build', reason: 'the home page links the new PDFs' });
      const t = performance.now();
      await buildSite(root);
      progress({ type: 'built', ms: Math.round(performance.now() - t) });
    }
    return results;
  } finally {
    await (await launching?.catch(() => undefined))?.close();
    await server?.close();
  }
}

/** Builds the site when it is out of date (unless printing from `baseUrl`) and checks the slugs asked for. */
async function decksToPrint(root: string, outDir: string, options: ExportOptions, progress: (e: ProgressEvent) => void): Promise<string[]> {
  const distDir = join(root, 'dist');
  if (!options.baseUrl) {
    const mode = options.build ?? 'auto';
    const reason = mode === 'always' ? 'asked to build' : mode === 'auto' ? siteIsStale(root) : undefined;
    if (reason) {
      progress({ type: 'build', reason });
      const t = performance.now();
      await keepingEarlierPdfs(root, outDir, () => buildSite(root));
      progress({ type: 'built', ms: Math.round(performance.now() - t) });
    } else if (!existsSync(join(distDir, 'index.html'))) {
      throw new PdfExportError(`no built site in ${relative(process.cwd(), distDir) || distDir}: run \`npm run build\``);
    }
  }
  const known = options.baseUrl ? undefined : builtDecks(distDir);
  const slugs = options.slugs?.length ? [...new Set(options.slugs)] : (known ?? []);
  if (known) {
    const unknown = slugs.filter((s) => !known.includes(s));
    if (unknown.length) throw new PdfExportError(`unknown deck(s): ${unknown.join(', ')} (built decks: ${known.join(', ') || 'none'})`);
  }
  if (slugs.length === 0) throw new PdfExportError('no decks to print');
  return slugs;
}

/** Removes temporary files a killed export may have left in the output directory. */
export async function cleanStaleTemporaries(outDir: string): Promise<void> {
  if (!existsSync(outDir)) return;
  for (const name of await readdir(outDir)) {
    if (!/\.pdf\.\d+-[0-9a-f]{8}\.tmp$/.test(name)) continue;
    const path = join(outDir, name);
    const st = await stat(path);
    if (Date.now() - st.mtimeMs > 10 * 60_000) await rm(path, { force: true });
  }
}
