import { DIAGRAM, PAGE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';

/** A student on a phone: held upright while the lecture is presented, reading at night, tapping with a finger. */

const luminance = (rgb: string): number => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

test.describe('presenting on a phone held upright', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('suggests turning the phone or reading mode at the current slide; dismissable', async ({ page }) => {
    await openDeck(page, 'reasoning-origins-en', '#/5/0');
    const hint = page.locator('.lectern-portrait-hint');
    await expect(hint).toBeVisible();
    await expect(hint).toContainText('turn your phone sideways');
    const read = hint.getByRole('link', { name: 'Read' });
    const box = await read.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    await read.click();
    await page.waitForURL(/\?view=read#slide-6$/);
    await page.goBack();
    await page.waitForSelector(PAGE.readySelector);
    await page.locator('.lectern-portrait-hint').getByRole('button', { name: 'Dismiss' }).tap();
    await expect(page.locator('.lectern-portrait-hint')).toHaveCount(0);
  });

  test('turned sideways, no hint', async ({ page }) => {
    await page.setViewportSize({ width: 844, height: 390 });
    await openDeck(page, 'reasoning-origins-en');
    await expect(page.locator('.lectern-portrait-hint')).toBeHidden();
  });
});

test('no portrait hint on a laptop', async ({ page }) => {
  await openDeck(page, 'demo');
  await expect(page.locator('.lectern-portrait-hint')).toBeHidden();
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('reading mode is dark, text and notes readable, diagrams on their own white ground', async ({ page }) => {
    await openDeck(page, 'reasoning-origins-en', '?view=read#slide-8');
    const colors = await page.evaluate((diagramSvg) => {
      const cs = (sel: string) => {
        const e = document.querySelector(sel);
        return e ? getComputedStyle(e) : undefined;
      };
      return {
        page: cs('body')?.backgroundColor ?? '',
        card: cs('section.lectern-slide')?.backgroundColor ?? '',
        text: cs('section.lectern-slide p')?.color ?? '',
        heading: cs('section.lectern-slide h2')?.color ?? '',
        note: cs('.lectern-commentary')?.backgroundColor ?? '',
        noteText: cs('.lectern-commentary p')?.color ?? '',
        bar: cs('.lectern-rbar')?.backgroundColor ?? '',
        title: cs('.lectern-rtitle')?.color ?? '',
        diagram: cs(`#slide-8 ${diagramSvg}`)?.backgroundColor ?? '',
      };
    }, DIAGRAM.svg);
    expect(luminance(colors.page)).toBeLessThan(0.05);
    expect(luminance(colors.card)).toBeLessThan(0.05);
    expect(contrast(colors.text, colors.card)).toBeGreaterThanOrEqual(7);
    expect(contrast(colors.heading, colors.card)).toBeGreaterThanOrEqual(7);
    expect(contrast(colors.noteText, colors.note)).toBeGreaterThanOrEqual(7);
    expect(contrast(colors.title, colors.bar)).toBeGreaterThanOrEqual(7);
    expect(colors.diagram).toBe('rgb(255, 255, 255)');
  });

  test('the course home is dark and readable', async ({ page }) => {
    await page.goto('/');
    const [bg, fg, link] = await page.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
      getComputedStyle(document.querySelector('.lecture-title') ?? document.body).color,
    ]);
    expect(luminance(bg)).toBeLessThan(0.05);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(7);
    expect(contrast(link, bg)).toBeGreaterThanOrEqual(4.5);
  });
});

test('light mode stays light', async ({ page }) => {
  await openDeck(page, 'reasoning-origins-en', '?view=read');
  expect(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))).toBeGreaterThan(0.8);
});

test('reading mode on a phone: the slide number and "Present from here" are finger-sized', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDeck(page, 'reasoning-origins', '?view=read');
  for (const sel of ['.lectern-rnum', '.lectern-rpresent']) {
    const box = await page.locator(sel).first().boundingBox();
    expect(box?.height, sel).toBeGreaterThanOrEqual(44);
    expect(box?.width, sel).toBeGreaterThanOrEqual(44);
  }
});
