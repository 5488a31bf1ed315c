import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { newKey } from '../src/live/key';
import type { LiveServer } from '../src/live/server';
import { LIVE_SOCKET_PATH } from '../src/model/live';
import { PAGE } from '../src/model/page';
import { expect, test } from './fixtures';
import { expectFollowing, open, PHONE, startLive } from './live-helpers';

/**
 * The lecturer's ink on the audience's screens (`npm run live`): drawn on the lecturer's deck, shown on a
 * phone presenting and on a phone reading while the pen is still down, there again after a reload, and
 * from nobody but the lecturer. Every page in its own browser context, all on loopback.
 */
let server: LiveServer | undefined;
test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

const live = (page: Page) => page.locator(`${PAGE.slides} .lectern-ink-live path`);
/** A path's box as fractions of the slide box it is drawn over: the same on every screen if it lines up. */
const placeOnSlide = (page: Page, path: string, box: string) =>
  page.evaluate(
    ([p, b]) => {
      const r = document.querySelector(p as string)?.getBoundingClientRect();
      const s = document.querySelector(b as string)?.getBoundingClientRect();
      if (!r || !s) return undefined;
      return [(r.left - s.left) / s.width, (r.top - s.top) / s.height, r.width / s.width].map((x) => Math.round(x * 100) / 100);
    },
    [path, box],
  );

test('followers see the lecturer draw while the pen is down, also after a reload; no one else can draw on their screens', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const key = newKey();
  server = await startLive(key);
  const lecturer = await open(browser, server.lecturerUrl);
  for (let i = 0; i < 2; i++) await lecturer.page.keyboard.press('ArrowRight');
  const phone = await open(browser, server.localAudienceUrl, PHONE);
  const reader = await open(browser, `${server.localAudienceUrl}?view=read`, PHONE);
  await expectFollowing(phone.page, lecturer.page);

  // The lecturer draws; the pen is still down while the phones already show the line, growing.
  const l = lecturer.page;
  await l.keyboard.press('d');
  await expect(l.getByRole('toolbar')).toBeVisible();
  await l.mouse.move(300, 400);
  await l.mouse.down();
  await l.mouse.move(500, 420, { steps: 8 });
  await expect(live(phone.page)).toHaveCount(1);
  const widthOn = (p: Page) =>
    live(p)
      .first()
      .evaluate((e) => (e as SVGPathElement).getBBox().width);
  const early = await widthOn(phone.page);
  await l.mouse.move(900, 400, { steps: 16 });
  await expect.poll(() => widthOn(phone.page)).toBeGreaterThan(early + 200);
  const readerInk = reader.page.locator('.lectern-ink-figure:not([hidden]) .lectern-ink-read path');
  await expect(readerInk).toHaveCount(1);
  await l.mouse.up();
  await expect(live(phone.page)).toHaveCount(1);
  await expect(live(phone.page).first()).toBeVisible();
  // Where the lecturer drew on the slide, at phone size too.
  const onLecturer = await placeOnSlide(l, `${PAGE.slides} .lectern-ink-deck path`, PAGE.slides);
  await expect.poll(() => placeOnSlide(phone.page, `${PAGE.slides} .lectern-ink-live path`, PAGE.slides)).toEqual(onLecturer);
  await expect(reader.page.locator('.lectern-ink-figure:not([hidden])')).toContainText(
    (await l.locator(`${PAGE.slides} section.present h2`).first().textContent()) ?? '',
  );
  await phone.page.screenshot({ path: test.info().outputPath('phone-ink.png') });
  await readerInk.first().scrollIntoViewIfNeeded();
  await reader.page.screenshot({ path: test.info().outputPath('reader-ink.png') });

  // A follower that reloads, and one that joins late, get the ink (and only on the slide it was drawn on).
  await phone.page.reload();
  await phone.page.waitForSelector(PAGE.readySelector);
  await expect(live(phone.page)).toHaveCount(1);
  const late = await open(browser, server.localAudienceUrl);
  await expect(live(late.page)).toHaveCount(1);
  await late.page.keyboard.press('End');
  await expect(live(late.page)).toHaveCount(0);
  await late.page.keyboard.press('c');
  await expect(live(late.page)).toHaveCount(1);

  // Nobody else draws: a follower's D draws nothing, a page's own socket and a forged client are ignored.
  await phone.page.keyboard.press('d');
  await expect(phone.page.getByRole('toolbar')).toHaveCount(0);
  const forged = { t: 'ink', op: 'draw', place: 'slide-3', id: 'forged', tool: 'pen', color: '#111111', size: 40, from: 0 };
  const pts = [100, 100, 0.5, 1200, 650, 0.5];
  await phone.page.evaluate(
    ([path, message]) =>
      new Promise<void>((done) => {
        const ws = new WebSocket(`ws://${location.host}${path}`);
        ws.onopen = () => {
          ws.send(message as string);
          setTimeout(done, 200);
        };
      }),
    [LIVE_SOCKET_PATH, JSON.stringify({ ...forged, pts })],
  );
  const outsider = new WebSocket(`ws://127.0.0.1:${server.port}${LIVE_SOCKET_PATH}`);
  await new Promise((ok) => outsider.once('open', ok));
  outsider.send(JSON.stringify({ ...forged, id: 'outsider', pts, lecturer: key }));
  outsider.send(JSON.stringify({ t: 'ink', op: 'places', places: [] }));
  // The lecturer's undo, after the forgeries, reaches everyone: then nothing forged is on any screen.
  await l.getByRole('toolbar').getByRole('button', { name: 'Undo' }).click();
  for (const p of [phone.page, late.page]) await expect(live(p)).toHaveCount(0);
  await expect(readerInk).toHaveCount(0);
  await expect(reader.page.locator('.lectern-ink-figure:not([hidden])')).toHaveCount(0);
  outsider.close();
  for (const p of [phone, reader, late, lecturer]) expect(p.errors).toEqual([]);
  for (const p of [phone, reader, late]) expect(p.received.filter((r) => r.includes(key))).toEqual([]);
});

