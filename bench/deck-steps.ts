/** The per-deck scenarios: Markdown compile, `vite build`, a first visit in Chromium, PDF export. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { exportPdf } from '../src/export/pdf.js';
import { compileDeck } from '../src/markdown/compile.js';
import { clearRenderCaches } from '../src/markdown/memo.js';
import { compileContext } from '../src/project/store.js';
import { emptyBytes, type FirstVisit, firstVisit, type Kind, serveDir } from './browser.js';
import { log, MiB, median, type SearchIndexSize, type Workload } from './figures.js';
import { type Project, viteBuild } from './project.js';

export async function measureCompile(w: Workload, runs: number): Promise<void> {
  const file = `slides/${w.slug}.md`;
  const text = readFileSync(join(w.project.root, file), 'utf8');
  const ctx = compileContext(w.project.root, new Set(Object.keys(w.project.decks)));
  const warm = await compileDeck(file, text, ctx); // loads Shiki's languages once, like a long-lived process
  w.slides = warm.slides.length;
  const msPerDeck: number[] = [];
  const cpuMsPerDeck: number[] = [];
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    do {
      clearRenderCaches(); // cold: no formula or code block typeset by an earlier run
      await compileDeck(file, text, ctx);
      n += 1;
    } while (performance.now() - t0 < 500 && n < 1000);
    const cpu = process.cpuUsage(cpu0);
    msPerDeck.push((performance.now() - t0) / n);
    cpuMsPerDeck.push((cpu.user + cpu.system) / 1000 / n);
  }
  // What the dev server does after an edit: the whole deck again, with one heading changed, in a process
  // that has compiled it before.
  const heading = text.indexOf('\n## ');
  const recompileMs: number[] = [];
  await compileDeck(file, text, ctx);
  for (let r = 0; r < Math.max(runs, 5); r++) {
    const edited = heading < 0 ? `${text}\nedit ${r}\n` : `${text.slice(0, heading + 4)}edit${r} ${text.slice(heading + 4)}`;
    const t0 = performance.now();
    await compileDeck(file, edited, ctx);
    recompileMs.push(performance.now() - t0);
  }
  const m = median(msPerDeck);
  w.compile = {
    msPerDeck,
    cpuMsPerDeck,
    median: m,
    medianCpu: median(cpuMsPerDeck),
    slidesPerSec: (w.slides / m) * 1000,
    recompileMs,
    medianRecompile: median(recompileMs),
  };
  log(
    `  compile ${w.label}: ${m.toFixed(1)} ms (${Math.round(w.compile.slidesPerSec)} slides/s), after an edit ${w.compile.medianRecompile.toFixed(1)} ms`,
  );
}

/** Each project's build figures, measured once (several workloads share the site). */
/** The size of the built site's search index (dist/assets/search-<hash>.json), raw and gzipped. */
export function searchIndexSize(distDir: string, decks: number): SearchIndexSize | undefined {
  const dir = join(distDir, 'assets');
  const name = existsSync(dir) ? readdirSync(dir).find((f) => /^search-[0-9a-f]+\.json$/.test(f)) : undefined;
  if (!name) return undefined;
  const source = readFileSync(join(dir, name));
  return { bytes: source.byteLength, gzipBytes: gzipSync(source).byteLength, decks };
}

const searchIndexOf = (distDir: string, decks: number) => {
  const searchIndex = searchIndexSize(distDir, decks);
  return searchIndex ? { searchIndex } : {};
};

export const builds = new Map<Project, NonNullable<Workload['build']>>();

export async function measureBuild(project: Project, label: string, runs: number): Promise<NonNullable<Workload['build']>> {
  const done = builds.get(project);
  if (done) return done;
  const cold = await viteBuild(project); // fills the font-subset cache; reported as the cold build
  const ms: number[] = [];
  const cpuMs: number[] = [];
  const peak: number[] = [];
  for (let r = 0; r < runs; r++) {
    const b = await viteBuild(project);
    ms.push(b.ms);
    cpuMs.push(b.cpuMs);
    peak.push(b.peakRss / MiB);
  }
  const result = {
    ms,
    cpuMs,
    median: median(ms),
    medianCpu: median(cpuMs),
    peakMiB: peak,
    medianPeakMiB: median(peak),
    coldMs: cold.ms,
    coldPeakMiB: cold.peakRss / MiB,
    ...searchIndexOf(join(project.root, 'dist'), Object.keys(project.decks).length),
  };
  builds.set(project, result);
  log(
    `  build ${label}: ${(result.median / 1000).toFixed(2)} s, ${Math.round(result.medianPeakMiB)} MiB (cold ${(cold.ms / 1000).toFixed(2)} s)`,
  );
  return result;
}

