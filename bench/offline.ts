import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { blockOffHost } from '../src/export/browser.js';
import { serve } from '../src/export/serve.js';
import { OFFLINE_FILES, OFFLINE_STATE_ATTR, type OfflineList } from '../src/model/offline.js';
import { PAGE, SLIDE_SIZE } from '../src/model/page.js';
import type { Project } from './project.js';

/**
 * Issue 16: what offline support costs a first visit. The lecture is opened in a fresh context twice per
 * run, with service workers blocked (as before offline support) and allowed (the worker installs its shell
 * and keeps the lecture in the background), and every request the server answers is counted, until the
 * page is ready and (with the worker) the lecture is kept. Bytes are the distinct files served, read from dist/ and
 * gzipped with node:zlib defaults (what a compressing host sends). First paint with and without, and what
 * "Keep for offline" fetches for the whole course, are reported beside.
 */
export interface OfflineFigures {
  runs: number;
  /** KB gzip / raw served for one first visit, per run. */
  without: { gzipKB: number[]; rawKB: number[]; fcpMs: number[] };
  with: { gzipKB: number[]; rawKB: number[]; fcpMs: number[]; keptMs: number[] };
  medianExtraGzipKB: number;
  medianExtraRawKB: number;
  /** Every lecture and the search, what Keep for offline fetches at most (gzip KB). */
  wholeCourseGzipKB: number;
  loadAverage: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function sizes(dist: string, path: string): { raw: number; gzip: number } {
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  let s = sizeCache.get(file);
  if (!s) {
    const data = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    s = { raw: data.byteLength, gzip: data.byteLength ? gzipSync(data).byteLength : 0 };
    sizeCache.set(file, s);
  }
  return s;
}

async function visit(browser: Browser, dist: string, slug: string, worker: boolean) {
  const served: string[] = [];
  const server = await serve(dist, {
    handle: (req) => {
      served.push(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      return false;
    },
  });
  const context = await browser.newContext({ viewport: { ...SLIDE_SIZE }, serviceWorkers: worker ? 'allow' : 'block' });
  try {
    await blockOffHost(context, server.url);
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`${server.url}/${slug.split('/').map(encodeURIComponent).join('/')}/`);
    await page.waitForSelector(PAGE.readySelector, { timeout: 60_000 });
    let keptMs = 0;
    if (worker) {
      await page.waitForSelector(`html[${OFFLINE_STATE_ATTR}="ready"]`, { timeout: 120_000 });
      keptMs = Date.now() - start;
    } else await page.waitForLoadState('networkidle');
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    let raw = 0;
    let gzip = 0;
    // Each file once: this server (like `vite preview`) lets nothing be cached, so the worker's install asks
    // again for files the page has just loaded; a static host's caching headers let the browser reuse them.
    for (const path of new Set(served)) {
      const s = sizes(dist, path);
      raw += s.raw;
      gzip += s.gzip;
    }
    return { rawKB: raw / 1000, gzipKB: gzip / 1000, fcpMs: Math.round(fcpMs), keptMs };
  } finally {
    await context.close();
    await server.close();
  }
}

export async function measureOffline(browser: Browser, project: Project, slug: string, runs: number): Promise<OfflineFigures> {
  const dist = join(project.root, 'dist');
  const before = loadavg();
  const f: OfflineFigures = {
    runs,
    without: { gzipKB: [], rawKB: [], fcpMs: [] },
    with: { gzipKB: [], rawKB: [], fcpMs: [], keptMs: [] },
    medianExtraGzipKB: 0,
    medianExtraRawKB: 0,
    wholeCourseGzipKB: 0,
    loadAverage: [],
  };
  const extraGzip: number[] = [];
  const extraRaw: number[] = [];
  // Interleaved, so both see the same machine load.
  for (let r = 0; r < runs; r++) {
    const a = await visit(browser, dist, slug, false);
    const b = await visit(browser, dist, slug, true);
    f.without.gzipKB.push(Math.round(a.gzipKB));
    f.without.rawKB.push(Math.round(a.rawKB));
    f.without.fcpMs.push(a.fcpMs);
    f.with.gzipKB.push(Math.round(b.gzipKB));
    f.with.rawKB.push(Math.round(b.rawKB));
    f.with.fcpMs.push(b.fcpMs);
    f.with.keptMs.push(b.keptMs);
    extraGzip.push(b.gzipKB - a.gzipKB);
    extraRaw.push(b.rawKB - a.rawKB);
  }
  f.medianExtraGzipKB = Math.round(median(extraGzip));
  f.medianExtraRawKB = Math.round(median(extraRaw));
  const list = JSON.parse(readFileSync(join(dist, OFFLINE_FILES.list), 'utf8')) as OfflineList;
  const all = new Set([...list.home, ...list.lectures.flatMap((l) => [l.page, ...l.files])]);
  f.wholeCourseGzipKB = Math.round([...all].reduce((sum, p) => sum + sizes(dist, p).gzip, 0) / 1000);
  f.loadAverage = [...before, ...loadavg()].map((x) => Math.round(x * 10) / 10);
  return f;
}

export function offlineReport(f: OfflineFigures): string {
  return [
    `Offline support, the lecture, first visit (served files, gzip), median of ${f.runs}:`,
    `  without the service worker: ${median(f.without.gzipKB)} KB (runs ${f.without.gzipKB.join(', ')}), first paint ${median(f.without.fcpMs)} ms (runs ${f.without.fcpMs.join(', ')})`,
    `  with it (shell precached, the lecture kept): ${median(f.with.gzipKB)} KB (runs ${f.with.gzipKB.join(', ')}), first paint ${median(f.with.fcpMs)} ms (runs ${f.with.fcpMs.join(', ')}), lecture kept ${median(f.with.keptMs)} ms after navigation`,
    `  extra for offline: ${f.medianExtraGzipKB} KB gzip (${f.medianExtraRawKB} KB raw); Keep for offline, the whole course at most: ${f.wholeCourseGzipKB} KB gzip`,
    `  load average before/after (1, 5, 15 min): ${f.loadAverage.join(', ')}`,
  ].join('\n');
}

export function offlineTargets(f: OfflineFigures): { what: string; target: string; measured: string; met: boolean | null }[] {
  return [
    {
      what: 'offline: first paint with the service worker vs without',
      target: 'unchanged (the worker registers after load)',
      measured: `${median(f.with.fcpMs)} ms vs ${median(f.without.fcpMs)} ms`,
      met: null,
    },
    {
      what: 'offline: extra bytes a first visit downloads',
      target: 'reported',
      measured: `${f.medianExtraGzipKB} KB gzip`,
      met: null,
    },
  ];
}
