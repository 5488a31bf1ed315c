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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { commandArgs } from '../src/cli/args.js';
import { launchOptions } from '../src/export/browser.js';
import { slugOf } from '../src/markdown/compile.js';
import { PAGE, SLIDE_SIZE } from '../src/model/page.js';
import { listDeckFiles } from '../src/project/store.js';
import { devLatency } from './browser.js';
import { COURSE_LECTURES, type CourseFigures, measureCourse } from './course.js';
import { builds, measureBuild, measureCompile, measureLoad, measurePdf } from './deck-steps.js';
import { LECTURE, log, machine, median, round, type Workload } from './figures.js';
import { type InkRun, inkLatency } from './ink.js';
import { browserFollowers, simulatedFollowers } from './live.js';
import { simulatedInk } from './live-ink.js';
import { measureOffline, type OfflineFigures, offlineReport, offlineTargets } from './offline.js';
import { createProject, type Project, peakMethod, REPO, removeProject, viteBuild } from './project.js';
import { courseReport, type DevFigures, type LiveFigures, report } from './report.js';
import { measureSite, type SiteFigures } from './site.js';
import { measureSlowPhone, type SlowPhoneFigures, slowPhoneReport, slowPhoneTargets } from './slow-phone.js';
import { syntheticDeck } from './synthetic.js';
import { courseTargets, inkTargets, siteTargets, targets } from './targets.js';

const USAGE = `Usage: npm run bench -- [options]

  --runs N     timed runs per figure (default 3; medians are reported)
  --quick      one run, decks of 10 and 100 slides and the lecture, fewer dev edits
  --only LIST  some of: compile,build,load,pdf,dev,live,course,ink,site (default: all; course = 30 lectures of the
               lecture; ink = drawing latency, pointer event to frame; site = lectern site on the repo's lectures:
               first run, nothing changed, one edited; phone = the lecture on a slow phone, presenting and reading;
               offline = the bytes a first visit adds for offline reading, with and without the service worker)
  --keep       keep the temporary projects (their paths are printed)
  -h, --help   this text`;

const STEPS = ['compile', 'build', 'load', 'pdf', 'dev', 'live', 'course', 'ink', 'site', 'phone', 'offline'] as const;
type Step = (typeof STEPS)[number];

