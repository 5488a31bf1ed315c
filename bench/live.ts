/**
 * `npm run bench -- --only live`: the live server (its own process) with 300 simulated followers (ws
 * clients in this process), then 50 real Chromium followers (pages of one browser) following a walk
 * through the lecture. Loopback only; every loop bounded in steps and time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import type { RevealApi } from 'reveal.js';
import { WebSocket } from 'ws';
import { newKey } from '../src/live/key.js';
import { LIVE_SOCKET_PATH } from '../src/model/live.js';
import { DIAGRAM, PAGE, SLIDE_SIZE } from '../src/model/page.js';
import { REPO } from './project.js';

export interface SimulatedRun {
  followers: number;
  steps: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  missed: number;
  serverPeakMiB: number;
  serverRssMiB: number;
}

export interface BrowserRun {
  followers: number;
  steps: number;
  slides: number;
  medianMs: number;
  p99Ms: number;
  missed: number;
  /** Why the walk stopped before `slides` slides (the lecturer's own page did not become ready in time). */
  incomplete?: string;
}

/** The `p`th percentile of `xs` (nearest rank), NaN for none. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) : Number.NaN;
};

interface ServerProcess {
  port: number;
  key: string;
  memory(): Promise<{ rssMiB: number; peakMiB: number }>;
  stop(): Promise<void>;
}

export async function startServer(distDir: string, slug: string): Promise<ServerProcess> {
  const key = newKey();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bench', 'live-server.ts'), distDir, slug, key], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: Interface = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const next = () =>
    new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('live server did not answer in 30 s')), 30_000);
      lines.once('line', (l) => {
        clearTimeout(timer);
        ok(l);
      });
    });
  const { port } = JSON.parse(await next()) as { port: number };
  return {
    port,
    key,
    memory: async () => {
      const answer = next();
      child.stdin?.write('mem\n');
      return JSON.parse(await answer) as { rssMiB: number; peakMiB: number };
    },
    stop: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.stdin?.end();
        setTimeout(() => child.kill(), 5000).unref();
      }),
  };
}

export const opened = (ws: WebSocket) =>
  new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });

/** `count` follower sockets on `url`, opened 50 at a time, each handing its messages (parsed) to `onMessage`. */
export async function connectFollowers(url: string, count: number, onMessage: (m: Record<string, unknown>) => void): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => new WebSocket(url));
    sockets.push(...batch);
    await Promise.all(batch.map(opened));
    for (const ws of batch) ws.on('message', (data) => onMessage(JSON.parse(String(data)) as Record<string, unknown>));
  }
  return sockets;
}

/** One run: `followers` sockets, the lecturer's socket sends `steps` positions, each once all had the last. */
export async function simulatedFollowers(distDir: string, slug: string, followers: number, steps: number): Promise<SimulatedRun> {
  const server = await startServer(distDir, slug);
  const url = `ws://127.0.0.1:${server.port}${LIVE_SOCKET_PATH}`;
  let waiting: { seq: number; t0: number; left: number; done: () => void } | undefined;
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  try {
    sockets.push(
      ...(await connectFollowers(url, followers, (m) => {
        if (m.t !== 'state' || !waiting || m.seq !== waiting.seq) return;
        latencies.push(performance.now() - waiting.t0);
        if (--waiting.left === 0) waiting.done();
      })),
    );
    const lecturer = new WebSocket(`${url}?lecturer=${server.key}`);
    sockets.push(lecturer);
    await opened(lecturer);
    await new Promise((r) => setTimeout(r, 300)); // the welcome states settle
    let missed = 0;
    for (let s = 1; s <= steps; s++) {
      const delivered = new Promise<void>((done) => {
        waiting = { seq: s, t0: performance.now(), left: followers, done };
      });
      lecturer.send(JSON.stringify({ t: 'pos', h: s, v: 0, f: -1, id: `slide-${s + 1}` }));
      const timedOut = await Promise.race([delivered.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5000))]);
      if (timedOut) missed += waiting?.left ?? 0;
      // A lecturer's pace is seconds; 100 ms keeps the run short and still lets each step settle.
      await new Promise((r) => setTimeout(r, 100));
    }
    const mem = await server.memory();
    return {
      followers,
      steps,
      medianMs: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: Math.max(...latencies),
      missed,
      serverPeakMiB: mem.peakMiB,
      serverRssMiB: mem.rssMiB,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
  }
}

