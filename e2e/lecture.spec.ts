import { DIAGRAM, ERROR_BOX, PAGE, QA } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { diagramsOnCurrentSlide, everyStepOfCurrentSlide } from './slides';

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
    // Issue 15's corrections, as a viewer reads them on the slides.
    corrected: [
      '据 wnma3mz 的笔记',
      '标准的自回归语言建模目标',
      '本部分结论',
      '原因（Yao Fu 据 InstructGPT 论文的 PPO-ptx 推断）',
      '与代码训练相关——但只是相关性',
      '`text-davinci-003` 恢复上下文学习',
    ],
    gone: ['高度相关', '原因（据 InstructGPT 论文）', '保留上下文学习'],
    summary: '小结：代码训练、指令微调与思维链',
    unclassified: '未在笔记中归类',
    englishSource: false,
  },
  {
    slug: 'reasoning-origins-en',
    sections: [],
    mustSay: ['GPT-3', 'SIT vs. SFT', 'correlation', 'code-cushman-001', '77K', '0.4%', '8192', 'PPO-ptx', 'References'],
    corrected: [
      "From wnma3mz's notes",
      'The standard autoregressive language-modelling objective',
      "This part's conclusion",
      "Why (Yao Fu's inference from PPO-ptx in the InstructGPT paper)",
      '**may not be** GPT-3 Initial',
      '## Recap',
      'regains in-context learning',
    ],
    gone: [
      'probably not',
      'supervised tuning: supervised',
      'per the InstructGPT paper',
      'pre-training',
      'What comes next',
      'keeps in-context learning',
    ],
    summary: 'Summary: code training, instruction tuning and CoT',
    unclassified: 'not classified in the note',
    englishSource: true,
  },
];

