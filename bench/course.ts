/**
 * The "course" workload of `npm run bench`: a semester of lectures (by default 30 copies of the lecture,
 * each with its own title and date), so whole-site figures (build, rebuild after an edit, PDF of every
 * deck, dev server start) can be measured at the size a lecturer actually has.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { exportPdf } from '../src/export/pdf.js';
import { firstVisit, serveDir } from './browser.js';
import { searchIndexSize } from './deck-steps.js';
import { median, type SearchIndexSize } from './figures.js';
import { createProject, removeProject, viteBuild } from './project.js';

export const COURSE_LECTURES = 30;

/** A topic per lecture, so each title brings characters of its own (as a real course's would). */
const TOPICS = [
  '语言模型的历史',
  '词向量与分布式表示',
  '循环神经网络',
  '注意力机制',
  '变换器架构',
  '预训练与微调',
  '提示工程',
  '上下文学习',
  '思维链推理',
  '代码训练',
  '指令微调',
  '人类反馈强化学习',
  '对齐与安全',
  '评测基准',
  '检索增强生成',
  '工具使用与智能体',
  '多模态模型',
  '长文本建模',
  '高效推理与量化',
  '分布式训练',
  '数据清洗与配比',
  '缩放定律',
  '涌现能力',
  '知识编辑',
  '幻觉与事实性',
  '可解释性',
  '开源模型生态',
  '中文大模型',
  '应用案例分析',
  '课程总结与展望',
];

