/**
 * `npm run bench -- --only live`, ink: the live server (its own process) relaying a stroke as the
 * lecturer's page sends it (one batch of points per 50 ms, LECTURER_INK_PACE) to `followers` ws clients,
 * then a late joiner catching up on the lecture's ink. Loopback only; every wait bounded in time.
 */
import { WebSocket } from 'ws';
import { INK_LIMITS, type InkOp } from '../src/model/ink-ops.js';
import { LECTURER_INK_PACE, LIVE_SOCKET_PATH } from '../src/model/live.js';
import { connectFollowers, opened, percentile, startServer } from './live.js';

export interface InkRelayRun {
  followers: number;
  batches: number;
  /** Lecturer's socket sends a batch → a follower has it. */
  medianMs: number;
  p99Ms: number;
  /** Batches a follower never got (within 5 s). */
  missed: number;
  /** A new follower, with `lecturePoints` points of ink on the server: connect → all of it received. */
  lateJoinMs: number;
  lecturePoints: number;
  serverPeakMiB: number;
}

const POINTS_PER_BATCH = 6; // a 50 ms batch of a hand writing at ~120 Hz
const pts = (n: number, at: number) => Array.from({ length: n }, (_, i) => [100 + ((at + i) % 1000), 200 + ((at + i) % 300), 0.5]).flat();

export async function simulatedInk(distDir: string, slug: string, followers: number, batches: number): Promise<InkRelayRun> {
  const server = await startServer(distDir, slug);
  const url = `ws://127.0.0.1:${server.port}${LIVE_SOCKET_PATH}`;
  const sentAt = new Map<string, number>();
  const got = new Map<string, number>();
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  try {
    sockets.push(
      ...(await connectFollowers(url, followers, (data) => {
        const m = data as { t: string } & Partial<InkOp & { op: 'draw' }>;
        if (m.t !== 'ink' || m.op !== 'draw') return;
        const k = `${m.id}:${m.from}`;
        const t0 = sentAt.get(k);
        if (t0 === undefined) return;
        latencies.push(performance.now() - t0);
        got.set(k, (got.get(k) ?? 0) + 1);
      })),
    );
    const lecturer = new WebSocket(`${url}?lecturer=${server.key}`);
    sockets.push(lecturer);
    await opened(lecturer);
    const send = (op: InkOp) => lecturer.send(JSON.stringify({ t: 'ink', ...op }));
    send({ op: 'places', places: [] });
    await new Promise((r) => setTimeout(r, 300));
    // The timed stroke, batch by batch at the page's pace.
    for (let b = 0; b < batches; b++) {
      const from = b * POINTS_PER_BATCH;
      sentAt.set(`timed:${from}`, performance.now());
      send({ op: 'draw', place: 'slide-2', id: 'timed', tool: 'pen', color: '#e0245e', size: 6, from, pts: pts(POINTS_PER_BATCH, from) });
      await new Promise((r) => setTimeout(r, LECTURER_INK_PACE.ms));
    }
    const end = Date.now() + 5000;
    while ([...sentAt.keys()].some((k) => (got.get(k) ?? 0) < followers) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const missed = [...sentAt.keys()].reduce((n, k) => n + followers - (got.get(k) ?? 0), 0);

    // A lecture's worth of ink (a third of the limit, on 30 slides), then a late joiner.
    const perStroke = INK_LIMITS.pointsPerMessage;
    let lecturePoints = batches * POINTS_PER_BATCH;
    for (let s = 0; s < 30; s++)
      for (let k = 0; k < 4; k++) {
        send({
          op: 'draw',
          place: `slide-${s + 3}`,
          id: `s${k}`,
          tool: 'pen',
          color: '#1d6fe0',
          size: 6,
          from: 0,
          pts: pts(perStroke, s * k),
        });
        lecturePoints += perStroke;
        if ((s * 4 + k) % 100 === 99) await new Promise((r) => setTimeout(r, 600)); // within the lecturer's bucket
      }
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    const late = new WebSocket(url);
    sockets.push(late);
    let points = 0;
    const caughtUp = new Promise<void>((done) =>
      late.on('message', (data) => {
        const m = JSON.parse(String(data)) as { t: string; op?: string; pts?: number[] };
        if (m.t === 'ink' && m.op === 'draw') points += (m.pts?.length ?? 0) / 3;
        if (points >= lecturePoints) done();
      }),
    );
    await Promise.race([caughtUp, new Promise((r) => setTimeout(r, 10_000))]);
    const lateJoinMs = points >= lecturePoints ? performance.now() - t0 : Number.NaN;
    const mem = await server.memory();
    return {
      followers,
      batches,
      medianMs: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      missed,
      lateJoinMs,
      lecturePoints,
      serverPeakMiB: mem.peakMiB,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    await server.stop();
  }
}