for (const { slug, sections, mustSay, corrected, gone, summary, unclassified, englishSource } of decks) {
  test.describe(slug, () => {
    test('has every part of the note, with notes on every slide', async ({ page }) => {
      await openDeck(page, slug);
      const slides = page.locator(`${PAGE.slides} section:not(.stack)`);
      expect(await slides.count()).toBeGreaterThanOrEqual(30);
      const text = (await page.locator(PAGE.slides).textContent()) ?? '';
      for (const s of [...sections, ...mustSay]) expect(text, s).toContain(s);
      expect(await page.locator('section.divider').count()).toBeGreaterThanOrEqual(4);
      const withoutNotes = await slides.evaluateAll(
        (all, notes) => all.filter((s) => !s.querySelector(`:scope > ${notes}`)?.textContent?.trim()).map((s) => s.id),
        PAGE.notes,
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
      // The note's author is credited, and S5's objective has its source.
      expect(await page.locator('section a[href*="2005.14165"]').count()).toBeGreaterThan(0);
      if (englishSource) expect(await page.locator('section a[href*="How-does-GPT-Obtain-its-Ability"]').count()).toBeGreaterThan(1);
      await expect(page.locator('.katex').first()).toBeAttached();
      expect(await page.locator(ERROR_BOX.selector).count()).toBe(0);
    });

    test("the lecture's corrections are on the slides (issue 15)", async ({ page }) => {
      await openDeck(page, slug);
      // Markdown markers in the expected strings are matched against the rendered text without them.
      const text = ((await page.locator(PAGE.slides).textContent()) ?? '').replace(/\s+/g, ' ');
      for (const s of corrected) expect(text, s).toContain(s.replace(/\*\*|`|^## /g, ''));
      for (const s of gone) expect(text, s).not.toContain(s);
    });

    test('one summary table gathers Part 2: model × code training × instruction tuning × CoT, marks readable without colour', async ({
      page,
    }) => {
      await openDeck(page, slug);
      const slide = page.locator(`${PAGE.slides} section`, { has: page.locator('h2', { hasText: summary }) });
      await expect(slide).toHaveCount(1);
      const rows = await slide
        .locator('table tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
      expect(rows[0]).toHaveLength(4);
      const body = rows.slice(1);
      expect(body.length).toBeGreaterThanOrEqual(5);
      // Every mark is a symbol and a word, so it reads the same in black and white.
      for (const row of body) for (const cell of row.slice(1)) expect(cell, row.join(' | ')).toMatch(/^[✓✗–－] ?\S+/u);
      const row = (name: string) => body.find((r) => r[0]?.startsWith(name)) ?? [];
      expect(
        row('davinci')
          .slice(1)
          .map((c) => c[0]),
      ).toEqual(['✗', '✗', '✗']);
      expect(
        row('code-davinci-002')
          .slice(1)
          .map((c) => c[0]),
      ).toEqual(['✓', '✓', '✓']);
      // Every model that can do CoT was trained on code.
      for (const r of body) if (r[3]?.startsWith('✓')) expect(r[1]?.[0], r.join(' | ')).toBe('✓');
      await expect(slide.locator(`:scope > ${PAGE.notes}`)).not.toBeEmpty();
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
        // Steps become fragments once the diagram is drawn: show them all, as after stepping through.
        await everyStepOfCurrentSlide(page);
        const figure = page.locator(`section.present ${DIAGRAM.selector}`);
        await expect(figure).toHaveAttribute(DIAGRAM.stateAttr, 'rendered');
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
        await expect(page.locator('section.present .legend .unc')).toHaveText(unclassified);
        // Codex Initial is drawn in the legend's third style, the others in one of the first two.
        await expect(figure.locator('g.node.unclassified')).toContainText('Codex Initial');
        await expect(figure.locator('g.node.cot')).toHaveCount(4);
        await expect(figure.locator('g.node.nocot')).toHaveCount(2);
        // The red box is solid, also around a node the legend draws dashed.
        const dashes = await figure
          .locator('.lecternHl > rect, .lecternHl > path, .lecternHl > polygon')
          .evaluateAll((shapes) => shapes.map((e) => getComputedStyle(e).strokeDasharray));
        expect(dashes.every((d) => d === 'none')).toBe(true);
        // As in the figures, both GPT-3 branches join and one arrow leads into code-davinci-002.
        const merge = await figure.evaluate((fig, fragment) => {
          const svg = fig.querySelector('svg');
          if (!svg) return null;
          const box = (id: string) =>
            [...svg.querySelectorAll('g.node')].find((g) => new RegExp(`-flowchart-${id}-\\d+$`).test(g.id))?.getBoundingClientRect();
          const near = (p: DOMPoint, r: DOMRect | undefined) =>
            !!r && Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom)) < 16;
          const edge = (from: string, to: string) => {
            const path = svg.querySelector<SVGPathElement>(`path[data-id^="L_${from}_${to}_"]`);
            const m = path?.getScreenCTM();
            if (!path || !m) return null;
            const at = (l: number) => {
              const q = path.getPointAtLength(l);
              return new DOMPoint(q.x, q.y).matrixTransform(m);
            };
            const [a, b] = [at(0), at(path.getTotalLength())];
            const style = getComputedStyle(path);
            return {
              joins: near(a, box(from)) && near(b, box(to)),
              // Drawn, and (on the overview, all steps shown) not in a step still to come.
              seen: path.getTotalLength() > 10 && !path.closest(`${fragment}:not(.visible)`),
              headAtStart: (path.getAttribute('marker-start') ?? 'none') !== 'none' && style.markerStart !== 'none',
              headAtEnd: (path.getAttribute('marker-end') ?? 'none') !== 'none' && style.markerEnd !== 'none',
            };
          };
          return { codex: edge('codex', 'merge'), instruct: edge('instruct', 'merge'), into: edge('cd002', 'merge') };
        }, PAGE.fragment);
        expect(merge, id).toEqual({
          codex: { joins: true, seen: true, headAtStart: false, headAtEnd: false },
          instruct: { joins: true, seen: true, headAtStart: false, headAtEnd: false },
          // Written code-davinci-002 <--> merge for the layout; only the head at code-davinci-002 is drawn.
          into: { joins: true, seen: true, headAtStart: true, headAtEnd: false },
        });
      }
      // The overview has no highlight; figures 2, 3, 4 and the ICL ⇌ dialogue slide each box their own group.
      expect(highlights[0]).toBe('');
      expect(new Set(highlights.slice(1)).size).toBe(4);
      expect(highlights.slice(1).every((h) => h.length > 0)).toBe(true);
    });

    test('the overview builds the tree step by step', async ({ page }) => {
      await openDeck(page, slug, '?transition=none');
      const id = await page.locator(`section:has(${DIAGRAM.selector}[${DIAGRAM.stepsAttr}*="gpt3"])`).first().getAttribute('id');
      await page.evaluate((sid) => {
        const deck = window.lectern?.deck;
        const slide = sid ? document.getElementById(sid) : null;
        if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, -1);
      }, id);
      await diagramsOnCurrentSlide(page);
      const hidden = page.locator(`section.present ${DIAGRAM.step}:not(.visible)`);
      const counts = [await hidden.count()];
      // Four groups: the first (GPT-3 Initial) shows with the slide, then three steps.
      expect(counts[0]).toBe(3);
      for (let i = 0; i < 3; i++) {
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
  const steps = page.locator(`section.present ${PAGE.fragment}`);
  const total = await steps.count();
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(0);
  for (let i = 1; i <= total; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(i);
  }
  await expect(steps.first()).toContainText('Q');
  await expect(steps.nth(1)).toContainText('任务描述');
});

test('a bare "A：" before its list appears with the first point, never alone (issue 19.8)', async ({ page }) => {
  await openDeck(page, 'reasoning-origins', '?transition=none');
  const id = await page.locator('section', { hasText: 'SIT 与 SFT' }).last().getAttribute('id');
  await page.goto(`/reasoning-origins/?transition=none#/${id}`);
  await page.waitForSelector(PAGE.readySelector);
  const label = page.locator(`section.present p${QA.answerLabel}`);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(1);
  await expect(label).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(label).toBeVisible();
  await expect(page.locator('section.present li.fragment.visible')).toHaveCount(1);
});
