/**
 * Throwaway Lectern projects for the benchmark, so `vite build` never touches the repo's `dist/`:
 * a temp directory with a copy of `src/` and `bin/` (a snapshot: edits others make meanwhile do not disturb a
 * run), `vite.config.ts`, `tsconfig.json`, `package.json`, a symlink to `assets/`, and its own
 * `node_modules/` of symlinks to the repo's packages (so Vite's cache dir, with the font subsets and
 * the dev server's optimized deps, is the project's own), plus its own `slides/`.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..');

export interface Project {
  name: string;
  root: string;
  /** Deck files written to `slides/`, by slug. */
  decks: Record<string, string>;
}

export function createProject(name: string, decks: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), `lectern-bench-${name}-`));
  cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
  cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
  for (const f of ['vite.config.ts', 'tsconfig.json', 'package.json']) cpSync(join(REPO, f), join(root, f));
  symlinkSync(join(REPO, 'assets'), join(root, 'assets'));
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(REPO, 'node_modules'))) {
    if (entry === '.vite' || entry === '.vite-temp' || entry === '.cache') continue;
    symlinkSync(join(REPO, 'node_modules', entry), join(modules, entry));
  }
  // Start from the repo's font subsets (the lecture's are there): a build on a developer's machine has them.
  const fonts = join(REPO, 'node_modules', '.vite', 'lectern-fonts');
  if (existsSync(fonts)) cpSync(fonts, join(modules, '.vite', 'lectern-fonts'), { recursive: true });
  mkdirSync(join(root, 'slides'));
  for (const [slug, text] of Object.entries(decks)) writeFileSync(join(root, 'slides', `${slug}.md`), text);
  return { name, root, decks };
}

export function removeProject(project: Project): void {
  rmSync(project.root, { recursive: true, force: true });
}

export interface BuildRun {
  ms: number;
  /** User + system CPU time of the build (GNU time only; NaN without it). */
  cpuMs: number;
  /** Peak resident set size of the build process, in bytes. */
  peakRss: number;
}

const GNU_TIME = '/usr/bin/time';

/** Peak RSS of a process tree by sampling /proc (used when GNU time is not installed). */
function sampleTree(pid: number): { stop: () => number } {
  let peak = 0;
  const rssOf = (p: number): number => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return kb * 1024 + children.reduce((s, c) => s + rssOf(c), 0);
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * `vite build` in the project, as `npm run build` runs it (a fresh Node process), timed from spawn
 * to exit. Peak memory from GNU time's maximum RSS, or by sampling /proc without it.
 */
export async function viteBuild(project: Project): Promise<BuildRun> {
  const vite = [join(project.root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'];
  const rssFile = join(project.root, '.peak-rss');
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...vite]] : [process.execPath, vite];
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: project.root, stdio: ['ignore', 'ignore', 'pipe'] });
  const sampler = useTime ? undefined : sampleTree(child.pid ?? 0);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  const ms = performance.now() - started;
  const sampled = sampler?.stop() ?? 0;
  if (code !== 0) throw new Error(`vite build failed in ${project.root} (exit ${code}):\n${stderr.slice(-2000)}`);
  if (!useTime) return { ms, cpuMs: Number.NaN, peakRss: sampled };
  const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { ms, cpuMs: ((user ?? Number.NaN) + (sys ?? Number.NaN)) * 1000, peakRss: (kb ?? Number.NaN) * 1024 };
}

export const peakMethod = (): string =>
  existsSync(GNU_TIME) ? 'GNU time: %M (max RSS), %U + %S (CPU)' : '/proc sampling every 20 ms (no CPU time)';
