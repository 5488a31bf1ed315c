/** Browser-side measurements: a first visit to a built deck, and the dev server's edit → DOM latency. */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blockOffHost } from '../src/export/browser.js';
import { PAGE, SLIDE_SIZE } from '../src/model/page.js';
import { type Project, REPO } from './project.js';

export type Kind = 'js' | 'css' | 'font' | 'html' | 'other';
export type Bytes = Record<Kind, number>;

export interface FirstVisit {
  /** first-contentful-paint, ms from navigation start. */
  fcpMs: number;
  /** Last largest-contentful-paint before the deck was ready (the first slide's biggest text or figure). */
  lcpMs: number;
  /** `lectern:ready` (fonts loaded, reveal started), ms from navigation start. */
  readyMs: number;
  /** Gzip bytes of the files requested before ready, by kind; `raw` = the same files uncompressed. */
  gzip: Bytes;
  raw: Bytes;
  files: { path: string; kind: Kind; raw: number; gzip: number }[];
  /** Requests the page made by the time it was ready (all of them, same host or not). */
  requests: number;
  /** Any Mermaid (or its layout/diagram chunks) among the requests before ready. */
  mermaidBeforeReady: boolean;
  /** Gzip KB of those Mermaid files. */
  mermaidKB: number;
  /** Requests to anything but the local server (blocked, and counted). */
  offHost: string[];
}

const KINDS: Record<string, Kind> = {
  '.js': 'js',
  '.mjs': 'js',
  '.css': 'css',
  '.woff2': 'font',
  '.woff': 'font',
  '.ttf': 'font',
  '.otf': 'font',
  '.html': 'html',
};
const MERMAID = /mermaid|dagre|cytoscape|elk|flowDiagram/i;

export const emptyBytes = (): Bytes => ({ js: 0, css: 0, font: 0, html: 0, other: 0 });

export { serve as serveDir } from '../src/export/serve.js';

const gzipCache = new Map<string, { raw: number; gzip: number }>();

function sizes(file: string): { raw: number; gzip: number } {
  let s = gzipCache.get(file);
  if (!s) {
    const data = readFileSync(file);
    s = { raw: data.byteLength, gzip: gzipSync(data).byteLength };
    gzipCache.set(file, s);
  }
  return s;
}

/** Page-side probes, as a string (tsx would wrap named functions in a helper the page lacks). */
const PROBE = `
window.__bench = { lcp: 0 };
document.addEventListener('${PAGE.readyEvent}', () => { window.__bench.ready = performance.now(); }, { once: true });
new PerformanceObserver((list) => {
  if (window.__bench.ready !== undefined) return;
  for (const e of list.getEntries()) window.__bench.lcp = e.startTime;
}).observe({ type: 'largest-contentful-paint', buffered: true });
`;

interface ProbeResult {
  fcp: number;
  lcp: number;
  ready: number;
  resources: { name: string; start: number }[];
}

/** Chrome DevTools' "Slow 3G" (2 s round trip, 50 KB/s each way) and a 4× slower CPU, through CDP. */
export const SLOW_PHONE = { latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000, cpuSlowdown: 4 } as const;

async function throttleLikeSlowPhone(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const { cpuSlowdown, ...network } = SLOW_PHONE;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}

/**
 * Opens `/<slug>/` in a fresh browser context (empty cache: a first visit) at the slide size (SLIDE_SIZE; reading mode:
 * `?view=read` at 390×800) and waits for
 * Lectern's ready signal. Bytes are the files the browser requested before it, read from `distDir`
 * and gzipped with node:zlib (default level).
 */
