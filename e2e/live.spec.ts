import type { Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { newKey } from '../src/live/key';
import type { LiveServer } from '../src/live/server';
import { LIVE_SOCKET_PATH } from '../src/model/live';
import { DIAGRAM, STATE_ATTR } from '../src/model/page';
import { UI_STRINGS } from '../src/model/ui-strings';
import { expect, test } from './fixtures';
import { DECK, expectFollowing, flakyLink, indicesOf, open, PHONE, startLive } from './live-helpers';
import { diagramsOnCurrentSlide } from './slides';

/**
 * `npm run live` in real Chromium: a lecturer page and audience pages (some phone-sized) in their own
 * browser contexts, all on loopback (the audience URL is served on 127.0.0.1 here; the LAN address is
 * unit-tested on a fake interface list).
 */
let server: LiveServer | undefined;
test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

test.describe('live: the audience follows the lecturer', () => {
  test.describe.configure({ timeout: 150_000 });
  test('phones and laptops follow slides, fragments and diagram steps; the key never reaches them', async ({ browser }) => {
    test.setTimeout(300_000); // six browser contexts walking the whole deck: slow on a loaded machine
    const key = newKey();
    server = await startLive(key);
    const lecturer = await open(browser, server.lecturerUrl);
    await expect(lecturer.page.locator('.lectern-live-lecturer')).toHaveAttribute(STATE_ATTR, 'open');
    await lecturer.page.keyboard.press('ArrowRight'); // a late joiner opens where the lecture is
    const followers = [await open(browser, server.localAudienceUrl, PHONE), await open(browser, server.localAudienceUrl)];
    const reader = await open(browser, `${server.localAudienceUrl}?view=read`, PHONE);
    for (const f of followers) await expectFollowing(f.page, lecturer.page);
    await expect(lecturer.page.locator('.lectern-live-lecturer')).toContainText('3 following');

    // Walk the whole deck step by step: every fragment and every diagram step.
    const total = await lecturer.page.evaluate(() => window.lectern?.deck.getTotalSlides() ?? 0);
    let steps = 0;
    let diagramSteps = 0;
    while (steps < 60) {
      await diagramsOnCurrentSlide(lecturer.page);
      const before = await indicesOf(lecturer.page);
      await lecturer.page.keyboard.press('n');
      const after = await indicesOf(lecturer.page);
      if (JSON.stringify(after) === JSON.stringify(before)) break;
      steps++;
      const onDiagram = (await lecturer.page.locator(`section.present ${DIAGRAM.step}.visible`).count()) > 0;
      for (const f of followers) await expectFollowing(f.page, lecturer.page);
      const phone = followers[0]?.page;
      if (onDiagram && diagramSteps++ === 1 && phone) {
        // The phone shows the diagram drawn, with the lecturer's steps.
        await expect(phone.locator(`section.present g.node${DIAGRAM.part}`).first()).toBeVisible();
        await phone.screenshot({ path: 'test-results/live-phone-diagram.png' });
      }
      const id = await lecturer.page.evaluate(() => window.lectern?.deck.getCurrentSlide()?.id);
      await expect.poll(() => reader.page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(id);
    }
    expect(steps).toBeGreaterThan(total);
    expect(diagramSteps, 'diagram steps followed').toBeGreaterThanOrEqual(3);

    for (const f of [...followers, reader]) {
      expect(f.errors).toEqual([]);
      expect(f.received.length).toBeGreaterThan(10);
      expect(
        f.received.filter((r) => r.includes(key)),
        'the key reached an audience page',
      ).toEqual([]);
      await expect(f.page.locator('.lectern-live-bar')).toHaveAttribute(STATE_ATTR, 'following');
      expect(await f.page.content()).not.toContain(key);
    }
    expect(lecturer.errors).toEqual([]);
  });

  test('a follower browses away, stays there, and comes back live', async ({ browser }) => {
    server = await startLive(newKey());
    const lecturer = await open(browser, server.lecturerUrl);
    const phone = await open(browser, server.localAudienceUrl, PHONE);
    const reader = await open(browser, `${server.localAudienceUrl}?view=read`, PHONE);
    for (let i = 0; i < 2; i++) await lecturer.page.keyboard.press('ArrowRight');
    await expectFollowing(phone.page, lecturer.page);

    // Presenting: back two slides with the keys; the lecturer moves on; the phone stays.
    await phone.page.keyboard.press('ArrowLeft');
    await phone.page.keyboard.press('ArrowLeft');
    const away = await indicesOf(phone.page);
    const back = phone.page.getByRole('button', { name: 'Back to live' });
    await expect(back).toBeVisible();
    await expect(phone.page.locator('.lectern-live-bar')).toHaveAttribute(STATE_ATTR, 'browsing');
    await lecturer.page.keyboard.press('ArrowRight');
    await expect(phone.page.locator('html')).toHaveAttribute('data-lectern-live-seq', /\d+/);
    expect(await indicesOf(phone.page)).toEqual(away);
    await back.click();
    await expectFollowing(phone.page, lecturer.page);
    await expect(back).toBeHidden();
    // …and with the key.
    await phone.page.keyboard.press('Home');
    await expect(back).toBeVisible();
    await phone.page.keyboard.press('c');
    await expectFollowing(phone.page, lecturer.page);

    // Reading: scrolled to another slide, the reader stays there; Back to live brings them to the lecture.
    const liveId = await lecturer.page.evaluate(() => window.lectern?.deck.getCurrentSlide()?.id);
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe(`#${liveId}`);
    await reader.page.keyboard.press('Home');
    const readBack = reader.page.getByRole('button', { name: 'Back to live' });
    await expect(readBack).toBeVisible();
    await lecturer.page.keyboard.press('ArrowRight');
    const nextId = await lecturer.page.evaluate(() => window.lectern?.deck.getCurrentSlide()?.id);
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe('#slide-1');
    await readBack.click();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe(`#${nextId}`);
    await expect(reader.page.locator(`[id="${nextId}"]`)).toBeInViewport();
    await expect(readBack).toBeHidden();
  });

  test("the lecturer's blackout goes black on every following screen, not on one browsing away", async ({ browser }) => {
    server = await startLive(newKey());
    const lecturer = await open(browser, server.lecturerUrl);
    const phone = await open(browser, server.localAudienceUrl, PHONE);
    const reader = await open(browser, `${server.localAudienceUrl}?view=read`, PHONE);
    const browsing = await open(browser, server.localAudienceUrl, PHONE);
    await lecturer.page.keyboard.press('ArrowRight');
    await lecturer.page.keyboard.press('ArrowRight');
    for (const f of [phone, browsing]) await expectFollowing(f.page, lecturer.page);
    await browsing.page.keyboard.press('Home');
    await expect(browsing.page.locator('.lectern-live-bar')).toHaveAttribute(STATE_ATTR, 'browsing');

    const black = (p: Page) => p.locator('.lectern-live-black');
    await lecturer.page.keyboard.press('b');
    expect(await lecturer.page.evaluate(() => window.lectern?.deck.isPaused())).toBe(true);
    for (const f of [phone, reader]) {
      await expect(black(f.page)).toBeVisible();
      await expect(f.page.locator('.lectern-live-bar')).toContainText(UI_STRINGS.en.live.black);
      // The whole screen is black: the middle of the page is the overlay, not the slide.
      const hit = await f.page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.className);
      expect(hit).toBe('lectern-live-black');
    }
    await phone.page.screenshot({ path: 'test-results/live-phone-black.png' });
    await expect(black(browsing.page)).toBeHidden();
    // A late joiner opens black too; a follower who browses away gets their slide back.
    const late = await open(browser, server.localAudienceUrl, PHONE);
    await expect(black(late.page)).toBeVisible();
    await late.page.keyboard.press('ArrowLeft');
    await expect(black(late.page)).toBeHidden();
    await late.page.keyboard.press('c');
    await expect(black(late.page)).toBeVisible();

    // B again: the slide is back everywhere, where the lecturer is.
    await lecturer.page.keyboard.press('b');
    for (const f of [phone, reader, late]) await expect(black(f.page)).toBeHidden();
    await expectFollowing(phone.page, lecturer.page);
    for (const f of [lecturer, phone, reader, browsing, late]) expect(f.errors).toEqual([]);
  });

  test('neither a follower nor a forged client can drive', async ({ browser }) => {
    const key = newKey();
    server = await startLive(key);
    const lecturer = await open(browser, server.lecturerUrl);
    const phone = await open(browser, server.localAudienceUrl, PHONE);
    const other = await open(browser, server.localAudienceUrl, PHONE);
    await lecturer.page.keyboard.press('ArrowRight');
    await expectFollowing(other.page, lecturer.page);
    const where = await indicesOf(lecturer.page);

    // A follower's keys move only its own page.
    for (const k of ['ArrowRight', 'ArrowRight', 'End']) await phone.page.keyboard.press(k);
    expect(await indicesOf(phone.page)).not.toEqual(where);

    // A forged client speaks the lecturer's protocol, without the key, with a wrong key, from a page's own socket.
    const base = server.localAudienceUrl.replace(/^http/, 'ws').replace(/\/[^/]*\/$/, '');
    const forged = new WebSocket(`${base}${LIVE_SOCKET_PATH}`);
    await new Promise((ok) => forged.once('open', ok));
    for (let h = 0; h < 5; h++) forged.send(JSON.stringify({ t: 'pos', h, v: 0, f: -1, id: `slide-${h + 1}` }));
    forged.send(JSON.stringify({ t: 'pos', h: 4, v: 0, f: -1, id: 'slide-5', lecturer: key.slice(0, 4), role: 'lecturer' }));
    const wrong = new WebSocket(`${base}${LIVE_SOCKET_PATH}?lecturer=${'x'.repeat(key.length)}`);
    const refused = await new Promise<number>((ok) => wrong.once('unexpected-response', (_req, res) => ok(res.statusCode ?? 0)));
    expect(refused).toBe(403);
    await phone.page.evaluate((path) => {
      const ws = new WebSocket(`ws://${location.host}${path}`);
      ws.onopen = () => ws.send(JSON.stringify({ t: 'pos', h: 3, v: 0, f: -1, id: 'slide-4' }));
    }, LIVE_SOCKET_PATH);
    await lecturer.page.waitForTimeout(300);
    expect(await indicesOf(lecturer.page)).toEqual(where);
    expect(await indicesOf(other.page)).toEqual(where);
    expect(server.channel.position()).toMatchObject(where);
    forged.close();
    // The lecturer still drives.
    await lecturer.page.keyboard.press('ArrowRight');
    await expectFollowing(other.page, lecturer.page);
  });

  test('a server restart and a network drop are both recovered', async ({ browser }) => {
    const key = newKey();
    server = await startLive(key);
    const port = server.port;
    const lecturer = await open(browser, server.lecturerUrl);
    const phone = await open(browser, server.localAudienceUrl, PHONE);
    const reader = await open(browser, `${server.localAudienceUrl}?view=read`, PHONE);
    await lecturer.page.keyboard.press('ArrowRight');
    await expectFollowing(phone.page, lecturer.page);

    // Restart: the lecturer moves on while the server is down; once it is back everyone catches up.
    await server.close();
    await expect(phone.page.locator('.lectern-live-bar')).toHaveAttribute(STATE_ATTR, 'offline');
    await expect(phone.page.locator('.lectern-live-bar')).toContainText('Reconnecting');
    await lecturer.page.keyboard.press('ArrowRight');
    await lecturer.page.keyboard.press('ArrowRight');
    server = await startLive(key, port);
    await expectFollowing(phone.page, lecturer.page);
    const id = await lecturer.page.evaluate(() => window.lectern?.deck.getCurrentSlide()?.id);
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe(`#${id}`);

    // Network drop: the phone reaches the server through a link that goes down (connections cut and
    // refused); it misses two steps, and reconnects by itself once the link is back.
    const link = await flakyLink(port);
    const dropped = await open(browser, `http://127.0.0.1:${link.port}/${DECK}/`, PHONE);
    await expectFollowing(dropped.page, lecturer.page);
    link.down();
    await expect(dropped.page.locator('.lectern-live-bar')).toHaveAttribute(STATE_ATTR, 'offline');
    await lecturer.page.keyboard.press('ArrowRight');
    await lecturer.page.keyboard.press('ArrowRight');
    await expectFollowing(phone.page, lecturer.page);
    expect(await indicesOf(dropped.page)).not.toEqual(await indicesOf(lecturer.page));
    link.up();
    await expectFollowing(dropped.page, lecturer.page);
    await expect(dropped.page.locator('.lectern-live-bar')).toHaveAttribute(STATE_ATTR, 'following');
    await link.close();
  });
});
