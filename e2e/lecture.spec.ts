import { DIAGRAM, PAGE } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { diagramsOnCurrentSlide } from './slides';

const MODELS = [
  'davinci',
  'code-davinci-001',
  'code-cushman-001',
  'davinci-instruct-beta',
  'text-davinci-001',
  'code-davinci-002',
  'text-davinci-002',
  'text-davinci-003',
  'ChatGPT',
];
const EDGE_LABELS = [
  'Large-scale language model pretraining',
  'Training on code',
  'Instruction tuning',
  'Supervised instruction tuning',
  'RLHF',
];

const decks = [
  {
    slug: 'reasoning-origins',
    sections: ['一、GPT-3 的能力', '二、复杂推理能力来自代码数据？', '三、复杂推理能力：激发还是注入？', '四、ICL ⇌ 对话能力'],
    mustSay: ['GPT-3 的三种能力', 'SIT 与 SFT', '相关性，不是因果性', 'code-cushman-001', '77K', '0.4%', '8192', 'PPO-ptx', '参考文献'],
  },
  {
    slug: 'reasoning-origins-en',
    sections: [],
    mustSay: ['GPT-3', 'SIT vs. SFT', 'correlation', 'code-cushman-001', '77K', '0.4%', '8192', 'PPO-ptx', 'References'],
  },
];

for (const { slug, sections, mustSay } of decks) {
  test.describe(slug, () => {
    test('has every part of the note, with notes on every slide', async ({ page }) => {
      await openDeck(page, slug);
      const slides = page.locator('.reveal .slides section:not(.stack)');
      expect(await slides.count()).toBeGreaterThanOrEqual(30);
      const text = (await page.locator('.reveal .slides').textContent()) ?? '';
      for (const s of [...sections, ...mustSay]) expect(text, s).toContain(s);
      expect(await page.locator('section.divider').count()).toBeGreaterThanOrEqual(4);
      const withoutNotes = await slides.evaluateAll((all) =>
        all.filter((s) => !s.querySelector(':scope > aside.notes')?.textContent?.trim()).map((s) => s.id),
      );
      expect(withoutNotes).toEqual([]);
      // Every link of the note is on the references slides.
      for (const href of [
        'yaofu.notion.site',
        '2201.11903',
        'peterjliu',
        '2211.09110',
        'yf1icZHC-l9',
        '2204.02311',
        '2203.02155',
        '2210.07128',
        '2305.07922',
      ]) {
        expect(await page.locator(`section a[href*="${href}"]`).count(), href).toBeGreaterThan(0);
      }
      await expect(page.locator('.katex').first()).toBeAttached();
      expect(await page.locator('.lectern-error').count()).toBe(0);
    });

    test('the lineage diagram: every model and edge label, built up step by step, each figure highlighting its own group', async ({
      page,
    }) => {
      await openDeck(page, slug, '?transition=none');
      const diagramSlides = await page.locator(`section:has(${DIAGRAM.selector})`).evaluateAll((all) => all.map((s) => s.id));
      expect(diagramSlides.length).toBe(5);
      const highlights: string[] = [];
      for (const id of diagramSlides) {
        await page.evaluate((sid) => {
          const deck = window.lectern?.deck;
          const slide = document.getElementById(sid);
          if (deck && slide) {
            const { h, v } = deck.getIndices(slide);
            deck.slide(h, v, Number.MAX_SAFE_INTEGER);
          }
        }, id);
        await diagramsOnCurrentSlide(page);
        const figure = page.locator(`section.present ${DIAGRAM.selector}`);
        await expect(figure).toHaveAttribute('data-state', 'rendered');
        // Mermaid wraps long labels into lines: read every text node back as words.
        const svgText = await figure.locator('svg').evaluate((svg) => {
          const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
          const words: string[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('style')) words.push(n.textContent ?? '');
          return words.join(' ').replace(/\s+/g, ' ');
        });
        for (const name of [...MODELS, ...EDGE_LABELS, 'LM + code training then instruction tuning'])
          expect(svgText, `${id}: ${name}`).toContain(name);
        const hl = await figure.locator('.lecternHl').evaluateAll((els) =>
          els
            .map((e) => e.textContent?.trim() ?? '')
            .sort()
            .join(' | '),
        );
        highlights.push(hl);
        await expect(page.locator('section.present .legend .cot')).toBeVisible();
        await expect(page.locator('section.present .legend .nocot')).toBeVisible();
      }
      // The overview has no highlight; figures 2, 3, 4 and the ICL ⇌ dialogue slide each box their own group.
      expect(highlights[0]).toBe('');
      expect(new Set(highlights.slice(1)).size).toBe(4);
      expect(highlights.slice(1).every((h) => h.length > 0)).toBe(true);
    });

    test('the overview builds the tree step by step', async ({ page }) => {
      await openDeck(page, slug, '?transition=none');
      const id = await page.locator(`section:has(${DIAGRAM.selector}[data-steps*="gpt3"])`).first().getAttribute('id');
      await page.evaluate((sid) => {
        const deck = window.lectern?.deck;
        const slide = sid ? document.getElementById(sid) : null;
        if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, -1);
      }, id);
      await diagramsOnCurrentSlide(page);
      const hidden = page.locator(`section.present ${DIAGRAM.step}:not(.visible)`);
      const counts = [await hidden.count()];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => hidden.count()).toBeLessThan(counts.at(-1) ?? 0);
        counts.push(await hidden.count());
      }
      expect(counts.at(-1)).toBe(0);
    });
  });
}

test('Q&A on instruction tuning steps question, answer, then each point', async ({ page }) => {
  await openDeck(page, 'reasoning-origins', '?transition=none');
  const id = await page.locator('section', { hasText: 'SIT 与 SFT' }).last().getAttribute('id');
  await page.goto(`/reasoning-origins/?transition=none#/${id}`);
  await page.waitForSelector(PAGE.readySelector);
  const steps = page.locator('section.present .fragment');
  const total = await steps.count();
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(page.locator('section.present .fragment.visible')).toHaveCount(0);
  for (let i = 1; i <= total; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('section.present .fragment.visible')).toHaveCount(i);
  }
  await expect(steps.first()).toContainText('Q');
  await expect(steps.nth(1)).toContainText('A');
});
