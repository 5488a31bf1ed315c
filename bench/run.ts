/**
 * `npm run bench [-- --runs N] [--quick] [--only compile,build,load,pdf,dev,live,course,ink] [--keep]`
 *
 * Builds synthetic decks (10, 100, 300 and 1,000 slides) and the lecture, and prints medians: Markdown
 * compile time, `vite build` time and peak memory, what a first visit downloads before the first slide
 * (gzip, by kind), first paint and ready in headless Chromium, PDF export time, and the dev server's
 * edit → DOM latency, and `npm run live` with 300 simulated and 50 Chromium followers. Writes the same figures, and the machine, to bench/results/<date>-<host>.json.
 *
 * A benchmark, not a test: nothing fails; targets are checked and printed at the end.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, hostname, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { launchOptions } from '../src/export/browser.js';
import { exportPdf } from '../src/export/pdf.js';
import { compileDeck, slugOf } from '../src/markdown/compile.js';
import { clearRenderCaches } from '../src/markdown/memo.js';
import { compileContext, listDeckFiles } from '../src/project/store.js';
import { type Bytes, devLatency, emptyBytes, type FirstVisit, firstVisit, type Kind, serveDir } from './browser.js';
import { COURSE_LECTURES, type CourseFigures, measureCourse } from './course.js';
import { type InkRun, inkLatency } from './ink.js';
import { type BrowserRun, browserFollowers, type SimulatedRun, simulatedFollowers } from './live.js';
import { createProject, type Project, peakMethod, REPO, removeProject, viteBuild } from './project.js';
import { measureSite, type SiteFigures } from './site.js';
import { measureSlowPhone, type SlowPhoneFigures, slowPhoneReport, slowPhoneTargets } from './slow-phone.js';
import { syntheticDeck } from './synthetic.js';

const USAGE = `Usage: npm run bench -- [options]

  --runs N     timed runs per figure (default 3; medians are reported)
  --quick      one run, decks of 10 and 100 slides and the lecture, fewer dev edits
  --only LIST  some of: compile,build,load,pdf,dev,live,course,ink,site (default: all; course = 30 lectures of the
               lecture; ink = drawing latency, pointer event to frame; site = lectern site on the repo's lectures:
               first run, nothing changed, one edited; phone = the lecture on a slow phone, presenting and reading)
  --keep       keep the temporary projects (their paths are printed)
  -h, --help   this text`;

const LECTURE = 'reasoning-origins';
const STEPS = ['compile', 'build', 'load', 'pdf', 'dev', 'live', 'course', 'ink', 'site', 'phone'] as const;
type Step = (typeof STEPS)[number];

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const quick = !!values.quick;
const runs = values.runs ? Number(values.runs) : quick ? 1 : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${values.runs}`);
const only = new Set((values.only?.split(',') ?? STEPS).map((s) => s.trim()) as Step[]);
for (const s of only) if (!STEPS.includes(s)) throw new Error(`--only: unknown step ${s} (steps: ${STEPS.join(', ')})`);
const sizes = quick ? [10, 100] : [10, 100, 300, 1000];
const devEdits = quick ? 3 : 7;

// ---------------------------------------------------------------------------------------------------
// Figures

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const round = (x: number, digits = 0) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
const MiB = 1024 * 1024;

interface Workload {
  id: string;
  label: string;
  project: Project;
  slug: string;
  /** This workload's build is the whole project (`site`: every deck in the repo's slides/). */
  buildLabel: string;
  slides?: number;
  compile?: {
    msPerDeck: number[];
    cpuMsPerDeck: number[];
    median: number;
    medianCpu: number;
    slidesPerSec: number;
    /** Compile after a one-heading edit with warm render caches (what the dev server does). */
    recompileMs: number[];
    medianRecompile: number;
  };
  build?: {
    ms: number[];
    cpuMs: number[];
    median: number;
    medianCpu: number;
    peakMiB: number[];
    medianPeakMiB: number;
    coldMs: number;
    coldPeakMiB: number;
  };
  load?: {
    fcpMs: number[];
    lcpMs: number[];
    readyMs: number[];
    median: { fcpMs: number; lcpMs: number; readyMs: number };
    /** Reading mode (`?view=read`) at 390×800, first visit. */
    reading: { fcpMs: number[]; medianFcpMs: number; medianReadyMs: number };
    gzip: Bytes;
    raw: Bytes;
    firstSlideKB: number;
    requests: number;
    mermaidBeforeReady: boolean;
    offHost: string[];
    files: FirstVisit['files'];
  };
  pdf?: { ms: number[]; median: number; pages: number; perPageMs: number; cliMs?: number[]; cliMedian?: number; cliFirstMs?: number };
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function machine() {
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  const git = (cmd: string) => {
    try {
      return execSync(`git ${cmd}`, { cwd: REPO, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    host: hostname(),
    cpu: cpus()[0]?.model ?? '?',
    cores: availableParallelism(),
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    os: `${process.platform} ${release()}`,
    node: process.version,
    vite: version('vite'),
    mermaid: version('mermaid'),
    commit: git('rev-parse --short HEAD'),
    uncommittedFiles: git('status --porcelain').split('\n').filter(Boolean).length,
  };
}

// ---------------------------------------------------------------------------------------------------
// Steps

async function measureCompile(w: Workload): Promise<void> {
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

const builds = new Map<Project, NonNullable<Workload['build']>>();

async function measureBuild(project: Project, label: string): Promise<NonNullable<Workload['build']>> {
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
  };
  builds.set(project, result);
  log(
    `  build ${label}: ${(result.median / 1000).toFixed(2)} s, ${Math.round(result.medianPeakMiB)} MiB (cold ${(cold.ms / 1000).toFixed(2)} s)`,
  );
  return result;
}

async function measureLoad(browser: Browser, w: Workload): Promise<void> {
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

async function measurePdf(w: Workload, cli: boolean): Promise<void> {
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

// ---------------------------------------------------------------------------------------------------
// Output

/** A Markdown table; the first `textCols` columns left-aligned, the rest (figures) right-aligned. */
function table(rows: string[][], textCols = 1): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i < textCols ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const sep = `| ${widths.map((w, i) => (i < textCols ? `${'-'.repeat(w)}` : `${'-'.repeat(Math.max(w - 1, 1))}:`)).join(' | ')} |`;
  return [line(rows[0] ?? []), sep, ...rows.slice(1).map(line)].join('\n');
}

const fmt = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

interface DevFigures {
  domMs: number[];
  frameMs: number[];
  long?: { label: string; domMs: number[] };
}

interface LiveFigures {
  simulated: SimulatedRun[];
  browser: BrowserRun[];
}

function liveLines(live: LiveFigures | undefined): string[] {
  if (!live) return [];
  const out: string[] = [];
  const sim = live.simulated;
  if (sim.length) {
    out.push(
      `npm run live, ${sim[0]?.followers} simulated followers (ws clients on loopback, ${sim[0]?.steps} steps): lecturer → follower median ${fmt(median(sim.map((r) => r.medianMs)), 1)} ms, p99 ${fmt(median(sim.map((r) => r.p99Ms)), 1)} ms (runs: ${sim.map((r) => `${r.medianMs.toFixed(1)}/${r.p99Ms.toFixed(1)}`).join(', ')}), missed ${sim.reduce((a, r) => a + r.missed, 0)}; server peak ${fmt(median(sim.map((r) => r.serverPeakMiB)))} MiB RSS`,
    );
  }
  const br = live.browser;
  if (br.length) {
    out.push(
      `npm run live, ${br[0]?.followers} Chromium followers (one browser) over a ${br[0]?.slides}-slide walk (${br[0]?.steps} steps): key → follower's deck median ${fmt(median(br.map((r) => r.medianMs)))} ms, p99 ${fmt(median(br.map((r) => r.p99Ms)))} ms, missed steps ${br.reduce((a, r) => a + r.missed, 0)}`,
    );
  }
  return out;
}

function report(workloads: Workload[], dev: DevFigures | undefined, live: LiveFigures | undefined, info: ReturnType<typeof machine>) {
  const buildRows = [
    ['deck', 'build covers', 'slides', 'compile ms', 'compile CPU ms', 'slides/s', 'recompile ms', 'build s', 'build CPU s', 'peak MiB'],
  ];
  for (const w of workloads) {
    buildRows.push([
      w.label,
      w.buildLabel,
      fmt(w.slides),
      fmt(w.compile?.median, 1),
      fmt(w.compile?.medianCpu, 1),
      fmt(w.compile?.slidesPerSec),
      fmt(w.compile?.medianRecompile, 1),
      fmt(w.build ? w.build.median / 1000 : undefined, 2),
      fmt(w.build ? w.build.medianCpu / 1000 : undefined, 2),
      fmt(w.build?.medianPeakMiB),
    ]);
  }
  const visitRows = [
    [
      'deck',
      'requests',
      'JS KB',
      'CSS KB',
      'fonts KB',
      'first slide KB',
      'HTML KB',
      'FCP ms',
      'ready ms',
      'read FCP ms',
      'PDF s',
      'PDF pages',
      'PDF ms/page',
    ],
  ];
  for (const w of workloads) {
    const kb = (k: Kind) => fmt(w.load ? w.load.gzip[k] / 1000 : undefined, 1);
    visitRows.push([
      w.label,
      fmt(w.load?.requests),
      kb('js'),
      kb('css'),
      kb('font'),
      fmt(w.load?.firstSlideKB, 1),
      kb('html'),
      fmt(w.load?.median.fcpMs),
      fmt(w.load?.median.readyMs),
      fmt(w.load?.reading.medianFcpMs),
      fmt(w.pdf ? w.pdf.median / 1000 : undefined, 2),
      fmt(w.pdf?.pages),
      fmt(w.pdf?.perPageMs),
    ]);
  }
  const lines = [
    `Lectern bench — medians of ${runs} run${runs === 1 ? '' : 's'}${quick ? ' (--quick)' : ''}`,
    `${info.host}: ${info.cores} cores (${info.cpu}), ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}, Vite ${info.vite}; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
    '',
    table(buildRows, 2),
    '',
    table(visitRows),
    '',
    "compile = compileDeck alone, warm process, render caches emptied before each run (CPU = this process's user + system time);",
    'recompile = the same after a one-heading edit with the caches warm (what the dev server does); build = `vite build` in a fresh Node process,',
    'font subsets cached (CPU = user + system of the build). Bytes: gzip (node:zlib default level) of the files requested before the deck',
    'is ready, KB = 1000 bytes; first slide = JS + CSS + fonts. FCP and ready: ms from navigation, first visit, 1280×720; read FCP:',
    'the same in reading mode (`?view=read`) at 390×800. Served on 127.0.0.1. PDF = exportPdf with browser launch; per page = print',
    'time without the launch / pages.',
  ];
  const lecture = workloads.find((w) => w.id === 'lecture');
  if (lecture?.pdf?.cliMedian) {
    const first = lecture.pdf.cliFirstMs
      ? ` (first run after a source change, bundling the command: ${(lecture.pdf.cliFirstMs / 1000).toFixed(2)} s)`
      : '';
    lines.push(`npm run pdf -- ${LECTURE} --no-build: ${(lecture.pdf.cliMedian / 1000).toFixed(2)} s${first}`);
  }
  if (dev) {
    lines.push(
      `dev server, edit → new text in the DOM: ${fmt(median(dev.domMs))} ms (next frame ${fmt(median(dev.frameMs))} ms), median of ${dev.domMs.length} edits`,
    );
    if (dev.long) lines.push(`dev server, ${dev.long.label}: ${fmt(median(dev.long.domMs))} ms, median of ${dev.long.domMs.length} edits`);
  }
  lines.push(...liveLines(live));
  const cold = [...builds.entries()].map(([p, b]) => `${p.name} ${(b.coldMs / 1000).toFixed(2)} s`);
  if (cold.length) lines.push(`first build with an empty font cache (one run): ${cold.join(', ')}`);
  return lines.join('\n');
}

interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}

function targets(workloads: Workload[], dev: { domMs: number[] } | undefined, live: LiveFigures | undefined): Target[] {
  const byId = (id: string) => workloads.find((w) => w.id === id);
  const lecture = byId('lecture');
  const syn300 = byId('syn-300');
  const largest = [...workloads].reverse().find((w) => w.id.startsWith('syn-') && w.compile);
  const t: Target[] = [];
  const add = (what: string, target: string, value: number | undefined, unit: string, ok: (v: number) => boolean, digits = 0) =>
    t.push({
      what,
      target,
      measured: value === undefined || !Number.isFinite(value) ? 'not measured' : `${value.toFixed(digits)} ${unit}`,
      met: value === undefined || !Number.isFinite(value) ? null : ok(value),
    });
  add('whole-site build', '< 2 s', lecture?.build ? lecture.build.median / 1000 : undefined, 's', (v) => v < 2, 2);
  add('300-slide deck build', '< 3 s', syn300?.build ? syn300.build.median / 1000 : undefined, 's', (v) => v < 3, 2);
  const peaks = workloads.filter((w) => w.build && (w.slides ?? 0) <= 300 && w.id !== 'syn-1000');
  add(
    'peak build memory (site … 300 slides)',
    '< 700 MiB',
    peaks.length ? Math.max(...peaks.map((w) => w.build?.medianPeakMiB ?? 0)) : undefined,
    'MiB',
    (v) => v < 700,
  );
  add(
    `compile throughput (${largest?.label ?? 'synthetic'})`,
    '≥ 2000 slides/s',
    largest?.compile?.slidesPerSec,
    'slides/s',
    (v) => v >= 2000,
  );
  add('compile throughput (lecture)', '≥ 2000 slides/s', lecture?.compile?.slidesPerSec, 'slides/s', (v) => v >= 2000);
  add('lecture: first slide painted (FCP)', '< 300 ms', lecture?.load?.median.fcpMs, 'ms', (v) => v < 300);
  add('lecture: JS + CSS + fonts before first slide', '< 200 KB gz', lecture?.load?.firstSlideKB, 'KB', (v) => v < 200, 1);
  const loaded = workloads.filter((w) => w.load);
  t.push({
    what: 'Mermaid not downloaded before the first slide',
    target: 'none',
    measured: loaded.length ? loaded.map((w) => `${w.label}: ${w.load?.mermaidBeforeReady ? 'yes' : 'no'}`).join(', ') : 'not measured',
    met: loaded.length ? loaded.every((w) => !w.load?.mermaidBeforeReady) : null,
  });
  t.push({
    what: 'requests leaving the host',
    target: '0',
    measured: loaded.length ? String(loaded.reduce((s, w) => s + (w.load?.offHost.length ?? 0), 0)) : 'not measured',
    met: loaded.length ? loaded.every((w) => w.load?.offHost.length === 0) : null,
  });
  add(
    'npm run pdf (lecture, site built)',
    '< 3 s',
    lecture?.pdf?.cliMedian ? lecture.pdf.cliMedian / 1000 : undefined,
    's',
    (v) => v < 3,
    2,
  );
  add('PDF of the 300-slide deck', '< 10 s', syn300?.pdf ? syn300.pdf.median / 1000 : undefined, 's', (v) => v < 10, 2);
  add('dev server: edit → visible', '< 300 ms', dev ? median(dev.domMs) : undefined, 'ms', (v) => v < 300);
  const sim = live?.simulated ?? [];
  const num = (xs: number[]) => (xs.length ? median(xs) : undefined);
  add('live, 300 followers: median latency', '< 100 ms', num(sim.map((r) => r.medianMs)), 'ms', (v) => v < 100, 1);
  add('live, 300 followers: p99 latency', '< 300 ms', num(sim.map((r) => r.p99Ms)), 'ms', (v) => v < 300, 1);
  add('live, 300 followers: server memory', '< 200 MiB', num(sim.map((r) => r.serverPeakMiB)), 'MiB', (v) => v < 200);
  const br = live?.browser ?? [];
  add('live, 50 Chromium followers: missed steps', '0', br.length ? br.reduce((a, r) => a + r.missed, 0) : undefined, '', (v) => v === 0);
  return t;
}

function courseReport(c: CourseFigures): string {
  const s = (xs: number[]) => fmt(median(xs) / 1000, 2);
  const lines = [
    `course: ${c.lectures} lectures (copies of the lecture, each with its own title): build with an empty font cache ${s(c.coldBuild.ms)} s`,
    `(CPU ${s(c.coldBuild.cpuMs)} s, peak ${fmt(median(c.coldBuild.peakMiB))} MiB); font cache warm ${s(c.build.ms)} s (CPU ${s(c.build.cpuMs)} s, peak`,
    `${fmt(median(c.build.peakMiB))} MiB); after editing one lecture ${s(c.rebuild.ms)} s. npm run pdf of every deck: ${s(c.pdfSlidesMs)} s`,
    `(${c.pdfFiles} PDFs), slides + handouts ${s(c.pdfBothMs)} s. Dev server answers after ${fmt(median(c.devStartMs))} ms, serves the home after`,
    `${fmt(median(c.devHomeMs))} ms.`,
  ];
  if (c.secondLecture)
    lines.push(
      `Lecture 2 after lecture 1: ${fmt(c.secondLecture.sharedKB, 1)} of its ${fmt(c.secondLecture.kb, 1)} KB gz before ready (${c.secondLecture.sharedFiles} of ${c.secondLecture.files} files) were fetched for lecture 1 already.`,
    );
  return lines.join('\n');
}

function courseTargets(c: CourseFigures): Target[] {
  const t = (what: string, target: string, v: number, unit: string, ok: boolean, digits = 2): Target => ({
    what,
    target,
    measured: Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}` : 'not measured',
    met: Number.isFinite(v) ? ok : null,
  });
  const cold = median(c.coldBuild.ms) / 1000;
  const warm = median(c.build.ms) / 1000;
  const re = median(c.rebuild.ms) / 1000;
  const peak = Math.max(median(c.coldBuild.peakMiB), median(c.build.peakMiB));
  const pdf = median(c.pdfSlidesMs) / 1000;
  const both = median(c.pdfBothMs) / 1000;
  const dev = median(c.devStartMs);
  return [
    t('course: whole-site build, empty font cache', '< 5 s', cold, 's', cold < 5),
    t('course: whole-site build, font cache warm', '< 5 s', warm, 's', warm < 5),
    t('course: rebuild after editing one lecture', '< 1.5 s', re, 's', re < 1.5),
    t('course: peak build memory', '< 1024 MiB', peak, 'MiB', peak < 1024, 0),
    t('course: npm run pdf, every deck', '< 30 s', pdf, 's', pdf < 30, 1),
    t('course: slides + handouts', '< 50 s', both, 's', both < 50, 1),
    t('course: dev server start', '< 2 s', dev / 1000, 's', dev < 2000),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Main

const info = machine();
const startedAt = new Date();
const loadAtStart = loadavg();
log(
  `Lectern bench: ${runs} run(s)${quick ? ', quick' : ''}; ${info.cores} cores, ${info.cpu}, load ${loadAtStart.map((x) => x.toFixed(1)).join(' ')}`,
);

// The repo's decks as they are now (decks e2e tests create for a moment, `zz-*`, left out).
const repoDecks = Object.fromEntries(
  listDeckFiles(REPO)
    .filter((f) => !slugOf(f).startsWith('zz-'))
    .map((f) => [slugOf(f), readFileSync(join(REPO, f), 'utf8')]),
);
if (!repoDecks[LECTURE]) throw new Error(`slides/${LECTURE}.md is missing`);
const projects: Project[] = [];
const site = createProject('site', repoDecks);
projects.push(site);
const workloads: Workload[] = [
  {
    id: 'lecture',
    label: `lecture (${LECTURE})`,
    project: site,
    slug: LECTURE,
    buildLabel: `site: ${Object.keys(repoDecks).length} decks`,
  },
];
for (const n of sizes) {
  const slug = `syn-${n}`;
  const project = createProject(slug, { [slug]: syntheticDeck(n) });
  projects.push(project);
  workloads.push({ id: slug, label: `synthetic ${n}`, project, slug, buildLabel: 'this deck' });
}

let dev: DevFigures | undefined;
let live: LiveFigures | undefined;
let course: CourseFigures | undefined;
const ink: InkRun[] = [];
let publish: SiteFigures | undefined;
let phone: SlowPhoneFigures | undefined;
let browser: Browser | undefined;
try {
  if (only.has('compile')) {
    log('compile');
    for (const w of workloads) await measureCompile(w);
  }
  if (only.has('build') || only.has('load') || only.has('pdf')) {
    log('build');
    for (const w of workloads) w.build = await measureBuild(w.project, w.project.name);
    if (!only.has('build')) for (const w of workloads) delete w.build;
  }
  if ((only.has('live') || only.has('ink') || only.has('phone')) && !existsSync(join(site.root, 'dist', LECTURE, 'index.html')))
    await viteBuild(site);
  if (only.has('load') || only.has('dev') || only.has('live') || only.has('course') || only.has('ink') || only.has('phone'))
    browser = await chromium.launch(launchOptions());
  if (only.has('load') && browser) {
    log('first visit');
    for (const w of workloads) await measureLoad(browser, w);
  }
  if (only.has('pdf')) {
    log('pdf');
    for (const w of workloads) {
      if (w.id === 'lecture') await measurePdf(w, true);
      else if (w.id === 'syn-100' || (w.id === 'syn-300' && !quick)) await measurePdf(w, false);
    }
  }
  if (only.has('dev') && browser) {
    log('dev server');
    const edits = await devLatency(browser, site, LECTURE, devEdits);
    dev = { domMs: edits.map((e) => e.domMs), frameMs: edits.map((e) => e.frameMs) };
    log(`  edit → DOM: ${edits.map((e) => e.domMs).join(', ')} ms`);
    // A long deck: every edit recompiles the whole file, and the page re-syncs every slide.
    const long = workloads.find((w) => w.id === 'syn-300');
    if (long) {
      const longEdits = await devLatency(browser, long.project, long.slug, devEdits);
      dev.long = { label: long.label, domMs: longEdits.map((e) => e.domMs) };
      log(`  ${long.label}, edit → DOM: ${longEdits.map((e) => e.domMs).join(', ')} ms`);
    }
  }
  if (only.has('live') && browser) {
    log('live');
    live = { simulated: [], browser: [] };
    const dist = join(site.root, 'dist');
    for (let r = 0; r < runs; r++) {
      const run = await simulatedFollowers(dist, LECTURE, 300, quick ? 20 : 40);
      live.simulated.push(run);
      log(
        `  300 followers: median ${run.medianMs.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, server ${Math.round(run.serverPeakMiB)} MiB`,
      );
    }
    for (let r = 0; r < runs; r++) {
      const run = await browserFollowers(browser, dist, LECTURE, quick ? 20 : 50, 34);
      live.browser.push(run);
      log(
        `  ${run.followers} Chromium followers, ${run.slides} slides: median ${Math.round(run.medianMs)} ms, p99 ${Math.round(run.p99Ms)} ms, missed ${run.missed}`,
      );
    }
  }
  if (only.has('phone') && browser) {
    log('slow phone');
    phone = await measureSlowPhone(browser, site, LECTURE, runs);
  }
  if (only.has('ink') && browser) {
    log('ink: pointer event → frame');
    for (let r = 0; r < runs; r++) {
      const run = await inkLatency(browser, join(site.root, 'dist'), LECTURE, quick ? 4 : 10);
      ink.push(run);
      log(`  ${run.samples} moves: median ${run.medianMs.toFixed(1)} ms, p95 ${run.p95Ms.toFixed(1)} ms`);
    }
  }
  if (only.has('course')) {
    log(`course (${COURSE_LECTURES} lectures)`);
    course = await measureCourse({
      lecture: repoDecks[LECTURE] as string,
      runs,
      ...(browser ? { browser } : {}),
      pdf: true,
      devPort: Number(process.env.LECTERN_BENCH_DEV_PORT ?? 5390),
      log,
    });
  }
  if (only.has('site')) {
    log('site (lectern site)');
    publish = await measureSite({ decks: repoDecks, runs, log });
  }
} finally {
  await browser?.close();
  if (values.keep) log(`kept: ${projects.map((p) => p.root).join(' ')}`);
  else for (const p of projects) removeProject(p);
}

const text =
  report(workloads, dev, live, info) + (course ? `\n${courseReport(course)}` : '') + (phone ? `\n${slowPhoneReport(phone)}` : '');
const inkMedian = ink.length ? median(ink.map((r) => r.medianMs)) : undefined;
const checked = [
  ...targets(workloads, dev, live),
  ...(course ? courseTargets(course) : []),
  ...(phone ? slowPhoneTargets(phone) : []),
  ...(inkMedian === undefined
    ? []
    : [
        {
          what: 'drawing: pointer event → frame (median of run medians)',
          measured: `${inkMedian.toFixed(1)} ms`,
          target: '< 16 ms',
          met: inkMedian < 16,
        },
      ]),
  ...(publish
    ? [
        {
          what: `lectern site, nothing changed (${publish.lectures} lectures), median wall`,
          measured: `${publish.medianUnchangedMs} ms (CPU ${publish.medianUnchangedCpuMs} ms)`,
          target: '< 2000 ms',
          met: publish.medianUnchangedMs < 2000,
        },
      ]
    : []),
];
console.log(`\n${text}\n\nTargets (the lecture deck unless said otherwise):`);
for (const t of checked) console.log(`  ${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.what}: ${t.measured} (target ${t.target})`);

const day = startedAt.toISOString().slice(0, 10);
const dir = join(REPO, 'bench', 'results');
mkdirSync(dir, { recursive: true });
let out = join(dir, `${day}-${info.host}.json`);
for (let i = 2; existsSync(out); i++) out = join(dir, `${day}-${info.host}-${i}.json`);
const json = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  runs,
  quick,
  machine: { ...info, loadAverageAtStart: loadAtStart.map((x) => round(x, 2)), loadAverageAtEnd: loadavg().map((x) => round(x, 2)) },
  method: {
    medians: `median of ${runs} run(s) per figure`,
    build:
      'vite build (node node_modules/vite/bin/vite.js build) in a temporary project, after one untimed build that fills the font cache',
    peakMemory: peakMethod(),
    bytes: 'files requested before `lectern:ready` (Resource Timing), read from dist/ and gzipped with node:zlib defaults; KB = 1000 bytes',
    firstVisit: 'fresh browser context (empty cache), 1280×720, served by sirv on 127.0.0.1; FCP and LCP from the Performance API',
    pdf: 'exportPdf({ build: "never" }) wall time incl. browser launch; per page = export time without launch / pages; npm run pdf timed as a child process',
    dev: 'Vite dev server in the temporary project; file written → token in `.reveal .slides` (MutationObserver), wall clock',
  },
  workloads: workloads.map(({ project, ...w }) => ({ ...w, project: project.name })),
  live,
  dev: dev ? { ...dev, medianDomMs: median(dev.domMs), medianFrameMs: median(dev.frameMs) } : undefined,
  targets: checked,
  course,
  ink: ink.length ? { runs: ink, medianMs: inkMedian, method: 'see bench/ink.ts' } : undefined,
  slowPhone: phone,
  site: publish,
};
writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
console.log(`\nWrote ${out.slice(REPO.length + 1)}`);
