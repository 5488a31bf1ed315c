import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '../src/export/serve';
import { PAGE } from '../src/model/page';
import { UI_STRINGS } from '../src/model/ui-strings';
import { expect, test } from './fixtures';
import { tempCourse } from './temp-course';

/**
 * Q&A as a self-check in reading mode: each answer folded behind a button, opened by click or keyboard,
 * remembered across a reload, "Show all answers"; presenting steps as before; the handout can leave the
 * answers blank. A course of its own, built with `lectern build DIR` and served on loopback.
 */
const QA_SLIDE = `## Check yourself

Q: What does attention compute?

A: A weighted sum of the values.

- weights from query–key scores
- normalised by softmax

Q: Why scale by the square root of d?

A: To keep the scores' variance near one.

Q: And the third one?

A: Plain answer three.

Note: The lecturer explains softmax attention here.`;

const deck = (front: string, slides: string[]) => `---\n${front}\n---\n\n${slides.join('\n\n---\n\n')}\n`;
const t = UI_STRINGS.en.reading;
let course: ReturnType<typeof tempCourse>;
let site: Awaited<ReturnType<typeof serve>>;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(180_000);
  course = tempCourse({
    'slides/qa.md': deck('title: Attention\nlang: en', ['# Attention', QA_SLIDE, '## After\n\nNo questions here.']),
    'slides/blank.md': deck('title: Worksheet\nlang: en\nhandout-answers: blank', ['# Worksheet', QA_SLIDE]),
    'slides/zh.md': deck('title: 注意力\nlang: zh-CN', ['# 注意力', '## 自测\n\nQ：注意力计算什么？\n\nA：值的加权和。']),
  });
  await promisify(execFile)(process.execPath, [join(process.cwd(), 'bin', 'lectern.mjs'), 'build', course.root]);
  site = await serve(join(course.root, 'dist'));
});
test.afterAll(async () => {
  await site?.close();
  course?.done();
});

