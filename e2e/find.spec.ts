import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures';

/** Finding your way while presenting (issue 12): G to a slide by number or title, search, Alt+click zoom, the overview. */

const SHOTS = process.env.LECTERN_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};
/** The number of the slide shown, as the corner shows it. */
const shownNumber = (page: Page) => page.evaluate(() => (window.lectern?.deck.getSlidePastCount() ?? -1) + 1);
const loaded = (page: Page, chunk: RegExp) =>
  page.evaluate((src) => performance.getEntriesByType('resource').some((e) => new RegExp(src).test(e.name)), chunk.source);
const jumpBox = (page: Page) => page.getByRole('dialog', { name: /Go to slide|跳到幻灯片/ });
const searchPanel = (page: Page) => page.getByRole('dialog', { name: /Search this lecture|搜索本讲/ });

async function axeSerious(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('G then a number goes to the slide the corner numbers so; keys typed there do not reach the deck', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins-en', '#/3');
  expect(await shownNumber(page)).toBe(3);
  // Slide 12 with its author's own id (`<!-- .slide: id=… -->` replaces `slide-12`): still slide 12.
  await page.evaluate(() => {
    const s = document.getElementById('slide-12');
    if (s) s.id = 'not-from-instruction-tuning';
  });
  expect(await loaded(page, /\/jump-[^/]*\.js$/), 'no jump code before G').toBe(false);
  await page.keyboard.press('g');
  await expect(jumpBox(page)).toBeVisible();
  const box = jumpBox(page).getByRole('combobox');
  await expect(box).toBeFocused();
  await page.keyboard.type('12');
  await expect(jumpBox(page).getByRole('option').first()).toHaveText(/^12\s*Not from instruction tuning$/);
  await page.keyboard.press('Enter');
  await expect(jumpBox(page)).toBeHidden();
  await expect.poll(() => shownNumber(page)).toBe(12);
  await expect(page.locator('.reveal .slide-number')).toContainText('12');
  // Letters that are deck keys (B pauses, D draws, S opens the speaker view, O the overview) only type.
  await page.keyboard.press('g');
  await page.keyboard.type('bdso');
  await expect(box).toHaveValue('bdso');
  expect(await page.evaluate(() => window.lectern?.deck.isPaused())).toBe(false);
  await expect(page.locator('.reveal.overview, .reveal.lectern-inking')).toHaveCount(0);
  // Nothing matches: it says so and stays; Escape leaves it where it was, without opening the overview.
  await expect(jumpBox(page).getByRole('status')).toHaveText('No slide has that number or title');
  await page.keyboard.press('Enter');
  await expect(jumpBox(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(jumpBox(page)).toBeHidden();
  expect(await shownNumber(page)).toBe(12);
  await expect(page.locator('.reveal.overview')).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('G then words of a title lists the matching titles as you type; arrows choose, Enter goes', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins-en', '#/2');
  await page.keyboard.press('g');
  await page.keyboard.type('CoT');
  const options = jumpBox(page).getByRole('option');
  await expect(options).toHaveText([
    /^18\s*Models that cannot do CoT$/,
    /^19\s*Models that can do CoT: all trained on code$/,
    /^20\s*Summary: code training, instruction tuning and CoT$/,
  ]);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(jumpBox(page).getByRole('status')).toHaveText('3 slides');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(jumpBox(page).getByRole('combobox')).toHaveAttribute(
    'aria-activedescendant',
    (await options.nth(1).getAttribute('id')) ?? '',
  );
  await shot(page, 'jump-en');
  expect(await axeSerious(page, '.lectern-jump')).toEqual([]);
  await page.keyboard.press('Enter');
  await expect.poll(() => shownNumber(page)).toBe(19);
  // Several words, any case and width (a Chinese input method's full-width letters), any order.
  await page.keyboard.press('g');
  await expect(jumpBox(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('ＰＰＯ why');
  await expect(options).toHaveText([/^32\s*Why 003 regained ICL: PPO-ptx$/]);
  // A click chooses too.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('references');
  await expect(options).toHaveCount(3);
  await options.nth(2).click();
  await expect.poll(() => shownNumber(page)).toBe(36);
  expect(watch.errors).toEqual([]);
});

test('G in a Chinese deck: Chinese titles by any part of them, full-width numbers, a Chinese box', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins', '#/1');
  await page.keyboard.press('g');
  await expect(jumpBox(page).getByRole('heading')).toHaveText('跳到幻灯片');
  await expect(jumpBox(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('思维链');
  const options = jumpBox(page).getByRole('option');
  await expect(options).toHaveText([
    /^18\s*不能做思维链的模型$/,
    /^19\s*能做思维链：都经过了代码训练$/,
    /^20\s*小结：代码训练、指令微调与思维链$/,
  ]);
  await expect(jumpBox(page).getByRole('status')).toHaveText('共 3 页');
  await shot(page, 'jump-zh');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownNumber(page)).toBe(18);
  await page.keyboard.press('g');
  await expect(jumpBox(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('１２');
  await expect(options.first()).toHaveText(/^12\s*指令微调不是复杂推理的来源$/);
  await page.keyboard.press('Enter');
  await expect.poll(() => shownNumber(page)).toBe(12);
  expect(watch.errors).toEqual([]);
});

test('Ctrl+Shift+F searches the slides and the notes; a word only in the notes lands on its slide', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins-en', '#/10');
  // Slide 5 with its author's own id: the index names it by number, and that is where a hit goes.
  await page.evaluate(() => {
    const s = document.getElementById('slide-5');
    if (s) s.id = 'language-generation';
  });
  expect(await loaded(page, /\/search-[0-9a-f]+\.json$/), 'no index before the first search').toBe(false);
  await page.keyboard.press('Control+Shift+F');
  await expect(searchPanel(page)).toBeVisible();
  await page.keyboard.type('minimise');
  const options = searchPanel(page).getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Language generation ← the LM objective');
  await expect(options.first().locator('mark')).toHaveText(['minimise']);
  await expect(options.first()).toContainText('(in the notes)');
  expect(await loaded(page, /\/search-[0-9a-f]+\.json$/)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(searchPanel(page)).toBeHidden();
  await expect.poll(() => shownNumber(page)).toBe(5);
  // Words of the slides: every result names its slide; the panel is one accessible combobox.
  await page.keyboard.press('Control+Shift+F');
  await page.keyboard.type('instruction tun');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThan(3);
  await expect(options.first().locator('.lectern-find-num')).toHaveText(/^\d+$/);
  await shot(page, 'search-en');
  expect(await axeSerious(page, '.lectern-search')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(searchPanel(page)).toBeHidden();
  expect(await shownNumber(page)).toBe(5);
  expect(watch.errors).toEqual([]);
});

test('reading mode: the search button and Ctrl+Shift+F find Chinese words of the notes and scroll to the slide; G goes to a slide', async ({
  page,
  watch,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openDeck(page, 'reasoning-origins', '?view=read');
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(searchPanel(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('聚焦');
  const options = searchPanel(page).getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('(在备注中)');
  await shot(page, 'search-zh-phone');
  await options.first().click();
  await expect(page).toHaveURL(/#slide-2$/);
  await expect(page.locator('#slide-2')).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('Control+Shift+F');
  await expect(searchPanel(page)).toBeVisible();
  await page.keyboard.type('PPO');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#slide-32$/);
  // G too: by number, and by a Chinese title.
  await page.keyboard.press('g');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#slide-12$/);
  await expect(page.locator('#slide-12')).toBeInViewport();
  await page.keyboard.press('g');
  await expect(jumpBox(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.type('参考文献');
  await expect(jumpBox(page).getByRole('option')).toHaveText([/^34\s*参考文献（1\/3）$/, /^35/, /^36/]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#slide-34$/);
  expect(watch.errors).toEqual([]);
});

test('Alt+click zooms into the point clicked and back; Escape zooms out without opening the overview', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins-en', '#/4');
  const slide = page.locator('.reveal .slides section.present');
  const width = async () => (await slide.boundingBox())?.width ?? 0;
  const before = await width();
  const heading = page.locator('.reveal .slides section.present h2');
  const at = await heading.boundingBox();
  if (!at) throw new Error('no heading');
  const [x, y] = [at.x + at.width / 2, at.y + at.height / 2];
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  await expect.poll(async () => Math.round((await width()) / before)).toBe(2);
  // The point clicked came towards the middle of the screen (as far as the slide's edges allow).
  await expect.poll(async () => Math.abs(((await heading.boundingBox())?.x ?? 0) + at.width - x)).toBeLessThan(x);
  await shot(page, 'zoomed');
  // Alt+click again: back.
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  await expect.poll(async () => Math.round((await width()) * 100) / 100).toBe(Math.round(before * 100) / 100);
  // Escape zooms out, and only that.
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  await expect.poll(async () => Math.round((await width()) / before)).toBe(2);
  await page.keyboard.press('Escape');
  await expect.poll(width).toBeCloseTo(before, 0);
  await expect(page.locator('.reveal.overview')).toHaveCount(0);
  // While drawing (D), Alt+click zooms and draws nothing; a stroke drawn zoomed in lands under the pen.
  await page.keyboard.press('d');
  await expect(page.locator('.reveal.lectern-inking')).toHaveCount(1);
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  // Zoomed all the way in (not mid-way) before the pen goes down.
  await expect.poll(async () => Math.round(((await width()) / before) * 100)).toBe(200);
  await expect(page.locator('.lectern-ink-deck path')).toHaveCount(0);
  await page.mouse.move(500, 400);
  await page.mouse.down();
  await page.mouse.move(600, 420, { steps: 5 });
  await page.mouse.up();
  const stroke = page.locator('.lectern-ink-deck path').first();
  await expect(stroke).toBeVisible();
  const box = await stroke.boundingBox();
  expect(box && Math.abs(box.x - 500) < 20 && Math.abs(box.x + box.width - 600) < 20).toBe(true);
  // Escape zooms out first, then leaves drawing.
  await page.keyboard.press('Escape');
  await expect.poll(width).toBeCloseTo(before, 0);
  await expect(page.locator('.reveal.lectern-inking')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.lectern-inking')).toHaveCount(0);
  // Another slide: back to the whole slide.
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  await expect.poll(async () => Math.round((await width()) / before)).toBe(2);
  await page.keyboard.press('ArrowRight');
  await expect.poll(width).toBeCloseTo(before, 0);
  expect(watch.errors).toEqual([]);
});

test('the speaker view: G, Ctrl+Shift+F and Alt+click on its current slide move and zoom the deck', async ({ page, context, watch }) => {
  await openDeck(page, 'reasoning-origins', '#/2');
  const speaker = await context.newPage();
  speaker.on('pageerror', (e) => watch.errors.push(e.message));
  await openDeck(speaker, 'reasoning-origins', '?view=speaker');
  await expect(speaker.locator('.lectern-sv-status')).toHaveAttribute('data-connected', 'true');
  await speaker.keyboard.press('g');
  // Chinese is typed as text, not keys: into the box once it is there.
  await expect(jumpBox(speaker).getByRole('combobox')).toBeFocused();
  await speaker.keyboard.type('演化树');
  await expect(jumpBox(speaker).getByRole('option')).toHaveText([/^8\s*GPT-3 → GPT-3.5 演化树$/]);
  await speaker.keyboard.press('Enter');
  await expect.poll(() => shownNumber(page)).toBe(8);
  await expect(speaker.locator('.lectern-sv-current h2')).toHaveText('GPT-3 → GPT-3.5 演化树');
  await speaker.keyboard.press('Control+Shift+F');
  await expect(searchPanel(speaker).getByRole('combobox')).toBeFocused();
  await speaker.keyboard.type('聚焦');
  await expect(searchPanel(speaker).getByRole('option')).toHaveCount(1);
  await speaker.keyboard.press('Enter');
  await expect.poll(() => shownNumber(page)).toBe(2);
  // Alt+click on the current slide's heading: the projector zooms into it; again, out.
  const width = async () => (await page.locator('.reveal .slides section.present').boundingBox())?.width ?? 0;
  const before = await width();
  const heading = await speaker.locator('.lectern-sv-current h2').boundingBox();
  if (!heading) throw new Error('no heading in the speaker view');
  await speaker.keyboard.down('Alt');
  await speaker.mouse.click(heading.x + 20, heading.y + heading.height / 2);
  await expect.poll(async () => Math.round((await width()) / before)).toBe(2);
  await speaker.mouse.click(heading.x + 20, heading.y + heading.height / 2);
  await speaker.keyboard.up('Alt');
  await expect.poll(width).toBeCloseTo(before, 0);
  expect(watch.errors).toEqual([]);
});

test('the overview shows every slide with its steps shown and its diagrams drawn', async ({ page, watch }) => {
  await openDeck(page, 'reasoning-origins-en', '#/1');
  await page.keyboard.press('o');
  await expect(page.locator('.reveal.overview')).toHaveCount(1);
  // Every step of every slide is visible in its thumbnail, not only those of the slides already stepped through.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const steps = [...document.querySelectorAll<HTMLElement>('.reveal .slides section .fragment')];
        return {
          all: steps.length,
          hidden: steps.filter((f) => getComputedStyle(f).visibility !== 'visible' || getComputedStyle(f).opacity !== '1').length,
        };
      }),
    )
    .toEqual(expect.objectContaining({ hidden: 0 }));
  expect(await page.locator('.reveal .slides section .fragment').count()).toBeGreaterThan(10);
  // Thumbnails a third of the screen wide, centred on the current slide, also after a step in the overview
  // (reveal's are a fifth: body text about 6 px on a laptop).
  const thumb = () => page.locator('.reveal .slides section.present').boundingBox();
  await expect.poll(async () => ((await thumb())?.width ?? 0) / 1280).toBeGreaterThan(0.3);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.abs(((await thumb())?.x ?? 0) + ((await thumb())?.width ?? 0) / 2 - 640)).toBeLessThan(20);
  expect(((await thumb())?.width ?? 0) / 1280).toBeGreaterThan(0.3);
  // A click on a thumbnail opens that slide, as in reveal's own overview.
  const next = await page.locator('.reveal .slides > section').nth(2).boundingBox();
  if (!next) throw new Error('no third thumbnail');
  await page.mouse.click(next.x + next.width / 2, next.y + next.height / 2);
  await expect(page.locator('.reveal.overview')).toHaveCount(0);
  await expect.poll(() => shownNumber(page)).toBe(3);
  await page.keyboard.press('o');
  await expect.poll(() => page.locator('.reveal .slides .lectern-diagram svg').count()).toBeGreaterThan(3);
  await shot(page, 'overview');
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal.overview')).toHaveCount(0);
  expect(watch.errors).toEqual([]);
});

test('? lists G, Ctrl+Shift+F and Alt+click, in English and in Chinese', async ({ page }) => {
  for (const [slug, jump, zoom, alt] of [
    [
      'reasoning-origins-en',
      'Go to a slide: its number or words of its title, then Enter',
      'Zoom into the point clicked (again, or Esc, to zoom out)',
      'Alt+click',
    ],
    ['reasoning-origins', '跳到某一页：输入页码或标题中的词，再按回车', '放大点击处（再按一次或按 Esc 还原）', 'Alt+点击'],
  ] as const) {
    await openDeck(page, slug);
    await page.keyboard.press('?');
    const help = page.locator('.lectern-help');
    await expect(help.locator('tr[data-action="jump"]')).toContainText(jump);
    await expect(help.locator('tr[data-action="jump"] kbd')).toHaveText(['G']);
    await expect(help.locator('tr[data-action="search"] kbd')).toHaveText(['Ctrl+Shift+F']);
    await expect(help.locator('tr[data-action="zoom"]')).toContainText(zoom);
    await expect(help.locator('tr[data-action="zoom"] kbd')).toHaveText([alt]);
    await openDeck(page, slug, '?view=read');
    await page.keyboard.press('?');
    await expect(help.locator('tr[data-action="search"] kbd')).toHaveText(['Ctrl+Shift+F']);
    await expect(help.locator('tr[data-action="jump"] kbd')).toHaveText(['G']);
    await openDeck(page, slug, '?view=speaker');
    await page.keyboard.press('?');
    await expect(help.locator('tr[data-action="jump"] kbd')).toHaveText(['G']);
    await expect(help.locator('tr[data-action="zoom"] kbd')).toHaveText([alt]);
  }
});