/** `followers` Chromium pages follow the lecturer's page through `slides` slide changes (every step on the way). */
export async function browserFollowers(
  browser: Browser,
  distDir: string,
  slug: string,
  followers: number,
  slides: number,
): Promise<BrowserRun> {
  const server = await startServer(distDir, slug);
  const base = `http://127.0.0.1:${server.port}/${slug}/`;
  // Reduced motion (no slide transitions): 50 decks animating on one machine would measure the machine's
  // CPU; each phone in a hall has its own.
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
  /** Every position each follower's deck took, reported by the page as it happens (no polling). */
  const moves = new Map<Page, { k: string; t: number }[]>();
  const waiters = new Set<{ page: Page; k: string; done: () => void }>();
  try {
    await context.route(
      (u) => !u.href.startsWith('http://127.0.0.1') && !u.href.startsWith('ws://127.0.0.1'),
      (r) => r.abort(),
    );
    await context.exposeBinding('liveMoved', ({ page }, k: string, t: number) => {
      const list = moves.get(page) ?? [];
      list.push({ k, t });
      moves.set(page, list);
      for (const w of waiters) if (w.page === page && w.k === k) w.done();
    });
    const lecturer = await context.newPage();
    await lecturer.setViewportSize({ ...SLIDE_SIZE });
    await lecturer.goto(`${base}?lecturer=${server.key}`);
    await lecturer.waitForSelector(PAGE.readySelector);
    await lecturer.evaluate(() => {
      document.addEventListener(
        'keydown',
        () => {
          (window as unknown as { keyAt: number }).keyAt = performance.timeOrigin + performance.now();
        },
        true,
      );
    });
    const pages: Page[] = [];
    for (let i = 0; i < followers; i += 5) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(5, followers - i) }, async () => {
          const page = await context.newPage();
          await page.goto(base);
          await page.waitForSelector(PAGE.readySelector);
          await page.evaluate(() => {
            const w = window as unknown as { liveMoved: (k: string, t: number) => void; lectern: { deck: RevealApi } };
            const deck = w.lectern.deck;
            // No named functions in here: tsx's keepNames would wrap them in a __name() the page lacks.
            for (const e of ['slidechanged', 'fragmentshown', 'fragmenthidden'])
              deck.on(e, () => {
                const { h, v, f } = deck.getIndices();
                w.liveMoved(`${h}/${v ?? 0}/${f ?? -1}`, performance.timeOrigin + performance.now());
              });
          });
          return page;
        }),
      );
      pages.push(...batch);
    }
    const position = (p: Page) =>
      p.evaluate(() => {
        const { h, v, f } = (window as unknown as { lectern: { deck: RevealApi } }).lectern.deck.getIndices();
        return `${h}/${v ?? 0}/${f ?? -1}`;
      });
    const seen = (p: Page, k: string, since: number) => (moves.get(p) ?? []).find((m) => m.k === k && m.t >= since);
    const walk: { k: string; at: number }[] = [];
    let slideChanges = 0;
    let incomplete: string | undefined;
    for (let step = 0; step < 400 && slideChanges + 1 < slides; step++) {
      // The lecturer steps on once the slide's diagrams are drawn (their steps are fragments only then).
      // On a machine too loaded for that, the walk ends here and says so: the steps walked still count.
      const drawn = await lecturer
        .waitForFunction(
          (figures) =>
            [...document.querySelectorAll<HTMLElement>(figures)].every(
              (f) => f.dataset.state === 'rendered' || f.dataset.state === 'error',
            ),
          `${PAGE.slides} section.present ${DIAGRAM.selector}`,
          { timeout: 60_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!drawn) {
        incomplete = `the lecturer's diagrams on slide ${slideChanges + 1} were not drawn within 60 s`;
        break;
      }
      const before = await position(lecturer);
      await lecturer.keyboard.press('n');
      const k = await position(lecturer);
      if (k === before) break;
      if (k.split('/').slice(0, 2).join('/') !== before.split('/').slice(0, 2).join('/')) slideChanges++;
      const at = await lecturer.evaluate(() => (window as unknown as { keyAt: number }).keyAt);
      walk.push({ k, at });
      // The next key once every follower is there (or 10 s passed): a lecturer's pace, never faster than the room.
      await Promise.all(
        pages.map((page) =>
          seen(page, k, at)
            ? undefined
            : new Promise<void>((ok) => {
                const w = { page, k, done: () => finish() };
                const timer = setTimeout(() => finish(), 10_000);
                const finish = () => {
                  clearTimeout(timer);
                  waiters.delete(w);
                  ok();
                };
                waiters.add(w);
              }),
        ),
      );
    }
    // A step is missed when a follower's deck never showed it.
    let missed = 0;
    const latencies: number[] = [];
    for (const p of pages) {
      for (const w of walk) {
        const hit = seen(p, w.k, w.at);
        if (hit) latencies.push(hit.t - w.at);
        else missed++;
      }
    }
    return {
      followers,
      steps: walk.length,
      slides: slideChanges + 1,
      medianMs: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      missed,
      ...(incomplete ? { incomplete } : {}),
    };
  } finally {
    await context.close();
    await server.stop();
  }
}
