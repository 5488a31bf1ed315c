/** The targets the issues set, checked against a run's figures (deck figures, live, course). */
import type { CourseFigures } from './course.js';
import { median, type Target, type Workload } from './figures.js';
import type { LiveFigures } from './report.js';
import type { SiteFigures } from './site.js';

export function targets(workloads: Workload[], dev: { domMs: number[] } | undefined, live: LiveFigures | undefined): Target[] {
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

export function courseTargets(c: CourseFigures): Target[] {
  const t = (what: string, target: string, v: number, unit: string, ok: boolean, digits = 2): Target => ({
    what,
    target,
    measured: Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}` : 'not measured',
    met: Number.isFinite(v) ? ok : null,
  });
  const cold = median(c.coldBuild.ms) / 1000;
  const warm = median(c.build.ms) / 1000;
  const watch = median(c.watchRebuild.ms) / 1000;
  const peak = Math.max(median(c.coldBuild.peakMiB), median(c.build.peakMiB));
  const pdf = median(c.pdfSlidesMs) / 1000;
  const both = median(c.pdfBothMs) / 1000;
  const dev = median(c.devStartMs);
  return [
    t('course: whole-site build, empty font cache', '< 5 s', cold, 's', cold < 5),
    t('course: whole-site build, font cache warm', '< 5 s', warm, 's', warm < 5),
    t('course: rebuild after editing one lecture (vite build --watch: save → site written)', '< 1.5 s', watch, 's', watch < 1.5),
    t('course: peak build memory', '< 1024 MiB', peak, 'MiB', peak < 1024, 0),
    t('course: npm run pdf, every deck', '< 30 s', pdf, 's', pdf < 30, 1),
    t('course: slides + handouts', '< 50 s', both, 's', both < 50, 1),
    t('course: dev server start', '< 2 s', dev / 1000, 's', dev < 2000),
  ];
}

/** Drawing latency: pointer event → frame, the median of the runs' medians. */
export function inkTargets(inkMedian: number | undefined): Target[] {
  if (inkMedian === undefined) return [];
  return [
    {
      what: 'drawing: pointer event → frame (median of run medians)',
      measured: `${inkMedian.toFixed(1)} ms`,
      target: '< 16 ms',
      met: inkMedian < 16,
    },
  ];
}

/** `lectern site` run again with nothing changed. */
export function siteTargets(publish: SiteFigures): Target[] {
  return [
    {
      what: `lectern site, nothing changed (${publish.lectures} lectures), median wall`,
      measured: `${publish.medianUnchangedMs} ms (CPU ${publish.medianUnchangedCpuMs} ms)`,
      target: '< 2000 ms',
      met: publish.medianUnchangedMs < 2000,
    },
  ];
}