/** `count` lecture files keyed by slug (`lecture-01` …), each with its own title, date and order. */
export function courseDecks(lecture: string, count = COURSE_LECTURES): Record<string, string> {
  const decks: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const date = new Date(Date.UTC(2026, 2, 2) + (i - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
    const title = `第 ${i} 讲 · ${TOPICS[(i - 1) % TOPICS.length]}`;
    const text = lecture
      .replace(/^title:.*$/m, `title: ${title}`)
      .replace(/^date:.*$/m, `date: ${date}`)
      .replace(/^# .*$/m, `# ${title}`);
    decks[`lecture-${n}`] = text;
  }
  return decks;
}

export function readLecture(repo: string, slug: string): string {
  return readFileSync(join(repo, 'slides', `${slug}.md`), 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// Measuring the course

export interface CourseFigures {
  lectures: number;
  coldBuild: { ms: number[]; cpuMs: number[]; peakMiB: number[] };
  build: { ms: number[]; cpuMs: number[]; peakMiB: number[] };
  /** `vite build` after one lecture's heading was edited (a new character in it), font cache warm. */
  rebuild: { ms: number[] };
  /** `vite build --watch` running: the same edit saved → the site written again (its service worker last). */
  watchRebuild: { ms: number[] };
  pdfSlidesMs: number[];
  pdfBothMs: number[];
  pdfFiles: number;
  /** Spawn → the dev server answers; spawn → the course home is served. */
  devStartMs: number[];
  devHomeMs: number[];
  searchIndex?: SearchIndexSize;
  /** Lecture 2's first slide after lecture 1 in the same browser: how much of it lecture 1 already fetched. */
  secondLecture?: { kb: number; sharedKB: number; files: number; sharedFiles: number };
}

const MiB = 1024 * 1024;

async function devServer(root: string, port: number): Promise<{ startMs: number; homeMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const until = async (path: string) => {
    for (let i = 0; i < 1200; i++) {
      try {
        const r = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });
        if (r.ok) return performance.now() - t0;
      } catch {}
      await new Promise((ok) => setTimeout(ok, 25));
    }
    throw new Error(`dev server on ${base} did not answer ${path}`);
  };
  try {
    const startMs = await until('/@vite/client');
    const homeMs = await until('/');
    return { startMs, homeMs };
  } finally {
    child.kill();
    await new Promise((ok) => child.once('exit', ok));
  }
}

const mtime = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** Polls `done` every 10 ms for at most `ms`. */
async function until(done: () => boolean, ms: number, what: string): Promise<void> {
  const end = performance.now() + ms;
  while (!done()) {
    if (performance.now() > end) throw new Error(`bench: ${what} not within ${ms / 1000} s`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

/**
 * `vite build --watch` in the course: after its first build, `runs` saves of `file` (`edit(r)` its new text),
 * each timed from the save to the site written again. The service worker is the build's last file
 * (lectern:offline's closeBundle), so a rebuild is done when `dist/sw.js` is newer than the save.
 */
async function watchRebuilds(root: string, file: string, runs: number, edit: (r: number) => string): Promise<number[]> {
  const sw = join(root, 'dist', 'sw.js');
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--watch', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'ignore',
  });
  const ms: number[] = [];
  try {
    await until(() => mtime(sw) > started, 120_000, 'the first --watch build');
    await new Promise((ok) => setTimeout(ok, 1000));
    for (let r = 0; r < runs; r++) {
      const saved = Date.now();
      const t0 = performance.now();
      writeFileSync(file, edit(r));
      await until(() => mtime(sw) >= saved, 60_000, 'a --watch rebuild');
      ms.push(performance.now() - t0);
      // Let the watcher settle (a second event for the same save would start another build).
      await new Promise((ok) => setTimeout(ok, 1500));
    }
  } finally {
    child.kill();
    await new Promise((ok) => child.once('exit', ok));
  }
  return ms;
}

export async function measureCourse(opts: {
  lecture: string;
  runs: number;
  browser?: Browser;
  pdf: boolean;
  devPort: number;
  log: (msg: string) => void;
}): Promise<CourseFigures> {
  const project = createProject('course', courseDecks(opts.lecture));
  const fonts = join(project.root, 'node_modules', '.vite', 'lectern-fonts');
  const f: CourseFigures = {
    lectures: COURSE_LECTURES,
    coldBuild: { ms: [], cpuMs: [], peakMiB: [] },
    build: { ms: [], cpuMs: [], peakMiB: [] },
    rebuild: { ms: [] },
    watchRebuild: { ms: [] },
    pdfSlidesMs: [],
    pdfBothMs: [],
    pdfFiles: 0,
    devStartMs: [],
    devHomeMs: [],
  };
  try {
    for (let r = 0; r < opts.runs; r++) {
      rmSync(fonts, { recursive: true, force: true });
      const b = await viteBuild(project);
      f.coldBuild.ms.push(b.ms);
      f.coldBuild.cpuMs.push(b.cpuMs);
      f.coldBuild.peakMiB.push(b.peakRss / MiB);
    }
    for (let r = 0; r < opts.runs; r++) {
      const b = await viteBuild(project);
      f.build.ms.push(b.ms);
      f.build.cpuMs.push(b.cpuMs);
      f.build.peakMiB.push(b.peakRss / MiB);
    }
    const searchIndex = searchIndexSize(join(project.root, 'dist'), COURSE_LECTURES);
    if (searchIndex) f.searchIndex = searchIndex;
    const edited = join(project.root, 'slides', 'lecture-15.md');
    const text = readFileSync(edited, 'utf8');
    const edits = ['鲲', '鹏', '鸾'];
    for (let r = 0; r < opts.runs; r++) {
      writeFileSync(edited, text.replace('\n## ', `\n## ${edits[r % edits.length]}${r} `));
      f.rebuild.ms.push((await viteBuild(project)).ms);
    }
    f.watchRebuild.ms = await watchRebuilds(project.root, edited, opts.runs, (r) =>
      text.replace('\n## ', `\n## ${['鹳', '鹭', '鹞'][r % 3]}${r} `),
    );
    writeFileSync(edited, text);
    opts.log(
      `  course build: cold ${(median(f.coldBuild.ms) / 1000).toFixed(2)} s, warm ${(median(f.build.ms) / 1000).toFixed(2)} s, after an edit ${(median(f.rebuild.ms) / 1000).toFixed(2)} s, --watch after a save ${(median(f.watchRebuild.ms) / 1000).toFixed(2)} s`,
    );
    if (opts.pdf) {
      const out = join(project.root, 'pdf-out');
      for (let r = 0; r < opts.runs; r++) {
        const t0 = performance.now();
        const results = await exportPdf({ root: project.root, build: 'never', outDir: out });
        f.pdfSlidesMs.push(performance.now() - t0);
        f.pdfFiles = results.length;
      }
      const t0 = performance.now();
      await exportPdf({ root: project.root, build: 'never', outDir: out, kinds: ['slides', 'handout'] });
      f.pdfBothMs.push(performance.now() - t0);
      opts.log(
        `  course pdf: slides ${(median(f.pdfSlidesMs) / 1000).toFixed(1)} s, slides + handouts ${(median(f.pdfBothMs) / 1000).toFixed(1)} s`,
      );
    }
    for (let r = 0; r < opts.runs; r++) {
      const d = await devServer(project.root, opts.devPort);
      f.devStartMs.push(d.startMs);
      f.devHomeMs.push(d.homeMs);
    }
    opts.log(`  course dev server: answers after ${Math.round(median(f.devStartMs))} ms, home after ${Math.round(median(f.devHomeMs))} ms`);
    if (opts.browser) {
      const dist = join(project.root, 'dist');
      const server = await serveDir(dist);
      try {
        const one = await firstVisit(opts.browser, server.url, dist, 'lecture-01');
        const two = await firstVisit(opts.browser, server.url, dist, 'lecture-02');
        const seen = new Set(one.files.map((x) => x.path));
        const shared = two.files.filter((x) => seen.has(x.path));
        f.secondLecture = {
          kb: two.files.reduce((s, x) => s + x.gzip, 0) / 1000,
          sharedKB: shared.reduce((s, x) => s + x.gzip, 0) / 1000,
          files: two.files.length,
          sharedFiles: shared.length,
        };
        opts.log(
          `  course, lecture 2 after lecture 1: ${f.secondLecture.sharedKB.toFixed(1)} of ${f.secondLecture.kb.toFixed(1)} KB gz (${shared.length}/${two.files.length} files) already fetched`,
        );
      } finally {
        await server.close();
      }
    }
    return f;
  } finally {
    removeProject(project);
  }
}
