/**
 * The "site" workload of `npm run bench`: `lectern site` on the repo's lectures in a temporary project. A
 * first run (build, every PDF, handout and preview image), then runs with nothing changed (target: < 2 s
 * each), then a run after editing one lecture (only that lecture is printed again). Wall time of the
 * command as a lecturer runs it (a child process), and its CPU time.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, removeProject } from './project.js';

export interface SiteFigures {
  lectures: number;
  firstMs: number;
  unchangedMs: number[];
  unchangedCpuMs: number[];
  medianUnchangedMs: number;
  medianUnchangedCpuMs: number;
  oneEditedMs: number;
  oneEditedExported: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** Runs `lectern site` in `root`: wall and CPU milliseconds and what it printed. */
function runSite(root: string): Promise<{ ms: number; cpuMs: number; stdout: string }> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    // The child's CPU time (user + system) from GNU time when it is there; NaN otherwise.
    const lectern = [join(root, 'bin', 'lectern.mjs'), 'site'];
    const timed = existsSync('/usr/bin/time');
    const child = timed
      ? spawn('/usr/bin/time', ['-f', 'cpu-s %U %S', process.execPath, ...lectern], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, lectern, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const cpu = /cpu-s ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0) fail(new Error(`lectern site exited ${code}:\n${stdout}\n${stderr}`));
      else ok({ ms, cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : Number.NaN, stdout });
    });
  });
}

export async function measureSite(opts: { decks: Record<string, string>; runs: number; log: (msg: string) => void }): Promise<SiteFigures> {
  const project = createProject('publish', opts.decks);
  try {
    const first = await runSite(project.root);
    opts.log(`  first run (build, every PDF, handout, preview): ${Math.round(first.ms)} ms`);
    const unchanged: { ms: number; cpuMs: number }[] = [];
    for (let r = 0; r < Math.max(3, opts.runs); r++) {
      const run = await runSite(project.root);
      if (!run.stdout.includes('up to date')) throw new Error(`a run with nothing changed redid something:\n${run.stdout}`);
      unchanged.push(run);
    }
    opts.log(
      `  nothing changed: ${unchanged.map((u) => Math.round(u.ms)).join(', ')} ms (CPU ${unchanged.map((u) => u.cpuMs).join(', ')} ms)`,
    );
    const slug = Object.keys(opts.decks)[0] ?? '';
    const file = join(project.root, 'slides', `${slug}.md`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n---\n\n## One more slide\n\nAdded for the benchmark.\n`);
    const edited = await runSite(project.root);
    const exported = Number(/Exporting (\d+) lecture/.exec(edited.stdout)?.[1] ?? 0);
    opts.log(`  one lecture edited: ${Math.round(edited.ms)} ms, ${exported} lecture(s) exported again`);
    return {
      lectures: Object.keys(opts.decks).length,
      firstMs: Math.round(first.ms),
      unchangedMs: unchanged.map((u) => Math.round(u.ms)),
      unchangedCpuMs: unchanged.map((u) => u.cpuMs),
      medianUnchangedMs: Math.round(median(unchanged.map((u) => u.ms))),
      medianUnchangedCpuMs: Math.round(median(unchanged.map((u) => u.cpuMs))),
      oneEditedMs: Math.round(edited.ms),
      oneEditedExported: exported,
    };
  } finally {
    removeProject(project);
  }
}
