import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import { type LiveServer, startLiveServer } from '../src/live/server';
import { PAGE, SLIDE_SIZE } from '../src/model/page';
import { expect } from './fixtures';

/** Helpers of e2e/live.spec.ts: the live server on loopback, pages in their own contexts, a link that can drop. */
export const DECK = 'demo';
export const PHONE = { width: 390, height: 800 };
const LOCAL = /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;

export async function startLive(key: string, port = 0): Promise<LiveServer> {
  return startLiveServer({ distDir: 'dist', slug: DECK, key, host: '127.0.0.1', port, lanAddress: '127.0.0.1' });
}

export interface Opened {
  page: Page;
  /** Everything the page received: response bodies, socket frames, its URLs. */
  received: string[];
  errors: string[];
}

/** A page in its own context (its own device), network outside loopback blocked. */
export async function open(browser: Browser, url: string, viewport: { width: number; height: number } = SLIDE_SIZE): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  const received: string[] = [];
  const errors: string[] = [];
  await context.route(
    (u) => !LOCAL.test(u.href),
    (route) => {
      errors.push(`request left loopback: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', async (r) => {
    // A response can finish after the test closed its page: its headers are gone then, and nothing is lost.
    const headers = await r.allHeaders().catch(() => undefined);
    received.push(r.url(), JSON.stringify(headers));
    const body = await r.body().catch(() => undefined);
    if (body) received.push(body.toString('latin1'));
  });
  page.on('websocket', (ws) => {
    received.push(ws.url());
    ws.on('framereceived', (f) => received.push(String(f.payload)));
  });
  page.on('framenavigated', (f) => received.push(f.url()));
  await page.goto(url);
  await page.waitForSelector(PAGE.readySelector);
  return { page, received, errors };
}

export const indicesOf = (page: Page) =>
  page.evaluate(() => {
    const { h, v, f } = window.lectern?.deck.getIndices() ?? { h: -1, v: -1 };
    return { h, v: v ?? 0, f: f ?? -1 };
  });
export const visibleSteps = (page: Page) => page.locator(`${PAGE.slides} section.present ${PAGE.fragment}.visible`).count();

export async function expectFollowing(follower: Page, lecturer: Page): Promise<void> {
  const want = await indicesOf(lecturer);
  await expect.poll(() => indicesOf(follower)).toEqual(want);
  await expect.poll(() => visibleSteps(follower)).toBe(await visibleSteps(lecturer));
}

/** A loopback TCP relay to the live server that can go down (cutting and refusing connections) and up again. */
export async function flakyLink(target: number) {
  const open = new Set<Socket>();
  let isDown = false;
  const relay = createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        open.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', ok));
  return {
    port: (relay.address() as AddressInfo).port,
    down: () => {
      isDown = true;
      for (const s of open) s.destroy();
    },
    up: () => {
      isDown = false;
    },
    close: () =>
      new Promise<void>((ok) => {
        relay.close(() => ok());
        for (const s of open) s.destroy();
      }),
  };
}
