/** What every bench scenario shares: the figures' shape, medians and rounding, the machine, Markdown tables. */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, hostname, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Bytes, FirstVisit } from './browser.js';
import { type Project, REPO } from './project.js';

/** The lecture the deck figures are about. */
export const LECTURE = 'reasoning-origins';

/** How a run was asked for: timed runs per figure, and whether it is the quick variant. */
export interface Settings {
  runs: number;
  quick: boolean;
}

export const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
export const round = (x: number, digits = 0) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
export const MiB = 1024 * 1024;

export interface Workload {
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
    /** The course search index the home page fetches on the first search (one per built site). */
    searchIndex?: SearchIndexSize;
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

export interface SearchIndexSize {
  bytes: number;
  gzipBytes: number;
  decks: number;
}

/** A checked target: what, the target, what was measured, met (null: not measured). */
export interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export const log = (msg: string) => process.stderr.write(`${msg}\n`);

export function machine() {
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

/** A Markdown table; the first `textCols` columns left-aligned, the rest (figures) right-aligned. */
export function table(rows: string[][], textCols = 1): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i < textCols ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const sep = `| ${widths.map((w, i) => (i < textCols ? `${'-'.repeat(w)}` : `${'-'.repeat(Math.max(w - 1, 1))}:`)).join(' | ')} |`;
  return [line(rows[0] ?? []), sep, ...rows.slice(1).map(line)].join('\n');
}

export const fmt = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
