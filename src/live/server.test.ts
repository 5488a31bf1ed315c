import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { InkStroke } from '../model/ink.js';
import { applyInkOp, drawOps, emptyInkState, INK_LIMITS, type InkOp } from '../model/ink-ops.js';
import { LIMITS, LIVE_CONFIG_ID, LIVE_SOCKET_PATH, type ServerMessage } from '../model/live.js';
import { newKey } from './key.js';
import { injectConfig, type LiveServer, startLiveServer } from './server.js';

/** A built site in a temp dir, with a file beside it that must never be served. */
const root = mkdtempSync(join(tmpdir(), 'lectern-live-'));
const dist = join(root, 'dist');
const key = newKey();
let live: LiveServer;
let base: string;

beforeAll(async () => {
  mkdirSync(join(dist, 'deck'), { recursive: true });
  writeFileSync(join(dist, 'deck', 'index.html'), '<!doctype html><html><head><title>d</title></head><body>deck</body></html>');
  writeFileSync(join(dist, 'index.html'), '<!doctype html><p>index</p>');
  writeFileSync(join(root, 'secret.txt'), 'checkout file');
  writeFileSync(join(dist, '.env'), 'dotfile');
  live = await startLiveServer({ distDir: dist, slug: 'deck', key, host: '127.0.0.1', port: 0, lanAddress: '127.0.0.1' });
  base = `127.0.0.1:${live.port}`;
});
afterAll(async () => {
  await live.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw HTTP request (no URL normalisation, so `..` reaches the server as sent). */
function get(path: string, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: live.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** A socket with every message it receives. */
async function client(query = ''): Promise<{ ws: WebSocket; got: ServerMessage[]; closed: Promise<number> }> {
  const ws = new WebSocket(`ws://${base}${LIVE_SOCKET_PATH}${query}`);
  const got: ServerMessage[] = [];
  ws.on('message', (d) => got.push(JSON.parse(String(d)) as ServerMessage));
  const closed = new Promise<number>((ok) => ws.on('close', (code) => ok(code)));
  await new Promise((ok, fail) => {
    ws.once('open', ok);
    ws.once('error', fail);
  });
  return { ws, got, closed };
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const lastState = (got: ServerMessage[]) => got.filter((m) => m.t === 'state').at(-1);
const pos = (h: number, f = -1) => JSON.stringify({ t: 'pos', h, v: 0, f, id: `slide-${h + 1}` });

describe('live server: files', () => {
  it('serves the built site and nothing outside it', async () => {
    expect((await get('/')).body).toContain('index');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/deck/..%2f..%2fsecret.txt', '/.env', '/_live/anything', '//etc/passwd']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('checkout file');
    }
    expect((await get('/deck/', 'POST')).status).toBe(405);
    expect((await get('/deck')).status).toBe(301);
  });

  it('gives the audience page no key, and the lecturer page its role only from loopback with the key', async () => {
    const audience = await get('/deck/');
    expect(audience.body).toContain(`id="${LIVE_CONFIG_ID}"`);
    expect(audience.body).toContain('"role":"audience"');
    expect(audience.body).not.toContain(key);
    expect(JSON.stringify(audience.headers)).not.toContain(key);
    // A key one character off (never the key itself: a random key may end in "A").
    const wrong = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    expect((await get(`/deck/?lecturer=${wrong}`)).body).toContain('"role":"audience"');
    const lecturer = await get(`/deck/index.html?lecturer=${key}`);
    expect(lecturer.body).toContain('"role":"lecturer"');
    expect(lecturer.headers['referrer-policy']).toBe('no-referrer');
    expect(lecturer.body).not.toContain(key);
  });

  it('serves the audience URL as a QR code', async () => {
    const qr = await get('/_live/qr.svg');
    expect(qr.status).toBe(200);
    expect(qr.body).toMatch(/^<svg/);
  });

  it('keeps text in the config from closing its script', () => {
    const html = injectConfig('<head></head>', { role: 'audience', pos: { h: 0, v: 0, f: -1, id: '</script><script>x' }, audienceUrl: '' });
    expect(html).not.toContain('</script><script>x');
  });
});

describe('live server: channel', () => {
  it('only the lecturer drives; followers and late joiners get the position, never the key', async () => {
    const follower = await client();
    const lecturer = await client(`?lecturer=${key}`);
    lecturer.ws.send(pos(2, 1));
    await until(() => lastState(follower.got)?.pos?.h === 2);
    expect(lastState(follower.got)).toMatchObject({ t: 'state', pos: { h: 2, v: 0, f: 1 }, lecturer: true });

    // A follower speaking the lecturer's protocol changes nothing, however it dresses the message up.
    follower.ws.send(pos(7));
    follower.ws.send(JSON.stringify({ t: 'pos', h: 7, v: 0, f: -1, id: 'x', lecturer: key, role: 'lecturer' }));
    follower.ws.send(Buffer.from(pos(7)), { binary: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(live.channel.position()?.h).toBe(2);

    // The lecturer's blackout reaches followers with the position; a follower cannot black the room out.
    lecturer.ws.send(JSON.stringify({ t: 'pos', h: 2, v: 0, f: 1, id: 'slide-3', black: true }));
    await until(() => lastState(follower.got)?.black === true);
    follower.ws.send(JSON.stringify({ t: 'pos', h: 2, v: 0, f: 1, id: 'slide-3', black: false }));
    await new Promise((r) => setTimeout(r, 100));
    expect(lastState(follower.got)).toMatchObject({ pos: { h: 2, f: 1 }, black: true });

    const late = await client();
    await until(() => late.got.length > 0);
    expect(lastState(late.got)).toMatchObject({ pos: { h: 2 }, black: true });
    expect(JSON.stringify([...follower.got, ...late.got])).not.toContain(key);
    for (const c of [follower, lecturer, late]) c.ws.close();
  });

  it('refuses a wrong key at the door', async () => {
    const ws = new WebSocket(`ws://${base}${LIVE_SOCKET_PATH}?lecturer=${newKey()}`);
    const status = await new Promise<number>((ok) => ws.on('unexpected-response', (_q, res) => ok(res.statusCode ?? 0)));
    expect(status).toBe(403);
    const elsewhere = new WebSocket(`ws://${base}/deck/`);
    expect(await new Promise<number>((ok) => elsewhere.on('unexpected-response', (_q, res) => ok(res.statusCode ?? 0)))).toBe(404);
  });

  it('ignores malformed messages, closes on oversized frames and floods, and keeps serving the others', async () => {
    const lecturer = await client(`?lecturer=${key}`);
    const watcher = await client();
    for (const bad of ['{', 'null', '[]', '{"t":"pos","h":-5,"v":0,"f":0,"id":""}', '{"t":"pos","h":"1"}']) lecturer.ws.send(bad);
    lecturer.ws.send(pos(4));
    await until(() => lastState(watcher.got)?.pos?.h === 4);

    const big = await client();
    big.ws.send('x'.repeat(LIMITS.maxPayload + 1));
    expect(await big.closed).toBe(1009);

    const flood = await client();
    for (let i = 0; i < LIMITS.burst * 3; i++) flood.ws.send('{}');
    expect(await flood.closed).toBe(1008);

    // A lecturer page stuck in a loop is cut off as well (its bucket is larger: it sends ink); a new lecturer socket drives again.
    for (let i = 0; i < LIMITS.lecturerBurst * 3; i++) lecturer.ws.send(pos(i % 5));
    expect(await lecturer.closed).toBe(1008);
    const again = await client(`?lecturer=${key}`);
    again.ws.send(pos(1, 2));
    await until(() => lastState(watcher.got)?.pos?.f === 2 && lastState(watcher.got)?.pos?.h === 1);
    expect(live.channel.stats().rejected).toBeGreaterThan(5);
    again.ws.close();
    watcher.ws.close();
  });
});

const stroke = (id: string, n: number, y = 200): InkStroke => ({
  id,
  tool: 'pen',
  color: '#e0245e',
  size: 6,
  points: Array.from({ length: n }, (_, i) => [100 + i, y, 0.5]).flat(),
});
const inkOps = (got: ServerMessage[]): InkOp[] => got.flatMap((m) => (m.t === 'ink' ? [m as InkOp] : []));
/** The ink a page holds after the ink messages it got, as `place: [id:points]`. */
const held = (got: ServerMessage[]) => {
  const state = emptyInkState();
  for (const op of inkOps(got)) applyInkOp(state, op);
  return Object.fromEntries([...state.places].map(([k, v]) => [k, v.map((s) => `${s.id}:${s.points.length / 3}`)]));
};
const send = (ws: WebSocket, op: InkOp) => ws.send(JSON.stringify({ t: 'ink', ...op }));

describe('live server: ink', () => {
  it("relays the lecturer's ink batch by batch while drawn; late joiners and reconnects get all of it", async () => {
    const follower = await client();
    const lecturer = await client(`?lecturer=${key}`);
    send(lecturer.ws, { op: 'places', places: [] });
    const [first, second] = drawOps('slide-2', stroke('s1', 300));
    send(lecturer.ws, first as InkOp);
    // The follower has the first batch before the stroke is finished.
    await until(() => held(follower.got)['slide-2']?.[0] === 's1:256');
    send(lecturer.ws, second as InkOp);
    for (const op of drawOps('board-1', stroke('s2', 10))) send(lecturer.ws, op);
    send(lecturer.ws, { op: 'keep', place: 'slide-2', ids: ['s1'] });
    await until(() => held(follower.got)['board-1']?.[0] === 's2:10');
    expect(held(follower.got)).toEqual({ 'slide-2': ['s1:300'], 'board-1': ['s2:10'] });
    // Sent again (the lecturer page reconnecting resends everything): nothing new is relayed.
    const before = inkOps(follower.got).length;
    for (const op of drawOps('slide-2', stroke('s1', 300))) send(lecturer.ws, op);
    lecturer.ws.send(pos(3));
    await until(() => lastState(follower.got)?.pos?.h === 3);
    expect(inkOps(follower.got).length).toBe(before);

    const late = await client();
    await until(() => held(late.got)['board-1']?.[0] === 's2:10');
    expect(held(late.got)).toEqual(held(follower.got));
    // Undo and clear reach everyone; an erased stroke is gone for a joiner too.
    send(lecturer.ws, { op: 'keep', place: 'board-1', ids: [] });
    await until(() => !held(late.got)['board-1']);
    const later = await client();
    await until(() => inkOps(later.got).length > 0);
    await until(() => held(later.got)['slide-2']?.[0] === 's1:300');
    expect(held(later.got)).toEqual({ 'slide-2': ['s1:300'] });
    expect(live.channel.stats().ink).toEqual({ places: 1, points: 300 });
    for (const c of [follower, lecturer, late, later]) c.ws.close();
  });

  it('takes ink from no one but the lecturer: followers, forged fields, no key, binary frames', async () => {
    const lecturer = await client(`?lecturer=${key}`);
    const watcher = await client();
    const forger = await client();
    const points = live.channel.stats().ink.points;
    const forged = drawOps('slide-5', stroke('evil', 20))[0] as InkOp;
    send(forger.ws, forged);
    forger.ws.send(JSON.stringify({ t: 'ink', ...forged, lecturer: key, role: 'lecturer' }));
    forger.ws.send(Buffer.from(JSON.stringify({ t: 'ink', ...forged })), { binary: true });
    send(forger.ws, { op: 'places', places: [] });
    // The lecturer moves after the forgeries: once the watcher has that, the forgeries were dealt with.
    lecturer.ws.send(pos(6));
    await until(() => lastState(watcher.got)?.pos?.h === 6);
    await new Promise((r) => setTimeout(r, 100));
    expect(live.channel.stats().ink.points).toBe(points);
    expect(JSON.stringify(watcher.got)).not.toContain('evil');
    for (const c of [lecturer, watcher, forger]) c.ws.close();
  });

  it('drops malformed ink, closes on oversized frames (larger for the lecturer) and on an ink flood', async () => {
    const lecturer = await client(`?lecturer=${key}`);
    const watcher = await client();
    const rejected = live.channel.stats().rejected;
    const good = drawOps('slide-70', stroke('ok', 5))[0] as InkOp & { op: 'draw' };
    for (const bad of [
      { ...good, place: '__proto__' },
      { ...good, pts: [1, 2] },
      { ...good, pts: [1e9, 2, 0.5] },
      { ...good, color: 'javascript:x' },
      { ...good, id: '<script>' },
      { ...good, op: 'wipe' },
    ])
      lecturer.ws.send(JSON.stringify({ t: 'ink', ...bad }));
    await until(() => live.channel.stats().rejected >= rejected + 6);
    expect(JSON.stringify(watcher.got)).not.toContain('slide-70');
    // A batch of the largest size passes; one frame past the lecturer's limit closes the socket.
    const full = drawOps('slide-8', stroke('big', INK_LIMITS.pointsPerMessage))[0] as InkOp;
    expect(JSON.stringify({ t: 'ink', ...full }).length).toBeLessThan(LIMITS.lecturerMaxPayload);
    send(lecturer.ws, full);
    await until(() => JSON.stringify(watcher.got).includes('slide-8'));
    lecturer.ws.send('x'.repeat(LIMITS.lecturerMaxPayload + 1));
    expect(await lecturer.closed).toBe(1009);

    const flooder = await client(`?lecturer=${key}`);
    for (let i = 0; i < LIMITS.lecturerBurst * 3; i++) send(flooder.ws, { op: 'keep', place: 'slide-8', ids: i % 2 ? ['big'] : [] });
    expect(await flooder.closed).toBe(1008);
    watcher.ws.close();
  });
});
