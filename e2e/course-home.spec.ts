import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '../src/export/serve';
import { PAGE } from '../src/model/page';
import { expect, test } from './fixtures';

/**
 * A course of three lectures in a temporary project: the home lists them in course order with the
 * course's settings, search finds a term of each and opens the slide in reading mode, nothing of the
 * search loads before the first search, decks link to their neighbours, and PDF links follow the files.
 */
const REPO = process.cwd();
let root = '';
let site: Awaited<ReturnType<typeof serve>> | undefined;

const deck = (title: string, front: string, slides: string[]) =>
  `---\ntitle: ${title}\ndate: 2026-03-01\n${front}---\n\n${slides.join('\n\n---\n\n')}\n`;

/** `lectern build DIR`, as a lecturer with their own course folder runs it. */
async function build(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(REPO, 'bin', 'lectern.mjs'), 'build', root], { cwd: tmpdir() });
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'lectern-course-home-e2e-'));
  mkdirSync(join(root, 'slides'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'lectern.yml'), 'title: 机器学习导论\ndescription: 春季学期\nauthor: 某老师\nlang: zh-CN\nduration: 90min\n');
  writeFileSync(
    join(root, 'slides', '02-advanced.md'),
    deck('进阶', '', ['# 进阶', '## 优化\n\n梯度下降与 betaterm 的关系\n\nNote: 讲者说明', '## 结束\n\n谢谢']),
  );
  writeFileSync(join(root, 'slides', '01-basics.md'), deck('基础', '', ['# 基础', '## 概念\n\n监督学习\n\nNote: 这里讲 alphaterm 的定义']));
  writeFileSync(join(root, 'slides', 'welcome.md'), deck('课程介绍', 'order: 0\n', ['# 课程介绍', '## 安排\n\n每周一讲 gammaterm']));
  await build();
  site = await serve(join(root, 'dist'));
});
test.afterAll(async () => {
  await site?.close();
  rmSync(root, { recursive: true, force: true });
});

test('the home lists the lectures in course order with the course settings, in the course language', async ({ page }) => {
  const searchRequests: string[] = [];
  page.on('request', (r) => {
    if (/search|minisearch/i.test(r.url())) searchRequests.push(r.url());
  });
  await page.goto(`${site?.url}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('h1')).toHaveText('机器学习导论');
  await expect(page.locator('.course-byline').first()).toHaveText('某老师');
  const titles = await page.locator('.lecture-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(titles.map((p) => p.split('/').filter(Boolean).pop())).toEqual(['welcome', '01-basics', '02-advanced']);
  // Each title is marked in its lecture's language (a course in English may list a Chinese lecture).
  expect(await page.locator('.lecture-title [lang]').evaluateAll((ss) => ss.map((s) => s.getAttribute('lang')))).toEqual([
    'zh-CN',
    'zh-CN',
    'zh-CN',
  ]);
  await expect(page.locator('.lecture').nth(2)).toContainText('3 页');
  await expect(page.locator('.lecture').nth(2)).toContainText('90 分钟');
  // No PDF was exported: no PDF links.
  expect(await page.locator('a[href*="pdf/"]').count()).toBe(0);
  await expect(page.getByRole('link', { name: '阅读' }).first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(searchRequests, 'nothing of the search before the first search').toEqual([]);
});

test('search finds a term of every lecture (slides and notes) and opens the slide in reading mode', async ({ page }) => {
  await page.goto(`${site?.url}/`);
  const box = page.getByRole('searchbox');
  for (const [term, deckSlug] of [
    ['gammaterm', 'welcome'],
    ['alphaterm', '01-basics'],
    ['梯度下降', '02-advanced'],
  ] as const) {
    await box.fill(term);
    const hit = page.locator('.search-hit').first();
    await expect(hit).toHaveAttribute('href', new RegExp(`${deckSlug}/\\?view=read#slide-2$`));
    await expect(page.locator('.course-search-status')).toContainText('1 条结果');
  }
  await box.fill('没有这个词');
  await expect(page.locator('.course-search-status')).toHaveText('没有找到。');
  await box.fill('betaterm');
  await page.locator('.search-hit').first().click();
  await page.waitForSelector(PAGE.readySelector);
  expect(new URL(page.url()).search).toBe('?view=read');
  expect(new URL(page.url()).hash).toBe('#slide-2');
  await expect(page.locator('#slide-2')).toBeInViewport();
  await expect(page.locator('#slide-2')).toContainText('梯度下降');
});

test('previous and next lecture: at the end of reading mode and on the last slide', async ({ page }) => {
  await page.goto(`${site?.url}/01-basics/?view=read`);
  await page.waitForSelector(PAGE.readySelector);
  const nav = page.locator('.lectern-rfooter .lectern-lecture-nav');
  await expect(nav.locator('a[rel="prev"]')).toContainText('课程介绍');
  await expect(nav.locator('a[rel="prev"] [lang="zh-CN"]')).toHaveText('课程介绍');
  await expect(nav.locator('a[rel="next"]')).toContainText('进阶');
  await nav.locator('a[rel="next"]').click();
  await page.waitForSelector(PAGE.readySelector);
  expect(page.url()).toMatch(/\/02-advanced\/\?view=read(#slide-1)?$/);

  await page.goto(`${site?.url}/02-advanced/`);
  await page.waitForSelector(PAGE.readySelector);
  const present = page.locator('.lectern-lecture-nav-present');
  await expect(present).toBeHidden();
  await page.keyboard.press('End');
  await expect(present).toBeVisible();
  await expect(present.locator('a[rel="prev"]')).toContainText('基础');
  expect(await present.locator('a[rel="next"]').count()).toBe(0);
  await present.locator('.lectern-lecture-home').click();
  await expect(page.locator('h1')).toHaveText('机器学习导论');
});

test('a plain build keeps exported PDFs and links only those in the site; one older than its lecture is flagged', async ({ page }) => {
  test.setTimeout(240_000);
  const pdfDir = join(root, 'dist', 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  writeFileSync(join(pdfDir, '01-basics.pdf'), '%PDF-1.4 test');
  writeFileSync(join(pdfDir, '02-advanced-handout.pdf'), '%PDF-1.4 test');
  // The advanced lecture changed after its handout was printed.
  const past = new Date(Date.now() - 3600_000);
  utimesSync(join(pdfDir, '02-advanced-handout.pdf'), past, past);
  await build();
  expect(readFileSync(join(pdfDir, '01-basics.pdf'), 'utf8')).toContain('%PDF');
  await page.goto(`${site?.url}/`);
  const hrefs = await page.locator('a[href*="pdf/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
  expect(hrefs.sort()).toEqual(['./pdf/01-basics.pdf', './pdf/02-advanced-handout.pdf']);
  for (const href of hrefs) expect((await page.request.get(`${site?.url}/${href?.slice(2)}`)).ok()).toBe(true);
  await expect(page.locator('.lecture', { hasText: '进阶' }).locator('.lecture-stale')).toBeVisible();
  await expect(page.locator('.lecture', { hasText: '基础' }).locator('.lecture-stale')).toHaveCount(0);
});
