/**
 * `lectern site`: the complete deployable site in `dist/`: the build, every lecture's PDF and handout, its
 * link preview image, the search index, 404 page and icon (the last three come with the build), then a
 * check that every link in it resolves. Only what changed is redone: the build when a source changed (as
 * `npm run pdf` decides), and a lecture's PDFs and image when its built page changed (the page names every
 * file it uses by content hash, so the page's own hash stands for all of them) or one of them is missing.
 *
 * Pure module (no argv, no process.exit); `src/cli/site.ts` is the command line. Playwright and Vite are
 * loaded only when there is something to build or print, so a run with nothing to do is quick.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkSiteLinks, type SiteLinkReport } from '../check/site-links.js';
import { ogImageFile, PDF_DIR } from '../model/site.js';
import { readCourseSettings } from '../project/course.js';
import { pdfFileName } from '../project/pdfs.js';
import type { ExportResult } from './pdf.js';
import { PdfExportError } from './print-page.js';
import { builtDecks, siteIsStale } from './site.js';

export type PublishEvent =
  | { type: 'build'; reason: string }
  | { type: 'built'; ms: number }
  | { type: 'up-to-date'; decks: number }
  | { type: 'export'; slugs: string[] }
  | { type: 'pdf'; result: ExportResult; done: number; total: number }
  | { type: 'preview'; slug: string; file: string; bytes: number; ms: number; done: number; total: number }
  | { type: 'links'; report: SiteLinkReport; cached: boolean };

export interface PublishOptions {
  root?: string;
  /** Redo everything (build, every PDF and image). */
  force?: boolean;
  /** Pages printed at the same time (see `ExportOptions.concurrency`). */
  jobs?: number;
  timeoutMs?: number;
  onProgress?: (event: PublishEvent) => void;
}

export interface PublishResult {
  built: boolean;
  /** Lectures whose PDFs and image were made in this run. */
  exported: string[];
  decks: string[];
  links: SiteLinkReport;
  ms: number;
}

/** What the last run made, by the hash of the page it was made from. Kept beside the build caches. */
interface Manifest {
  version: 1;
  /** Hash of `dist/index.html` as the last `lectern site` built it (a plain build since then differs). */
  home?: string;
  decks: Record<string, string>;
  /** Fingerprint of the site whose links were last found whole. */
  linksChecked?: string;
}

const hashFile = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16) : '');

function readManifest(path: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (m.version === 1 && m.decks && typeof m.decks === 'object') return m;
  } catch {}
  return { version: 1, decks: {} };
}

function writeManifest(path: string, m: Manifest): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(m, null, 1));
  renameSync(tmp, path);
}

/** A lecture's files `lectern site` makes, relative to `dist/`. */
export function publishedFiles(slug: string): string[] {
  return [`${PDF_DIR}/${pdfFileName(slug, 'slides')}`, `${PDF_DIR}/${pdfFileName(slug, 'handout')}`, ogImageFile(slug)];
}

