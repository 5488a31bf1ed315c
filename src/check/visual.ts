/**
 * The part of `npm run check` that looks at every slide the way a viewer sees it: each deck of the
 * built site in Chromium at the slide size (SLIDE_SIZE), every slide with all fragments shown.
 *
 * Pure module: no argv, no process.exit. `src/cli/check.ts` is the command line over it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { blockOffHost, findBrowser, HOW_TO_GET_A_BROWSER, launchOptions } from '../export/browser.js';
import { serve } from '../export/serve.js';
import { buildSite, builtDecks, siteIsStale } from '../export/site.js';
import { encodePath } from '../model/deck-path.js';
import { PAGE, parseSource, SLIDE_SIZE, type SlideFinding, type SlideRef, type SourceLocation, slideLabel } from '../model/page.js';
import type { Diagnostic } from '../model/types.js';

export interface VisualOptions {
  /** Project root (holds `slides/`, `dist/`). Default: the current directory. */
  root?: string;
  /** Decks to look at; default every built deck. */
  slugs?: string[];
  /** `auto` (default) builds when `dist/` is missing or older than the sources. */
  build?: 'auto' | 'never';
  /** Smallest readable text on a slide-sized screen, in px (after reveal's scaling). Default 15: 16 px text at reveal's 4 % margin. */
  minFontPx?: number;
  /** Longest wait for a page, a diagram or an image, in ms. Default 20 s. */
  timeoutMs?: number;
  /** Reuse a browser (tests); otherwise one is launched and closed. */
  browser?: Browser;
  onProgress?: (event: VisualProgress) => void;
}

export type VisualProgress = { type: 'build'; reason: string } | { type: 'deck'; slug: string; slides: number; ms: number };

export interface VisualReport {
  diagnostics: Diagnostic[];
  decks: { slug: string; slides: number; ms: number }[];
  /** Wall time, build included. */
  ms: number;
  /** Set when a build ran first, with its time. */
  buildMs?: number;
}

/** Thrown when the check cannot run at all (no browser, no site); authoring problems are diagnostics. */
export class VisualCheckError extends Error {
  override name = 'VisualCheckError';
}

/** True when a Chromium is available for the visual pass. */
export function canCheckVisually(): boolean {
  return findBrowser() !== undefined;
}

/** A finding as `lectern check` prints it; one on a slide names it by its number (`slide 12: …`, as every view does). */
function toDiagnostic(f: SlideFinding, index?: number): Diagnostic {
  const message = index === undefined ? f.message : `slide ${slideLabel(index)}: ${f.message}`;
  return { code: f.code, file: f.file, line: f.line, severity: f.severity, message, hint: f.hint };
}

/** Shows every step of slide (h, v), waits for its diagrams and images (what is still missing is reported), and inspects it. */
async function visitSlide(page: Page, slide: SlideRef, minFontPx: number, timeoutMs: number) {
  return page.evaluate(
    async ({ slide, minFontPx, timeoutMs }) => {
      const inspector = await window.lecternInspector?.();
      if (!inspector) return { findings: [], links: [], ids: [] };
      await inspector.show(slide, timeoutMs);
      return inspector.inspect({ minFontPx });
    },
    { slide, minFontPx, timeoutMs },
  );
}

/**
 * Opens every deck of the built site and reports what a viewer would see wrong, as diagnostics with
 * the slide's `file:line`. Builds the site first when it is stale.
 */
