/** The bench's printed report and its checked targets, from the figures the scenarios measured. */
import { loadavg } from 'node:os';
import { SLIDE_SIZE } from '../src/model/page.js';
import type { Kind } from './browser.js';
import type { CourseFigures } from './course.js';
import { fmt, LECTURE, type machine, median, type SearchIndexSize, type Settings, table, type Workload } from './figures.js';
import type { BrowserRun, SimulatedRun } from './live.js';
import type { InkRelayRun } from './live-ink.js';

/** The course search index: what the first search downloads. */
export function searchIndexLine(what: string, s: SearchIndexSize | undefined): string {
  if (!s) return '';
  return `search index (${what}): ${fmt(s.bytes / 1000, 1)} KB, ${fmt(s.gzipBytes / 1000, 1)} KB gz, ${fmt(s.gzipBytes / 1000 / s.decks, 1)} KB gz per deck (loaded on the first search only)`;
}

export interface DevFigures {
  domMs: number[];
  frameMs: number[];
  long?: { label: string; domMs: number[] };
}

export interface LiveFigures {
  simulated: SimulatedRun[];
  browser: BrowserRun[];
  ink?: InkRelayRun[];
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
  const ink = live.ink ?? [];
  if (ink.length) {
    out.push(
      `npm run live, ink to ${ink[0]?.followers} simulated followers (${ink[0]?.batches} point batches of a stroke, one per 50 ms): lecturer → follower median ${fmt(median(ink.map((r) => r.medianMs)), 1)} ms, p99 ${fmt(median(ink.map((r) => r.p99Ms)), 1)} ms, missed ${ink.reduce((a, r) => a + r.missed, 0)}; a late joiner has the lecture's ${ink[0]?.lecturePoints} points after ${fmt(median(ink.map((r) => r.lateJoinMs)))} ms; server peak ${fmt(median(ink.map((r) => r.serverPeakMiB)))} MiB RSS`,
    );
  }
  const br = live.browser;
  if (br.length) {
    out.push(
      `npm run live, ${br[0]?.followers} Chromium followers (one browser) over a ${br[0]?.slides}-slide walk (${br[0]?.steps} steps): key → follower's deck median ${fmt(median(br.map((r) => r.medianMs)))} ms, p99 ${fmt(median(br.map((r) => r.p99Ms)))} ms, missed steps ${br.reduce((a, r) => a + r.missed, 0)}${
        br.some((r) => r.incomplete)
          ? ` — walk stopped early: ${br
              .map((r) => r.incomplete)
              .filter(Boolean)
              .join('; ')}`
          : ''
      }`,
    );
  }
  return out;
}

/** The tables and lines printed after a run; `coldBuilds` are the first builds with an empty font cache (name, ms). */
export function report(
  workloads: Workload[],
  dev: DevFigures | undefined,
  live: LiveFigures | undefined,
  info: ReturnType<typeof machine>,
  { runs, quick }: Settings,
  coldBuilds: [string, number][],
) {
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
    `is ready, KB = 1000 bytes; first slide = JS + CSS + fonts. FCP and ready: ms from navigation, first visit, ${SLIDE_SIZE.width}×${SLIDE_SIZE.height}; read FCP:`,
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
  for (const w of workloads.filter((w) => w.id === 'lecture' && w.build?.searchIndex))
    lines.push(searchIndexLine(w.buildLabel, w.build?.searchIndex));
  const cold = coldBuilds.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`);
  if (cold.length) lines.push(`first build with an empty font cache (one run): ${cold.join(', ')}`);
  return lines.join('\n');
}

export function courseReport(c: CourseFigures): string {
  const s = (xs: number[]) => fmt(median(xs) / 1000, 2);
  const lines = [
    `course: ${c.lectures} lectures (copies of the lecture, each with its own title): build with an empty font cache ${s(c.coldBuild.ms)} s`,
    `(CPU ${s(c.coldBuild.cpuMs)} s, peak ${fmt(median(c.coldBuild.peakMiB))} MiB); font cache warm ${s(c.build.ms)} s (CPU ${s(c.build.cpuMs)} s, peak`,
    `${fmt(median(c.build.peakMiB))} MiB); after editing one lecture ${s(c.rebuild.ms)} s (--watch: ${s(c.watchRebuild.ms)} s from the save). npm run pdf of every deck: ${s(c.pdfSlidesMs)} s`,
    `(${c.pdfFiles} PDFs), slides + handouts ${s(c.pdfBothMs)} s. Dev server answers after ${fmt(median(c.devStartMs))} ms, serves the home after`,
    `${fmt(median(c.devHomeMs))} ms.`,
  ];
  if (c.searchIndex) lines.push(searchIndexLine(`course, ${c.lectures} lectures`, c.searchIndex));
  if (c.secondLecture)
    lines.push(
      `Lecture 2 after lecture 1: ${fmt(c.secondLecture.sharedKB, 1)} of its ${fmt(c.secondLecture.kb, 1)} KB gz before ready (${c.secondLecture.sharedFiles} of ${c.secondLecture.files} files) were fetched for lecture 1 already.`,
    );
  return lines.join('\n');
}
