import type { Page } from '@playwright/test';
import { serve } from '../src/export/serve';
import { buildSite } from '../src/export/site';
import { PAGE, SLIDE_SIZE } from '../src/model/page';
import { expect, test } from './fixtures';
import { tempCourse } from './temp-course';

/** Tables and code as a viewer sees them: on the slide, in the handout and in reading mode (a phone too). */

const DECK = `---
title: Optimisers
---

# Optimisers

---

## Variants

| Method | Step size | Memory | Typical η | Momentum β | Notes |
| --- | --- | ---: | ---: | ---: | --- |
| SGD | fixed | 0 | 0.1 | 0 | the plain gradient step, one learning rate |
| Momentum | fixed | 1 | 0.01 | 0.9 | a heavy ball that keeps its velocity across steps |
| Nesterov | fixed | 1 | 0.01 | 0.9 | looks ahead before it computes the gradient |
| Adam | adaptive | 2 | 0.001 | 0.9 | per-parameter learning rates with bias correction |

---

## In code

\`\`\`python
def gd(theta, grad, lr=0.1, steps=100):
    for _ in range(steps):
        theta = theta - lr * grad(theta)  # one step downhill, against the gradient of the loss
    return theta
\`\`\`
`;

/** Words of the table broken across two lines (each word's text should sit on one line). */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const table = [...document.querySelectorAll('table')].find((t) => t.getClientRects().length > 0);
    const out: string[] = [];
    for (const cell of table?.querySelectorAll('th, td') ?? []) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index ?? 0);
          range.setEnd(node, (m.index ?? 0) + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}

/** Cell padding and rule, and the gap between a right-aligned number and the next column's text. */
async function tableLook(page: Page) {
  return page.evaluate(() => {
    const table = [...document.querySelectorAll('table')].find((t) => t.getClientRects().length > 0);
    const cell = table?.querySelector('tbody td') as HTMLElement;
    const style = getComputedStyle(cell);
    const row = table?.querySelectorAll('tbody tr')[1];
    const textBox = (td: Element) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return range.getBoundingClientRect();
    };
    const [memory, eta] = [row?.children[2], row?.children[3]].map((td) => textBox(td as Element));
    const scale = (table?.getBoundingClientRect().width ?? 1) / (table?.offsetWidth || 1);
    return {
      padding: Number.parseFloat(style.paddingLeft),
      rule: style.borderBottomStyle,
      numberAlign: getComputedStyle(row?.children[2] as Element).textAlign,
      gap: ((eta?.left ?? 0) - (memory?.right ?? 0)) / scale,
    };
  });
}

test('code in the handout prints at a readable size, every line whole', async ({ page }) => {
  test.setTimeout(240_000);
  const course = tempCourse({ 'slides/optimisers.md': DECK });
  await buildSite(course.root, { quiet: true });
  const server = await serve(`${course.root}/dist`);
  try {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(`${server.url}/optimisers/?view=handout`);
    await page.waitForSelector(PAGE.readySelector, { state: 'attached' });
    const code = await page.locator('pre.shiki').evaluate((pre: HTMLElement) => {
      const span = pre.querySelector('.line span') as HTMLElement;
      const scale = pre.getBoundingClientRect().width / pre.offsetWidth;
      return { px: Number.parseFloat(getComputedStyle(span).fontSize) * scale, cut: pre.scrollWidth - pre.clientWidth };
    });
    // An A4 page is 794 CSS px wide: 1 px = 0.75 pt.
    expect(code.px * 0.75, 'code size in pt').toBeGreaterThanOrEqual(8);
    expect(code.cut, 'code cut off on the right').toBeLessThanOrEqual(1);
  } finally {
    await server.close();
    course.done();
  }
});

test('a table reads well on the slide, in the handout and in reading mode', async ({ page }) => {
  test.setTimeout(240_000);
  const course = tempCourse({ 'slides/optimisers.md': DECK });
  await buildSite(course.root, { quiet: true });
  const server = await serve(`${course.root}/dist`);
  try {
    const views = [
      { name: 'slide', url: '/optimisers/#/1/0', viewport: { ...SLIDE_SIZE } },
      { name: 'handout', url: '/optimisers/?view=handout', viewport: { width: 794, height: 1123 } },
      { name: 'reading', url: '/optimisers/?view=read#slide-2', viewport: { width: 1280, height: 800 } },
      { name: 'reading on a phone', url: '/optimisers/?view=read#slide-2', viewport: { width: 390, height: 844 } },
    ];
    for (const view of views) {
      await page.setViewportSize(view.viewport);
      await page.goto(`${server.url}${view.url}`);
      await page.waitForSelector(PAGE.readySelector, { state: 'attached' });
      await page.locator('table').first().scrollIntoViewIfNeeded();
      expect(await brokenWords(page), `${view.name}: words broken across lines`).toEqual([]);
      const look = await tableLook(page);
      expect(look.padding, `${view.name}: cell padding`).toBeGreaterThan(3);
      expect(look.rule, `${view.name}: row rule`).not.toBe('none');
      expect(look.numberAlign, `${view.name}: numbers`).toBe('right');
      expect(look.gap, `${view.name}: a number and the next column`).toBeGreaterThanOrEqual(12);
    }
  } finally {
    await server.close();
    course.done();
  }
});
