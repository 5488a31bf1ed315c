import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { checkSiteLinks } from '../src/check/site-links';
import { serve } from '../src/export/serve';
import { FAVICON, NOT_FOUND_PAGE, OG_SIZE, ogImageFile } from '../src/model/site';
import { UI_STRINGS } from '../src/model/ui-strings';
import { expect, test } from './fixtures';

/**
 * Publishing a course: `lectern build` alone and `lectern site` both leave a site where every link
 * resolves; `lectern site` adds every lecture's PDF, handout and preview image, and a second run with
 * nothing changed redoes nothing. A course folder of its own, built from outside this checkout.
 */
const REPO = process.cwd();
const LECTERN = join(REPO, 'bin', 'lectern.mjs');
let root = '';

const lectern = (...args: string[]) =>
  promisify(execFile)(process.execPath, [LECTERN, ...args], { cwd: tmpdir(), maxBuffer: 4 * 1024 * 1024 }).catch((err: unknown) => {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    return { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? 1 };
  });

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#36c"/></svg>';

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lectern-site-e2e-'));
  mkdirSync(join(root, 'slides'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'square.svg'), SVG);
  writeFileSync(join(root, 'lectern.yml'), 'title: 机器学习导论\ndescription: 春季学期\nlang: zh-CN\n');
  writeFileSync(
    join(root, 'slides', '01-basics.md'),
    '---\ntitle: 基础\ndescription: 监督学习与损失函数\n---\n\n# 基础\n\n---\n\n## 概念\n\n![A square](../assets/square.svg)\n\n[下一讲](02-next.md) · [论文](https://example.org/paper)\n\nNote: 讲者说明\n',
  );
  writeFileSync(
    join(root, 'slides', '02-next.md'),
    '---\ntitle: Next steps\nlang: en\n---\n\n# Next steps\n\nBy a lecturer\n\n---\n\n## Done\n\n- one\n- two\n',
  );
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

const dist = () => join(root, 'dist');
const SLUGS = ['01-basics', '02-next'];

test('lectern build alone: no broken link, no PDF or preview linked that is not there, a 404 page and an icon', async ({ page }) => {
  test.setTimeout(180_000);
  const built = await lectern('build', root);
  expect('code' in built ? built.stderr : '').toBe('');
  const report = checkSiteLinks(dist());
  expect(report.problems).toEqual([]);
  expect(report.links).toBeGreaterThan(20);
  const home = readFileSync(join(dist(), 'index.html'), 'utf8');
  expect(home).not.toContain('./pdf/');
  expect(readFileSync(join(dist(), '01-basics', 'index.html'), 'utf8')).not.toContain('og:image"');
  expect(existsSync(join(dist(), FAVICON))).toBe(true);

  const site = await serve(dist());
  try {
    await page.goto(`${site.url}/${NOT_FOUND_PAGE}`);
    const t = UI_STRINGS.zh.site;
    await expect(page.locator('h1')).toHaveText(t.notFoundTitle);
    // The 404 page carries its own font: its Chinese renders from a face that loaded, not from a fallback.
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').length;
    });
    expect(loaded).toBeGreaterThan(0);
    await page.getByRole('link', { name: t.home }).click();
    await expect(page.locator('h1')).toHaveText('机器学习导论');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await page.request.get(new URL(icon ?? '', page.url()).href)).headers()['content-type']).toContain('svg');
  } finally {
    await site.close();
  }
});

test('lectern site: every lecture’s PDF, handout and preview image, all linked, no broken link; a second run redoes nothing', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const first = await lectern('site', root);
  expect(first.stdout).toContain('Links: ');
  expect('code' in first ? `${first.stdout}\n${first.stderr}` : '').toBe('');
  for (const slug of SLUGS) {
    const pdf = await PDFDocument.load(readFileSync(join(dist(), 'pdf', `${slug}.pdf`)));
    expect(pdf.getPageCount()).toBe(2);
    expect(existsSync(join(dist(), 'pdf', `${slug}-handout.pdf`))).toBe(true);
    const png = readFileSync(join(dist(), ogImageFile(slug)));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([OG_SIZE.width, OG_SIZE.height]);
  }
  expect(checkSiteLinks(dist()).problems).toEqual([]);

  const site = await serve(dist());
  try {
    await page.goto(`${site.url}/`);
    for (const slug of SLUGS) {
      const card = page.locator(`.lecture[data-slug="${slug}"]`);
      await expect(card.getByRole('link', { name: 'PDF' })).toHaveAttribute('href', `./pdf/${slug}.pdf`);
      await expect(card.locator('a[href*="-handout"]')).toHaveAttribute('href', `./pdf/${slug}-handout.pdf`);
    }
    await page.goto(`${site.url}/01-basics/`);
    const og = (p: string) => page.locator(`meta[property="${p}"]`).getAttribute('content');
    expect(await og('og:title')).toBe('基础');
    expect(await og('og:description')).toBe('监督学习与损失函数');
    expect(await og('og:site_name')).toBe('机器学习导论');
    const image = await og('og:image');
    const res = await page.request.get(new URL(image ?? '', page.url()).href);
    expect(res.headers()['content-type']).toBe('image/png');
    await page.goto(`${site.url}/02-next/`);
    expect(await og('og:description')).toBe('By a lecturer');
  } finally {
    await site.close();
  }

  // Nothing changed: nothing is built or printed again.
  const mtimes = () =>
    SLUGS.flatMap((s) => [join(dist(), 'pdf', `${s}.pdf`), join(dist(), ogImageFile(s))]).map((f) => statSync(f).mtimeMs);
  const before = [...mtimes(), statSync(join(dist(), 'index.html')).mtimeMs];
  const again = await lectern('site', root);
  expect(again.stdout).toContain('up to date');
  expect(again.stdout).not.toContain('Building');
  expect([...mtimes(), statSync(join(dist(), 'index.html')).mtimeMs]).toEqual(before);

  // One lecture edited: the site is rebuilt, and only that lecture is printed again.
  writeFileSync(
    join(root, 'slides', '02-next.md'),
    readFileSync(join(root, 'slides', '02-next.md'), 'utf8').replace('- two', '- two\n- three'),
  );
  const third = await lectern('site', root);
  expect(third.stdout).toContain('Exporting 1 lecture: 02-next');
  expect(statSync(join(dist(), 'pdf', '01-basics.pdf')).mtimeMs).toBe(before[0]);
});

test('npm run check reports a link the site breaks', async () => {
  test.setTimeout(120_000);
  unlinkSync(join(dist(), ogImageFile('01-basics')));
  const { stdout } = await lectern('check', root, '--no-browser');
  expect(stdout).toMatch(/dist\/01-basics\/index\.html:1: error: broken link in the built site: `\.\.\/og\/01-basics\.png`/);
});