test("the lecturer's speaker view draws, and the followers see it while the pen is down", async ({ browser }) => {
  server = await startLive(newKey());
  const lecturer = await open(browser, server.lecturerUrl);
  const phone = await open(browser, server.localAudienceUrl, PHONE);
  // The speaker view: a window of the lecturer's browser (same context), as S opens it.
  const speaker = await lecturer.page.context().newPage();
  await speaker.goto(new URL('?view=speaker', server.lecturerUrl.split('?')[0]).href);
  await speaker.waitForSelector(PAGE.readySelector);
  await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
  await speaker.keyboard.press('d');
  await expect(speaker.getByRole('toolbar')).toBeVisible();
  const box = await speaker.locator('.lectern-sv-current .lectern-sv-screen').boundingBox();
  if (!box) throw new Error('no preview');
  await speaker.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await speaker.mouse.down();
  await speaker.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.55, { steps: 16 });
  await expect(live(phone.page)).toHaveCount(1);
  await speaker.mouse.up();
  await expect(lecturer.page.locator(`${PAGE.slides} .lectern-ink-deck path`)).toHaveCount(1);
  await expect(live(phone.page)).toHaveCount(1);
  for (const p of [phone, lecturer]) expect(p.errors).toEqual([]);
});

test("the lecturer's blank board is on the followers' screens while the lecturer is on it", async ({ browser }) => {
  server = await startLive(newKey());
  const lecturer = await open(browser, server.lecturerUrl);
  const phone = await open(browser, server.localAudienceUrl, PHONE);
  const sheet = phone.page.locator(`${PAGE.slides} .lectern-ink-live .lectern-ink-board`);
  await lecturer.page.keyboard.press('w');
  await expect(sheet).toHaveCount(1);
  await lecturer.page.mouse.move(300, 300);
  await lecturer.page.mouse.down();
  await lecturer.page.mouse.move(700, 350, { steps: 12 });
  await expect(live(phone.page)).toHaveCount(1);
  await lecturer.page.mouse.up();
  await phone.page.screenshot({ path: test.info().outputPath('phone-board.png') });
  // A follower browsing away sees the slides; back to live, the board again.
  await phone.page.keyboard.press('End');
  await expect(sheet).toHaveCount(0);
  await phone.page.keyboard.press('c');
  await expect(sheet).toHaveCount(1);
  await lecturer.page.keyboard.press('w');
  await expect(sheet).toHaveCount(0);
  await expect(live(phone.page)).toHaveCount(0);
  for (const p of [phone, lecturer]) expect(p.errors).toEqual([]);
});