export async function publishSite(options: PublishOptions = {}): Promise<PublishResult> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const dist = join(root, 'dist');
  const progress = options.onProgress ?? (() => {});
  const manifestPath = join(root, 'node_modules', '.cache', 'lectern', 'site.json');
  const manifest = readManifest(manifestPath);
  const timeoutMs = options.timeoutMs ?? 60_000;

  // 1. The build, when a source changed or the home was last built by a plain build (which links only the
  //    PDFs that were there): in publish mode every page links its PDFs and preview image.
  const homeFile = join(dist, 'index.html');
  const reason = options.force
    ? 'asked to redo everything'
    : (siteIsStale(root) ?? (manifest.home !== hashFile(homeFile) ? 'the site was last built without its PDFs and previews' : undefined));
  let built = false;
  if (reason) {
    progress({ type: 'build', reason });
    const t = performance.now();
    const { buildSite } = await import('./site.js');
    await buildSite(root, { publish: true });
    built = true;
    manifest.home = hashFile(homeFile);
    writeManifest(manifestPath, manifest);
    progress({ type: 'built', ms: Math.round(performance.now() - t) });
  }

  // 2. Each lecture whose page changed, or whose PDFs or image are missing: print and picture it.
  const decks = builtDecks(dist);
  const pageHash = new Map(decks.map((slug) => [slug, hashFile(join(dist, slug, 'index.html'))]));
  const todo = decks.filter(
    (slug) => options.force || manifest.decks[slug] !== pageHash.get(slug) || publishedFiles(slug).some((f) => !existsSync(join(dist, f))),
  );
  if (todo.length) await exportAll(root, dist, todo, options.jobs, timeoutMs, progress, manifest, pageHash, manifestPath);
  else progress({ type: 'up-to-date', decks: decks.length });

  // 3. The link check, unless this very site (same pages, same exports) was found whole before.
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([manifest.home, ...decks.map((s) => [s, pageHash.get(s), publishedFiles(s).map((f) => existsSync(join(dist, f)))])]),
    )
    .digest('hex')
    .slice(0, 16);
  let links: SiteLinkReport;
  if (!built && !todo.length && manifest.linksChecked === fingerprint) {
    links = { problems: [], pages: 0, links: 0 };
    progress({ type: 'links', report: links, cached: true });
  } else {
    links = checkSiteLinks(dist, readCourseSettings(root).settings.url);
    progress({ type: 'links', report: links, cached: false });
    if (links.problems.length === 0) manifest.linksChecked = fingerprint;
    else delete manifest.linksChecked;
    writeManifest(manifestPath, manifest);
  }
  return { built, exported: todo, decks, links, ms: Math.round(performance.now() - started) };
}

async function exportAll(
  root: string,
  dist: string,
  slugs: string[],
  jobs: number | undefined,
  timeoutMs: number,
  progress: (e: PublishEvent) => void,
  manifest: Manifest,
  pageHash: Map<string, string>,
  manifestPath: string,
): Promise<void> {
  progress({ type: 'export', slugs });
  const [
    { chromium },
    { exportPdf, defaultConcurrency },
    { writePreviewImage },
    { findBrowser, HOW_TO_GET_A_BROWSER, launchOptions },
    { serve },
  ] = await Promise.all([
    import('playwright-core'),
    import('./pdf.js'),
    import('./og-image.js'),
    import('./browser.js'),
    import('./serve.js'),
  ]);
  if (!findBrowser()) throw new PdfExportError(HOW_TO_GET_A_BROWSER);
  const [browser, server] = await Promise.all([chromium.launch(launchOptions()), serve(dist)]);
  try {
    const parallel = jobs ?? defaultConcurrency();
    const total = slugs.length * 2;
    let printed = 0;
    const pdfs = exportPdf({
      root,
      slugs,
      kinds: ['slides', 'handout'],
      baseUrl: server.url,
      browser,
      build: 'never',
      timeoutMs,
      // One page of the pool takes the preview images (one per lecture, each quick).
      concurrency: Math.max(1, parallel - 1),
      onProgress: (e) => {
        if (e.type === 'done') progress({ type: 'pdf', result: e.result, done: ++printed, total });
      },
    });
    const previews = (async () => {
      let done = 0;
      for (const slug of slugs) {
        const r = await writePreviewImage(browser, server.url, slug, dist, timeoutMs);
        progress({ type: 'preview', ...r, done: ++done, total: slugs.length });
      }
    })();
    const [pdfResult, previewResult] = await Promise.allSettled([pdfs, previews]);
    const failed = [pdfResult, previewResult].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    // Only a run where every lecture's files were made is remembered; after a failure they are all redone.
    for (const slug of slugs) {
      if (failed) delete manifest.decks[slug];
      else manifest.decks[slug] = pageHash.get(slug) ?? '';
    }
    writeManifest(manifestPath, manifest);
    if (failed) throw failed.reason;
  } finally {
    await browser.close();
    await server.close();
  }
}
