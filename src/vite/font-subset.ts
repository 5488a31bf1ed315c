/**
 * Making font subsets: TrueType sources decompressed once into the cache, subsets made by a small pool of
 * worker threads (one per core, at most two: each holds a decompressed source of ~10 MB), results cached
 * on disk by content hash so a rebuild without new characters reads files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAIN_SOURCE, sourceFile } from './font-sources.js';

export type FontFormat = 'woff2' | 'truetype';
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

/**
 * What one subset file holds; its name is a hash of exactly that, so equal subsets are one file. The main
 * slice's names leave the slice out (they were its only source, and caches keep their names).
 */
export function subsetFileName(weight: Weight, chars: string, format: FontFormat, source: string = MAIN_SOURCE): string {
  const main = source === MAIN_SOURCE;
  const hash = createHash('sha256')
    .update(`${weight}\n${format}\n${chars}${main ? '' : `\n${source}`}`)
    .digest('hex')
    .slice(0, 10);
  return `${main ? 'noto-sans-sc' : source}-${weight}-${hash}.${format === 'woff2' ? 'woff2' : 'ttf'}`;
}

const sources = new Map<string, Promise<string>>();

const sourcePath = (cacheDir: string, slice: string, weight: Weight) =>
  join(cacheDir, slice === MAIN_SOURCE ? `source-${weight}.ttf` : `source-${slice}-${weight}.ttf`);

/** A slice in a weight as TrueType, decompressed once (subsetting a woff2 decompresses it every time). */
function trueTypeSource(slice: string, weight: Weight, cacheDir: string): Promise<string> {
  const path = sourcePath(cacheDir, slice, weight);
  let source = sources.get(path);
  if (!source) {
    source = decompressTo(sourceFile(slice, weight), path);
    sources.set(path, source);
  }
  return source;
}

/** wawoff2 answers with a view of its WebAssembly memory, which its next call overwrites: one at a time, copied. */
let decompressing: Promise<unknown> = Promise.resolve();

async function decompressTo(woff2: string, path: string): Promise<string> {
  const cacheDir = dirname(path);
  if (existsSync(path)) return path;
  const run = decompressing.then(async () => {
    const { decompress } = await import('wawoff2');
    return Buffer.from(await decompress(readFileSync(woff2)));
  });
  decompressing = run.catch(() => {});
  const ttf = await run;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, ttf);
  renameSync(tmp, path);
  return path;
}

interface Job {
  id: number;
  source: string;
  chars: string;
  format: FontFormat;
  done: (bytes: Uint8Array) => void;
  fail: (err: Error) => void;
}

/** A few worker threads fed from one queue; they exit once idle so a build's process can end. */
class Pool {
  private queue: Job[] = [];
  private idle: Worker[] = [];
  private busy = new Map<Worker, Job>();
  private workers = 0;
  private next = 0;
  private kept = false;
  constructor(private readonly size: number) {}

  /** Starts every worker now and keeps them: each compiles Harfbuzz and reads `sources` while nothing waits on it. */
  keepWarm(sources: string[]): void {
    this.kept = true;
    while (this.workers < this.size) {
      const worker = this.spawn();
      worker.postMessage({ warm: sources });
      this.idle.push(worker);
    }
  }

  run(source: string, chars: string, format: FontFormat): Promise<Uint8Array> {
    return new Promise((done, fail) => {
      this.queue.push({ id: this.next++, source, chars, format, done, fail });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let worker = this.idle.pop();
      if (!worker && this.workers < this.size) worker = this.spawn();
      if (!worker) return;
      const job = this.queue.shift() as Job;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, source: job.source, chars: job.chars, format: job.format });
    }
    // Nothing queued: idle workers stop (unref'd, they would not hold the process, but they hold memory; and
    // while one is alive Vite's one-shot build does not end), unless kept warm for the next build (`keepWarm`).
    if (this.kept) return;
    for (const w of this.idle.splice(0)) {
      this.workers -= 1;
      void w.terminate();
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./font-worker.mjs', import.meta.url));
    this.workers += 1;
    worker.unref();
    worker.on('message', (msg: { id: number; bytes?: Uint8Array; error?: string }) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      if (job && msg.bytes) job.done(msg.bytes);
      else job?.fail(new Error(`font subset failed: ${msg.error ?? 'no result'}`));
      this.idle.push(worker);
      this.pump();
    });
    worker.on('error', (err: Error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.workers -= 1;
      job?.fail(err);
      this.pump();
    });
    return worker;
  }
}

let pool: Pool | undefined;
const newPool = () => new Pool(Math.max(1, Math.min(2, availableParallelism())));

/**
 * `vite build --watch`, between builds: the subsetting workers are started (and kept) with the main font's
 * sources read, so the next save's new characters cost a subset (tens of ms), not a worker's start
 * (~150 ms). Sources not yet decompressed are left to the first build that needs them.
 */
export function keepSubsetWorkersWarm(cacheDir: string): void {
  const sources = WEIGHTS.map((w) => sourcePath(cacheDir, MAIN_SOURCE, w)).filter((f) => existsSync(f));
  pool ??= newPool();
  pool.keepWarm(sources);
}
const memory = new Map<string, Promise<Uint8Array>>();

/** The subset of a slice (`font-sources.ts`) in `weight` to `chars` in `format`, from the disk cache or made by the pool. */
export function subset(
  weight: Weight,
  chars: string,
  format: FontFormat,
  cacheDir: string,
  slice: string = MAIN_SOURCE,
): Promise<Uint8Array> {
  const fileName = subsetFileName(weight, chars, format, slice);
  let file = memory.get(fileName);
  if (!file) {
    file = (async () => {
      const cached = join(cacheDir, fileName);
      if (existsSync(cached)) return readFileSync(cached);
      const source = await trueTypeSource(slice, weight, cacheDir);
      let bytes: Uint8Array;
      if (format === 'truetype') {
        // A TrueType subset takes milliseconds: a worker would cost more to start than the work.
        const { default: subsetFont } = await import('subset-font');
        bytes = await subsetFont(readFileSync(source), chars, { targetFormat: 'truetype' });
      } else {
        pool ??= newPool();
        bytes = await pool.run(source, chars, format);
      }
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, cached);
      return bytes;
    })();
    memory.set(fileName, file);
    file.catch(() => memory.delete(fileName));
  }
  return file;
}