export async function measureLoad(browser: Browser, w: Workload, runs: number): Promise<void> {
  const server = await serveDir(join(w.project.root, 'dist'));
  try {
    await firstVisit(browser, server.url, join(w.project.root, 'dist'), w.slug); // warm the server and the disk cache
    const visits: FirstVisit[] = [];
    for (let r = 0; r < runs; r++) visits.push(await firstVisit(browser, server.url, join(w.project.root, 'dist'), w.slug));
    const last = visits[visits.length - 1] as FirstVisit;
    const gzip = emptyBytes();
    const raw = emptyBytes();
    for (const k of Object.keys(gzip) as Kind[]) {
      gzip[k] = median(visits.map((v) => v.gzip[k]));
      raw[k] = median(visits.map((v) => v.raw[k]));
    }
    const reads: FirstVisit[] = [];
    for (let r = 0; r < runs; r++)
      reads.push(await firstVisit(browser, server.url, join(w.project.root, 'dist'), w.slug, { reading: true }));
    const fcpMs = visits.map((v) => v.fcpMs);
    const lcpMs = visits.map((v) => v.lcpMs);
    const readyMs = visits.map((v) => v.readyMs);
    w.load = {
      fcpMs,
      lcpMs,
      readyMs,
      median: { fcpMs: median(fcpMs), lcpMs: median(lcpMs), readyMs: median(readyMs) },
      reading: {
        fcpMs: reads.map((v) => v.fcpMs),
        medianFcpMs: median(reads.map((v) => v.fcpMs)),
        medianReadyMs: median(reads.map((v) => v.readyMs)),
      },
      gzip,
      raw,
      firstSlideKB: (gzip.js + gzip.css + gzip.font) / 1000,
      requests: last.requests,
      mermaidBeforeReady: visits.some((v) => v.mermaidBeforeReady),
      offHost: [...new Set(visits.flatMap((v) => v.offHost))],
      files: last.files,
    };
    log(
      `  first visit ${w.label}: FCP ${Math.round(w.load.median.fcpMs)} ms, ready ${Math.round(w.load.median.readyMs)} ms, ${w.load.firstSlideKB.toFixed(1)} KB gz; reading mode FCP ${Math.round(w.load.reading.medianFcpMs)} ms`,
    );
  } finally {
    await server.close();
  }
}

/** `npm run pdf -- <slug> --no-build` in the project, wall time from spawn to exit. */
async function pdfCli(project: Project, slug: string): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'pdf', '--', slug, '--no-build', '--out', 'pdf-cli'], {
    cwd: project.root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  if (code !== 0) throw new Error(`npm run pdf failed (exit ${code}):\n${stderr.slice(-2000)}`);
  return performance.now() - started;
}

export async function measurePdf(w: Workload, cli: boolean, runs: number): Promise<void> {
  const ms: number[] = [];
  let pages = 0;
  const perPage: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const [result] = await exportPdf({ root: w.project.root, slugs: [w.slug], build: 'never', outDir: join(w.project.root, 'pdf-out') });
    ms.push(performance.now() - t0);
    pages = result?.pages ?? 0;
    if (result) perPage.push(result.ms / result.pages);
  }
  w.pdf = { ms, median: median(ms), pages, perPageMs: median(perPage) };
  if (cli) {
    // The first run after a source change also bundles the command (bin/lectern.mjs): timed apart.
    w.pdf.cliFirstMs = await pdfCli(w.project, w.slug);
    const cliMs: number[] = [];
    for (let r = 0; r < runs; r++) cliMs.push(await pdfCli(w.project, w.slug));
    w.pdf.cliMs = cliMs;
    w.pdf.cliMedian = median(cliMs);
  }
  log(
    `  pdf ${w.label}: ${(w.pdf.median / 1000).toFixed(2)} s for ${pages} pages (${Math.round(w.pdf.perPageMs)} ms/page)${w.pdf.cliMedian ? `, npm run pdf ${(w.pdf.cliMedian / 1000).toFixed(2)} s` : ''}`,
  );
}