const parsed = commandArgs(USAGE, {
  runs: { type: 'string' },
  quick: { type: 'boolean' },
  only: { type: 'string' },
  keep: { type: 'boolean' },
});
if (!parsed) process.exit();
const { values } = parsed;
const quick = !!values.quick;
const runs = values.runs ? Number(values.runs) : quick ? 1 : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a positive integer, got ${values.runs}`);
const only = new Set((values.only?.split(',') ?? STEPS).map((s) => s.trim()) as Step[]);
for (const s of only) if (!STEPS.includes(s)) throw new Error(`--only: unknown step ${s} (steps: ${STEPS.join(', ')})`);
const sizes = quick ? [10, 100] : [10, 100, 300, 1000];
const devEdits = quick ? 3 : 7;
const settings = { runs, quick };

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
let offline: OfflineFigures | undefined;
let browser: Browser | undefined;
try {
  if (only.has('compile')) {
    log('compile');
    for (const w of workloads) await measureCompile(w, runs);
  }
  if (only.has('build') || only.has('load') || only.has('pdf')) {
    log('build');
    for (const w of workloads) w.build = await measureBuild(w.project, w.project.name, runs);
    if (!only.has('build')) for (const w of workloads) delete w.build;
  }
  if (
    (only.has('live') || only.has('ink') || only.has('phone') || only.has('offline')) &&
    !existsSync(join(site.root, 'dist', LECTURE, 'index.html'))
  )
    await viteBuild(site);
  if (
    only.has('load') ||
    only.has('dev') ||
    only.has('live') ||
    only.has('course') ||
    only.has('ink') ||
    only.has('phone') ||
    only.has('offline')
  )
    browser = await chromium.launch(launchOptions());
  if (only.has('load') && browser) {
    log('first visit');
    for (const w of workloads) await measureLoad(browser, w, runs);
  }
  if (only.has('pdf')) {
    log('pdf');
    for (const w of workloads) {
      if (w.id === 'lecture') await measurePdf(w, true, runs);
      else if (w.id === 'syn-100' || (w.id === 'syn-300' && !quick)) await measurePdf(w, false, runs);
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
    live = { simulated: [], browser: [], ink: [] };
    const dist = join(site.root, 'dist');
    for (let r = 0; r < runs; r++) {
      const run = await simulatedFollowers(dist, LECTURE, 300, quick ? 20 : 40);
      live.simulated.push(run);
      log(
        `  300 followers: median ${run.medianMs.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, server ${Math.round(run.serverPeakMiB)} MiB`,
      );
    }
    for (let r = 0; r < runs; r++) {
      const run = await simulatedInk(dist, LECTURE, 300, quick ? 20 : 60);
      live.ink?.push(run);
      log(
        `  ink to 300 followers: median ${run.medianMs.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, missed ${run.missed}, late joiner ${Math.round(run.lateJoinMs)} ms`,
      );
    }
    for (let r = 0; r < runs; r++) {
      const run = await browserFollowers(browser, dist, LECTURE, quick ? 20 : 50, 34);
      live.browser.push(run);
      log(
        `  ${run.followers} Chromium followers, ${run.slides} slides: median ${Math.round(run.medianMs)} ms, p99 ${Math.round(run.p99Ms)} ms, missed ${run.missed}${run.incomplete ? ` (stopped early: ${run.incomplete})` : ''}`,
      );
    }
  }
  if (only.has('phone') && browser) {
    log('slow phone');
    phone = await measureSlowPhone(browser, site, LECTURE, runs);
  }
  if (only.has('offline') && browser) {
    log('offline: first visit with and without the service worker');
    offline = await measureOffline(browser, site, LECTURE, runs);
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

const coldBuilds = [...builds.entries()].map(([p, b]): [string, number] => [p.name, b.coldMs]);
const text =
  report(workloads, dev, live, info, settings, coldBuilds) +
  (course ? `\n${courseReport(course)}` : '') +
  (phone ? `\n${slowPhoneReport(phone)}` : '') +
  (offline ? `\n${offlineReport(offline)}` : '');
const inkMedian = ink.length ? median(ink.map((r) => r.medianMs)) : undefined;
const checked = [
  ...targets(workloads, dev, live),
  ...(course ? courseTargets(course) : []),
  ...(phone ? slowPhoneTargets(phone) : []),
  ...(offline ? offlineTargets(offline) : []),
  ...inkTargets(inkMedian),
  ...(publish ? siteTargets(publish) : []),
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
    bytes: `files requested before \`${PAGE.readyEvent}\` (Resource Timing), read from dist/ and gzipped with node:zlib defaults; KB = 1000 bytes`,
    firstVisit: `fresh browser context (empty cache), ${SLIDE_SIZE.width}×${SLIDE_SIZE.height}, served by sirv on 127.0.0.1; FCP and LCP from the Performance API`,
    pdf: 'exportPdf({ build: "never" }) wall time incl. browser launch; per page = export time without launch / pages; npm run pdf timed as a child process',
    dev: `Vite dev server in the temporary project; file written → token in \`${PAGE.slides}\` (MutationObserver), wall clock`,
  },
  workloads: workloads.map(({ project, ...w }) => ({ ...w, project: project.name })),
  live,
  dev: dev ? { ...dev, medianDomMs: median(dev.domMs), medianFrameMs: median(dev.frameMs) } : undefined,
  targets: checked,
  course,
  ink: ink.length ? { runs: ink, medianMs: inkMedian, method: 'see bench/ink.ts' } : undefined,
  slowPhone: phone,
  offline,
  site: publish,
};
writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
console.log(`\nWrote ${out.slice(REPO.length + 1)}`);
