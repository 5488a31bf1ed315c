import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type FirstVisit, firstVisit, SLOW_PHONE, serveDir } from './browser.js';
import type { Project } from './project.js';

/**
 * Issue 19's slow phone: a first visit to the lecture, presenting and in reading mode, with Chrome's
 * "Slow 3G" and a 4× slower CPU (bench/browser.ts SLOW_PHONE). Reading mode must paint no later than
 * presenting, and fetch no Mermaid before a diagram is near (the lecture's first is 5+ screens down).
 */
export interface SlowPhoneFigures {
  conditions: typeof SLOW_PHONE;
  runs: number;
  present: { fcpMs: number[]; readyMs: number[]; medianFcpMs: number; medianReadyMs: number; mermaidKB: number };
  reading: { fcpMs: number[]; readyMs: number[]; medianFcpMs: number; medianReadyMs: number; mermaidKB: number };
  loadAverage: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function summary(visits: FirstVisit[]) {
  const fcpMs = visits.map((v) => Math.round(v.fcpMs));
  const readyMs = visits.map((v) => Math.round(v.readyMs));
  return {
    fcpMs,
    readyMs,
    medianFcpMs: median(fcpMs),
    medianReadyMs: median(readyMs),
    mermaidKB: Math.max(...visits.map((v) => v.mermaidKB)),
  };
}

export async function measureSlowPhone(browser: Browser, project: Project, slug: string, runs: number): Promise<SlowPhoneFigures> {
  const dist = join(project.root, 'dist');
  const server = await serveDir(dist);
  const before = loadavg();
  try {
    const present: FirstVisit[] = [];
    const reading: FirstVisit[] = [];
    // Interleaved, so both modes see the same machine load.
    for (let r = 0; r < runs; r++) {
      present.push(await firstVisit(browser, server.url, dist, slug, { slowPhone: true }));
      reading.push(await firstVisit(browser, server.url, dist, slug, { reading: true, slowPhone: true }));
    }
    return {
      conditions: SLOW_PHONE,
      runs,
      present: summary(present),
      reading: summary(reading),
      loadAverage: [...before, ...loadavg()].map((x) => Math.round(x * 10) / 10),
    };
  } finally {
    await server.close();
  }
}

export function slowPhoneReport(f: SlowPhoneFigures): string {
  return [
    `Slow phone (Slow 3G: ${f.conditions.latency} ms RTT, ${f.conditions.downloadThroughput / 1000} KB/s; CPU ${f.conditions.cpuSlowdown}× slower), the lecture, first visit, median of ${f.runs}:`,
    `  presenting: first paint ${f.present.medianFcpMs} ms (runs ${f.present.fcpMs.join(', ')}), ready ${f.present.medianReadyMs} ms`,
    `  reading mode (390×800): first paint ${f.reading.medianFcpMs} ms (runs ${f.reading.fcpMs.join(', ')}), ready ${f.reading.medianReadyMs} ms, Mermaid before ready ${f.reading.mermaidKB.toFixed(1)} KB gz`,
    `  load average before/after (1, 5, 15 min): ${f.loadAverage.join(', ')}`,
  ].join('\n');
}

/** Issue 19's targets, in the shape of bench/run.ts's target list. */
export function slowPhoneTargets(f: SlowPhoneFigures): { what: string; target: string; measured: string; met: boolean | null }[] {
  return [
    {
      what: 'slow phone: reading mode first paint vs presenting',
      target: '≤ presenting',
      measured: `${f.reading.medianFcpMs} ms vs ${f.present.medianFcpMs} ms`,
      met: f.reading.medianFcpMs <= f.present.medianFcpMs,
    },
    {
      what: 'slow phone: Mermaid before a diagram is near (reading mode)',
      target: '0 KB',
      measured: `${f.reading.mermaidKB.toFixed(1)} KB`,
      met: f.reading.mermaidKB === 0,
    },
  ];
}