test('reading mode folds each answer behind a button; click and keyboard open it; reload remembers; show all', async ({ page, watch }) => {
  await page.goto(`${site.url}/qa/?view=read#slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  const slide = page.locator('#slide-2');
  const buttons = slide.getByRole('button', { name: t.showAnswer });
  await expect(buttons).toHaveCount(3);
  // The questions are there, the answers are not (not to the eye, not to a screen reader).
  await expect(slide.getByText('What does attention compute?')).toBeVisible();
  await expect(slide.getByText('A weighted sum of the values.')).toBeHidden();
  await expect(slide.getByText('weights from query–key scores')).toBeHidden();
  await expect(buttons.first()).toHaveAttribute('aria-expanded', 'false');
  // The lecturer's notes explain the answers: they wait until every answer of the slide is shown.
  await expect(slide.getByText('The lecturer explains softmax attention here.')).toBeHidden();

  await buttons.first().click();
  const first = slide.locator('.lectern-answer-toggle').first();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(first).toHaveText(t.hideAnswer);
  await expect(slide.getByText('A weighted sum of the values.')).toBeVisible();
  await expect(slide.getByText('normalised by softmax')).toBeVisible();
  await expect(slide.getByText('To keep the scores')).toBeHidden();

  // Keyboard: Tab to the second button, Enter opens it.
  const second = slide.locator('.lectern-answer-toggle').nth(1);
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  await expect(slide.getByText("To keep the scores' variance near one.")).toBeVisible();
  // Space toggles it closed again, and the page does not scroll away.
  await page.keyboard.press(' ');
  await expect(second).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press(' ');

  await page.reload();
  await page.waitForSelector(PAGE.readySelector);
  await expect(slide.locator('.lectern-answer-toggle').nth(0)).toHaveAttribute('aria-expanded', 'true');
  await expect(slide.locator('.lectern-answer-toggle').nth(1)).toHaveAttribute('aria-expanded', 'true');
  await expect(slide.locator('.lectern-answer-toggle').nth(2)).toHaveAttribute('aria-expanded', 'false');
  await expect(slide.getByText('Plain answer three.')).toBeHidden();

  await slide.getByRole('button', { name: t.showAll }).click();
  await expect(slide.getByText('Plain answer three.')).toBeVisible();
  await expect(slide.getByText('The lecturer explains softmax attention here.')).toBeVisible();
  await expect(slide.getByRole('button', { name: t.hideAll })).toBeVisible();
  await page.reload();
  await page.waitForSelector(PAGE.readySelector);
  await expect(slide.getByText('Plain answer three.')).toBeVisible();
  await slide.getByRole('button', { name: t.hideAll }).click();
  await expect(slide.getByText('A weighted sum of the values.')).toBeHidden();
  // A slide without Q&A has no buttons.
  await expect(page.locator('#slide-3 button')).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('a Chinese lecture says 显示答案; presenting still steps question, answer and each item', async ({ page, watch }) => {
  await page.goto(`${site.url}/zh/?view=read`);
  await page.waitForSelector(PAGE.readySelector);
  await expect(page.getByRole('button', { name: UI_STRINGS.zh.reading.showAnswer })).toHaveCount(1);
  await expect(page.getByRole('button', { name: UI_STRINGS.zh.reading.showAll })).toHaveCount(1);

  await page.goto(`${site.url}/qa/#/1/0`);
  await page.waitForSelector(PAGE.readySelector);
  const current = page.locator('section.present');
  await expect(current.locator('button')).toHaveCount(0);
  // Three questions, three answers, two items of the first answer's list: eight steps.
  expect(await current.locator(PAGE.fragment).count()).toBe(8);
  await expect(current.getByText('What does attention compute?')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(current.getByText('What does attention compute?')).toBeVisible();
  await expect(current.getByText('A weighted sum of the values.')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(current.getByText('A weighted sum of the values.')).toBeVisible();
  expect(watch.errors).toEqual([]);
});

test('the handout shows the answers, or leaves them as ruled lines with handout-answers: blank', async ({ page }) => {
  await page.goto(`${site.url}/qa/?view=handout`);
  await page.waitForSelector(PAGE.readySelector);
  await expect(page.locator('.handout-answer-blank')).toHaveCount(0);
  await expect(page.getByText('A weighted sum of the values.')).toBeVisible();

  await page.goto(`${site.url}/blank/?view=handout`);
  await page.waitForSelector(PAGE.readySelector);
  const blanks = page.locator('.handout-answer-blank');
  await expect(blanks).toHaveCount(3);
  await expect(page.getByText('What does attention compute?')).toBeVisible();
  await expect(page.getByText('A weighted sum of the values.')).toBeHidden();
  await expect(page.getByText('normalised by softmax')).toBeHidden();
  // The space stays: at least two ruled lines per answer.
  for (const box of await blanks.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThan(20);
});

test('the course home shows how far the reader got in each lecture, with a link to continue', async ({ page, watch }) => {
  await page.goto(`${site.url}/`);
  await expect(page.locator('.lecture-progress')).toHaveCount(0);
  await page.goto(`${site.url}/qa/?view=read#slide-2`);
  await page.waitForSelector(PAGE.readySelector);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('lectern:read:qa'))).toContain('"index":1');
  await page.goto(`${site.url}/`);
  const progress = page.locator('.lecture[data-slug="qa"] .lecture-progress');
  const label = UI_STRINGS.en.site.progress.replace('{n}', '2').replace('{total}', '3');
  await expect(progress).toContainText(label);
  await expect(progress.locator('progress')).toHaveAttribute('value', '2');
  await expect(page.locator('.lecture[data-slug="blank"] .lecture-progress')).toHaveCount(0);
  await progress.getByRole('link', { name: UI_STRINGS.en.site.continueReading }).click();
  await page.waitForSelector(PAGE.readySelector);
  await expect(page).toHaveURL(/\/qa\/\?view=read#slide-2$/);
  expect(watch.errors).toEqual([]);
});
