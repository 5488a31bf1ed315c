import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from '../src/export/browser';
import { type Served, serve } from '../src/export/serve';
import {
  APP_ICONS,
  appIconFile,
  OFFLINE_FILES,
  OFFLINE_STATE_ATTR,
  OFFLINE_UI,
  type OfflineList,
  RUNTIME_CACHES,
} from '../src/model/offline';
import { DIAGRAM, FONT_FAMILY, PAGE, SLIDE_SIZE } from '../src/model/page';
import { UI_STRINGS } from '../src/model/ui-strings';
import { expect, test } from './fixtures';
import { slideWith } from './slides';
import { tempCourse } from './temp-course';

/**
 * Offline reading and installing (issue 16), against the built site served as a user serves it (a static
 * server on loopback; service workers need a secure context, which http://127.0.0.1 is). "Offline" is both
 * Chromium's offline mode and the server shut down: nothing can come from the network.
 */
const REPO = join(import.meta.dirname, '..');
const DIST = join(REPO, 'dist');
const LECTURE = 'reasoning-origins';
const UNOPENED = 'reasoning-origins-en';

interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests that left loopback, and errors pages threw or logged. */
  external: string[];
  errors: string[];
}

const open: BrowserContext[] = [];

/** A browser profile in `dir` (a restart is a new launch on the same profile), service workers allowed. */
async function launch(dir: string, baseURL: string): Promise<Session> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findBrowser()?.path,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL,
    viewport: { ...SLIDE_SIZE },
    serviceWorkers: 'allow',
  });
  open.push(context);
  const session: Session = { context, page: context.pages()[0] ?? (await context.newPage()), external: [], errors: [] };
  context.on('request', (r) => {
    if (!/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:|chrome-extension:)/.test(r.url()))
      session.external.push(r.url());
  });
  const watch = (p: Page) => {
    p.on('pageerror', (e) => session.errors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') session.errors.push(m.text());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return session;
}

const offlineState = (page: Page, state: string) =>
  expect(page.locator(`html[${OFFLINE_STATE_ATTR}="${state}"]`)).toHaveCount(1, { timeout: 45_000 });

/**
 * Every font face the page needs loads (none fails for want of a file). `everything`: the whole page is laid
 * out first (reading mode skips far slides with content-visibility), so the browser asks for every face any
 * slide's text and math uses, and nothing else.
 */
async function fontsNeeded(page: Page, everything: boolean): Promise<{ loaded: string[]; failed: string[] }> {
  if (everything) await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  return page.evaluate(async () => {
    await new Promise(requestAnimationFrame);
    await document.fonts.ready;
    const faces = [...document.fonts];
    return {
      loaded: [...new Set(faces.filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')))],
      failed: faces.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight} ${f.style}`),
    };
  });
}

/** Reading mode complete: ready, math typeset, every diagram drawn as it comes near, every font there. */
async function readingIsComplete(page: Page, slug = LECTURE): Promise<void> {
  await page.goto(`/${slug}/?view=read`);
  await page.waitForSelector(PAGE.readySelector);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  expect(await page.locator('main .katex').count()).toBeGreaterThan(0);
  const figures = await page.locator(DIAGRAM.selector).all();
  expect(figures.length).toBeGreaterThan(0);
  for (const figure of figures) {
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered', { timeout: 30_000 });
    expect(await figure.locator('svg g.node').count()).toBeGreaterThan(0);
  }
  const fonts = await fontsNeeded(page, true);
  expect(fonts.failed).toEqual([]);
  expect(fonts.loaded).toEqual(expect.arrayContaining([FONT_FAMILY, 'KaTeX_Main', 'KaTeX_Math']));
}

/** Presenting complete: ready, a diagram slide drawn, fonts there. */
async function presentingIsComplete(page: Page, slug = LECTURE): Promise<void> {
  await page.goto(`/${slug}/`);
  await page.waitForSelector(PAGE.readySelector);
  await slideWith(page, DIAGRAM.selector);
  const states = await page.$$eval(`.reveal .present ${DIAGRAM.selector}`, (f) => f.map((x) => (x as HTMLElement).dataset.state));
  expect(states.length).toBeGreaterThan(0);
  expect(states.every((s) => s === 'rendered')).toBe(true);
  expect((await fontsNeeded(page, false)).failed).toEqual([]);
}

/** axe (WCAG A/AA and best practices) on one part of the page. */
async function axeOn(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

let site: Served | undefined;
let profile = '';
test.beforeEach(async () => {
  site = await serve(DIST);
  profile = mkdtempSync(join(tmpdir(), 'lectern-profile-'));
});
test.afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close().catch(() => {})));
  await site?.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
});

test('a lecture opened once opens offline, in reading mode and presenting, with the course home, also after a browser restart', async () => {
  test.setTimeout(180_000);
  const url = site?.url ?? '';
  let s = await launch(profile, url);
  // One visit: the presenting view of the lecture (the reader never scrolled through it), then the home.
  await s.page.goto(`/${LECTURE}/`);
  await s.page.waitForSelector(PAGE.readySelector);
  await offlineState(s.page, 'ready');
  await s.page.goto('/');
  await offlineState(s.page, 'ready');
  // The home says which lecture is on the device: the one opened, no other.
  await expect(s.page.locator(`.lecture[data-slug="${LECTURE}"] .${OFFLINE_UI.lectureKept}`)).toHaveCount(1);
  await expect(s.page.locator(`.lecture .${OFFLINE_UI.lectureKept}`)).toHaveCount(1);

  // The network goes away: offline mode, and the server is gone.
  await s.context.setOffline(true);
  await site?.close();
  await s.page.reload();
  await expect(s.page.locator('.lecture-list .lecture')).not.toHaveCount(0);
  expect((await fontsNeeded(s.page, false)).failed).toEqual([]);
  await readingIsComplete(s.page);
  await presentingIsComplete(s.page);
  // The lecture's search (Ctrl+Shift+F), never used online: its index was kept with the lecture.
  await s.page.keyboard.press('Control+Shift+F');
  // Chinese is typed as text, not keys: into the box once it is there.
  await expect(s.page.locator('.lectern-search input')).toBeFocused();
  await s.page.keyboard.type('聚焦');
  await expect(s.page.locator('.lectern-search [role="option"]')).toHaveCount(1);
  await expect(s.page.locator('.lectern-search [role="option"]')).toContainText('引子');
  expect(s.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  await s.context.close();

  // The browser restarts, still offline.
  s = await launch(profile, url);
  await s.context.setOffline(true);
  await s.page.goto('/');
  await expect(s.page.locator('h1')).not.toBeEmpty();
  await readingIsComplete(s.page);
  await presentingIsComplete(s.page);
  expect(s.external).toEqual([]);
  await s.context.close();
});

test('Keep for offline on the course home keeps every lecture: one never opened opens offline', async () => {
  test.setTimeout(180_000);
  const s = await launch(profile, site?.url ?? '');
  await s.page.goto('/');
  const lang = await s.page.evaluate(() => document.documentElement.lang);
  const t = UI_STRINGS[lang.startsWith('zh') ? 'zh' : 'en'].offline;
  const button = s.page.getByRole('button', { name: t.keep });
  await expect(button).toBeVisible({ timeout: 45_000 });
  await expect(s.page.locator(`.${OFFLINE_UI.keep}`)).toHaveAttribute('data-kept', /^0\//);
  await button.focus();
  await s.page.keyboard.press('Enter');
  const list = JSON.parse(await (await s.context.request.get(`/${OFFLINE_FILES.list}`)).text()) as OfflineList;
  const n = list.lectures.length;
  await expect(s.page.locator(`#${OFFLINE_UI.keepStatus}`)).toHaveText(n === 1 ? t.keptOne : t.kept.replace('{n}', String(n)), {
    timeout: 90_000,
  });
  await expect(s.page.locator(`.${OFFLINE_UI.keep}`)).toHaveAttribute('data-kept', `${n}/${n}`);
  await expect(button).toBeEnabled();
  await expect(s.page.locator(`.lecture .${OFFLINE_UI.lectureKept}`)).toHaveCount(n);
  await expect(s.page.locator(`.lecture .${OFFLINE_UI.lectureKept}`).first()).toHaveText(t.onDevice);
  expect(await axeOn(s.page, 'main')).toEqual([]);
  // The runtime code is kept in the runtime cache too (a new build's worker deletes the old precache).
  const codeKept = await s.page.evaluate(
    async ({ name, code }) => {
      const cache = await caches.open(name);
      return (await Promise.all(code.map(async (f) => !!(await cache.match(new URL(f, location.href).href))))).every(Boolean);
    },
    { name: RUNTIME_CACHES.hashed, code: list.code },
  );
  expect(list.code.length).toBeGreaterThan(5);
  expect(codeKept).toBe(true);

  await s.context.setOffline(true);
  await site?.close();
  await presentingIsComplete(s.page, UNOPENED);
  await readingIsComplete(s.page, UNOPENED);
  expect(s.external).toEqual([]);
  await s.context.close();
});

test('installable: the manifest is linked and valid, the worker controls the page, the icons have their sizes', async () => {
  const s = await launch(profile, site?.url ?? '');
  await s.page.goto(`/${LECTURE}/`);
  await offlineState(s.page, 'ready');
  await s.page.reload();
  expect(await s.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await s.page.goto('/');
  const cdp = await s.context.newCDPSession(s.page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toMatch(new RegExp(`/${OFFLINE_FILES.manifest.replace('.', '\\.')}$`));
  const data = JSON.parse(manifest.data ?? '{}') as {
    name: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string }[];
  };
  expect(data.name).toBe((await s.page.locator('h1').textContent())?.trim());
  expect(data.display).toBe('standalone');
  const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  expect(installability.installabilityErrors).toEqual([]);
  await expect(s.page.locator('meta[name="theme-color"]')).toHaveCount(1);
  for (const icon of APP_ICONS) {
    const res = await s.context.request.get(`/${appIconFile(icon)}`);
    expect(res.status()).toBe(200);
    const png = await res.body();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([icon.size, icon.size]);
    expect(data.icons.some((i) => i.src.endsWith(appIconFile(icon)) && i.sizes === `${icon.size}x${icon.size}`)).toBe(true);
  }
  await s.context.close();
});

test('a rebuilt site announces the update, keeps the old build whole until Reload, then shows the new one', async () => {
  test.setTimeout(240_000);
  const course = tempCourse({
    'lectern.yml': 'title: Course before\nlang: en\n',
    'slides/intro.md': '---\ntitle: Intro\n---\n\n# Intro\n\n---\n\n## A slide\n\n$E = mc^2$\n',
  });
  const build = () => promisify(execFile)(process.execPath, [join(REPO, 'bin', 'lectern.mjs'), 'build', course.root], { cwd: tmpdir() });
  let own: Served | undefined;
  try {
    await build();
    own = await serve(join(course.root, 'dist'));
    const s = await launch(profile, own.url);
    await s.page.goto('/intro/');
    await offlineState(s.page, 'ready');
    await s.page.goto('/');
    await offlineState(s.page, 'ready');
    await expect(s.page.locator('h1')).toHaveText('Course before');

    writeFileSync(join(course.root, 'lectern.yml'), 'title: Course after\nlang: en\n');
    await build();
    await s.page.reload();
    const notice = s.page.locator(`.${OFFLINE_UI.update}`);
    await expect(notice).toContainText(UI_STRINGS.en.offline.update, { timeout: 45_000 });
    await expect(notice).toHaveAttribute('role', 'status');
    expect(await axeOn(s.page, `.${OFFLINE_UI.update}`)).toEqual([]);
    await s.page.screenshot({ path: test.info().outputPath('update-notice.png') });
    // The old build, whole, until the reader reloads.
    await expect(s.page.locator('h1')).toHaveText('Course before');
    await notice.getByRole('button', { name: UI_STRINGS.en.offline.reload }).click();
    await expect(s.page.locator('h1')).toHaveText('Course after', { timeout: 30_000 });
    await expect(notice).toHaveCount(0);
    await s.context.close();
  } finally {
    await own?.close();
    course.done();
  }
});
