/**
 * PDF export: prints the built decks (`dist/`) with Chromium, one 16:9 page per slide (or per
 * fragment step), or as an A4 handout with the speaker notes under each slide.
 *
 * Pure module: no argv, no process.exit. `src/cli/pdf.ts` is the command line over it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { pdfFileName } from '../project/pdfs.js';
import { findBrowser, HOW_TO_GET_A_BROWSER, launchOptions } from './browser.js';
import { OFF_HOST_PROXY, type PrintContexts, printContexts } from './print-contexts.js';
import { type ExportResult, type ProgressEvent, printOne } from './print-deck.js';
import { PdfExportError, type PdfKind } from './print-page.js';
import { serve } from './serve.js';
import { buildSite, builtDecks, siteIsStale } from './site.js';

export { type ExportResult, PdfExportError, type PdfKind, type ProgressEvent };

export interface ExportOptions {
  /** Project root (holds `slides/`, `src/`, `dist/`). Default: the current directory. */
  root?: string;
  /** Decks to print; default: every deck in the built site. */
  slugs?: string[];
  /** What to print per deck. Default `['slides']`. */
  kinds?: PdfKind[];
  /** Slides only: one page per fragment step instead of one per slide. */
  fragments?: boolean;
  /** Print the lecturer's saved ink (`slides/<slug>.ink.json`) over the slides (slides and handout). Default true. */
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
  const launching = options.browser ? undefined : chromium.launch({ ...launchOptions(), proxy: OFF_HOST_PROXY });
  launching?.catch(() => {}); // awaited below; a failure before that must not go unhandled
  const pdfLib = import('pdf-lib');
  pdfLib.catch(() => {});
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let contexts: PrintContexts | undefined;
  try {
    const slugs = await decksToPrint(root, outDir, options, progress);
    // The site does not change while it prints: its files may be cached for the export's length.
    server = options.baseUrl ? undefined : await serve(join(root, 'dist'), { maxAge: 3600 });
    const baseUrl = (options.baseUrl ?? server?.url ?? '').replace(/\/$/, '');
    const browser = options.browser ?? (await (launching as Promise<Browser>));
    // Our own browser blocks the network at launch, so its pages can share a context and its cache.
    contexts = printContexts(browser, baseUrl, !options.browser);
    const printing = contexts;
    // One kind after the other, each kind's context closed once its last page is printed: slides and handouts
    // taken in turn, in two live contexts, made every page slower (30 lectures: 56 s against 21 s + 25 s).
    const jobs = kinds.flatMap((kind) => slugs.map((slug) => ({ slug, kind })));
    const left = new Map(kinds.map((kind) => [kind, slugs.length]));
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
          const result = await printOne(printing, baseUrl, slug, kind, opts);
          results[index] = result;
          progress({ type: 'done', result, index, total: jobs.length });
        } catch (err) {
          failed ??= err;
        }
        const rest = (left.get(kind) ?? 1) - 1;
        left.set(kind, rest);
        if (rest === 0) await printing.release(kind);
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
    await contexts?.close();
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
  // Decks in folders have their PDFs in folders (pdf/part-1/intro.pdf).
  for (const name of await readdir(outDir, { recursive: true })) {
    if (!/\.pdf\.\d+-[0-9a-f]{8}\.tmp$/.test(name)) continue;
    const path = join(outDir, name);
    const st = await stat(path);
    if (Date.now() - st.mtimeMs > 10 * 60_000) await rm(path, { force: true });
  }
}