export async function checkVisual(options: VisualOptions = {}): Promise<VisualReport> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const distDir = join(root, 'dist');
  const minFontPx = options.minFontPx ?? 15;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const progress = options.onProgress ?? (() => {});
  if (!options.browser && !findBrowser()) throw new VisualCheckError(HOW_TO_GET_A_BROWSER);

  let buildMs: number | undefined;
  const stale = options.build === 'never' ? undefined : siteIsStale(root);
  if (stale) {
    progress({ type: 'build', reason: stale });
    const t = performance.now();
    await buildSite(root, { quiet: true });
    buildMs = Math.round(performance.now() - t);
  }
  if (!existsSync(join(distDir, 'index.html'))) throw new VisualCheckError('no built site in dist/: run `npm run build`');
  const known = builtDecks(distDir);
  const slugs = options.slugs?.length ? options.slugs.filter((s) => known.includes(s)) : known;

  const server = await serve(distDir);
  const browser = options.browser ?? (await chromium.launch(launchOptions()));
  const diagnostics: Diagnostic[] = [];
  const decks: VisualReport['decks'] = [];
  const idsBySlug = new Map<string, Set<string>>();
  const links: (SourceLocation & { href: string; slug: string })[] = [];
  try {
    const context = await browser.newContext({
      viewport: { ...SLIDE_SIZE },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const blocked = await blockOffHost(context, server.url);
    for (const slug of slugs) {
      const t = performance.now();
      blocked.length = 0;
      await page.goto(`${server.url}/${encodePath(slug)}/?transition=none&backgroundTransition=none`, { timeout: timeoutMs });
      await page.waitForSelector(PAGE.readySelector, { state: 'attached', timeout: timeoutMs });
      const all = await page.evaluate(async () => (await window.lecternInspector?.())?.slides() ?? []);
      const file = parseSource(all[0]?.source)?.file ?? '';
      const ids = new Set<string>();
      for (const [index, slide] of all.entries()) {
        const seen = await visitSlide(page, slide, minFontPx, timeoutMs);
        diagnostics.push(...seen.findings.map((f) => toDiagnostic(f, index)));
        for (const id of seen.ids) ids.add(id);
        links.push(...seen.links.map((l) => ({ ...l, slug })));
      }
      idsBySlug.set(slug, ids);
      if (blocked.length)
        diagnostics.push({
          code: 'network-request',
          file: file || `slides/${slug}.md`,
          line: 1,
          severity: 'warning',
          message: `the deck asks the network for ${blocked.length} file(s), e.g. ${blocked[0]}: they are missing offline`,
          hint: 'save them under assets/ and link them from there',
        });
      const ms = Math.round(performance.now() - t);
      decks.push({ slug, slides: all.length, ms });
      progress({ type: 'deck', slug, slides: all.length, ms });
    }

    // Links to other decks' anchors and to local files, checked once everything has been seen.
    const status = new Map<string, number>();
    for (const link of links) {
      const url = new URL(link.href);
      const m = /^\/(.+?)\/(?:index\.html)?$/.exec(decodeURIComponent(url.pathname));
      const target = m?.[1] && idsBySlug.has(m[1]) ? m[1] : undefined;
      if (target) {
        const hash = decodeURIComponent(url.hash.replace(/^#\/?/, ''));
        if (hash && !/^\d+(\/\d+)?$/.test(hash) && !idsBySlug.get(target)?.has(hash))
          diagnostics.push({
            ...toDiagnostic({
              file: link.file,
              line: link.line,
              code: 'link-broken',
              severity: 'error',
              message: `link to \`${url.pathname}${url.hash}\`: deck \`${target}\` has no such slide or anchor`,
              hint: 'slides are #/slide-N, N the slide number shown in the corner (from 1, sub-slides counted)',
            }),
          });
        continue;
      }
      const key = url.origin + url.pathname;
      if (!status.has(key)) status.set(key, (await page.request.head(key).catch(() => undefined))?.status() ?? 0);
      if ((status.get(key) ?? 0) >= 400 || status.get(key) === 0)
        diagnostics.push(
          toDiagnostic({
            file: link.file,
            line: link.line,
            code: 'link-broken',
            severity: 'error',
            message: `link to \`${url.pathname}\` leads nowhere (${status.get(key) || 'no answer'})`,
            hint: 'put the file under assets/ or fix the path',
          }),
        );
    }
    await context.close();
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}:${d.file}:${d.line}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { diagnostics: unique, decks, ms: Math.round(performance.now() - started), ...(buildMs !== undefined ? { buildMs } : {}) };
}