export async function firstVisit(
  browser: Browser,
  baseUrl: string,
  distDir: string,
  slug: string,
  opts: { reading?: boolean; slowPhone?: boolean } = {},
): Promise<FirstVisit> {
  // Presenting on a laptop, or (reading) a student's phone-sized screen.
  const viewport = opts.reading ? { width: 390, height: 800 } : { ...SLIDE_SIZE };
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const origin = new URL(baseUrl).origin;
  const offHost = await blockOffHost(context, baseUrl);
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  if (opts.slowPhone) await throttleLikeSlowPhone(context, page);
  let requests = 0;
  page.on('request', () => {
    requests += 1;
  });
  try {
    const url = `${baseUrl}/${encodeURIComponent(slug)}/`;
    await page.goto(opts.reading ? `${url}?view=read` : url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const b = (window as unknown as { __bench?: { ready?: number } }).__bench;
        return b?.ready !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const requestsAtReady = requests;
    const probe = await page.evaluate((): ProbeResult => {
      const b = (window as unknown as { __bench: { ready: number; lcp: number } }).__bench;
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        lcp: b.lcp,
        ready: b.ready,
        resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
      };
    });
    const before = [{ name: url, start: 0 }, ...probe.resources.filter((r) => r.start <= probe.ready)];
    const gzip = emptyBytes();
    const raw = emptyBytes();
    const files: FirstVisit['files'] = [];
    for (const r of before) {
      const u = new URL(r.name);
      if (u.origin !== origin) continue;
      let path = decodeURIComponent(u.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = join(distDir, path);
      if (!existsSync(file)) continue;
      const kind = KINDS[extname(path).toLowerCase()] ?? 'other';
      const s = sizes(file);
      gzip[kind] += s.gzip;
      raw[kind] += s.raw;
      files.push({ path, kind, ...s });
    }
    return {
      fcpMs: probe.fcp,
      lcpMs: probe.lcp,
      readyMs: probe.ready,
      gzip,
      raw,
      files,
      requests: requestsAtReady,
      mermaidBeforeReady: files.some((f) => f.kind === 'js' && MERMAID.test(f.path)),
      mermaidKB: files.filter((f) => f.kind === 'js' && MERMAID.test(f.path)).reduce((a, f) => a + f.gzip, 0) / 1000,
      offHost,
    };
  } finally {
    await context.close();
  }
}

/** Page-side: resolves `window.__edit` when `token` is in the slides (a string: see PROBE). */
const armEdit = (token: string) => `
window.__edit = new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    if (!(document.querySelector('${PAGE.slides}')?.textContent ?? '').includes(${JSON.stringify(token)})) return;
    observer.disconnect();
    const dom = Date.now();
    requestAnimationFrame(() => resolve({ dom, frame: Date.now() }));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
});
undefined;
`;

export interface DevEdit {
  /** File written → new text in the deck's DOM. */
  domMs: number;
  /** … → the next animation frame after that (the text painted). */
  frameMs: number;
}

/**
 * Starts Vite's dev server in the project, opens the deck, then edits its file `edits` times (a token
 * appended to the first `## ` heading) and times each edit until the token is in the page's DOM.
 */
export async function devLatency(browser: Browser, project: Project, slug: string, edits: number): Promise<DevEdit[]> {
  const { createServer: createVite } = await import('vite');
  const file = join(project.root, 'slides', `${slug}.md`);
  const original = readFileSync(file, 'utf8');
  const heading = original.indexOf('\n## ');
  if (heading < 0) throw new Error(`${slug}: no "## " heading to edit`);
  const lineEnd = original.indexOf('\n', heading + 1);
  const withToken = (token: string) => `${original.slice(0, lineEnd)} ${token}${original.slice(lineEnd)}`;

  const server = await createVite({
    root: project.root,
    configFile: join(project.root, 'vite.config.ts'),
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 5290, strictPort: false, fs: { allow: [project.root, REPO] } },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5290/';
  const context = await browser.newContext({ viewport: { ...SLIDE_SIZE } });
  const page = await context.newPage();
  const results: DevEdit[] = [];
  try {
    await page.goto(`${base}${encodeURIComponent(slug)}/#/slide-2`, { timeout: 120_000 });
    // The first visit may make Vite optimize dependencies and reload the page: wait until it is quiet.
    await page.waitForSelector(PAGE.readySelector, { state: 'attached', timeout: 120_000 });
    await page.waitForTimeout(1500);
    await page.waitForSelector(PAGE.readySelector, { state: 'attached', timeout: 120_000 });
    for (let i = 0; i < edits; i++) {
      const token = `bench${i}x${Math.random().toString(36).slice(2, 8)}`;
      await page.evaluate(armEdit(token));
      const written = Date.now();
      writeFileSync(file, withToken(token));
      const seen = await page.evaluate(() => (window as unknown as { __edit: Promise<{ dom: number; frame: number } | null> }).__edit);
      if (seen) results.push({ domMs: seen.dom - written, frameMs: seen.frame - written });
      await page.waitForTimeout(400);
    }
  } finally {
    writeFileSync(file, original);
    await context.close();
    await server.close();
  }
  return results;
}
