import { ERROR_BOX, PAGE, QA } from '../src/model/page';
import { expect, openDeck, test } from './fixtures';
import { type Cell, dataTables, expectCell, LINKS, label, TABLE1, TABLE2, TABLE3 } from './lecture2-data';

/**
 * The series' second lecture (slides/reasoning-origins-2.md and its English edition), against what the post
 * and its figures hold: the tables as the figures print them, the marking readable as text and true to the
 * paper's rule, the ICL score typeset, the Q&As stepping, the phase-change figure, and the two lectures linked.
 */

for (const slug of ['reasoning-origins-2', 'reasoning-origins-2-en']) {
  const zh = slug === 'reasoning-origins-2';
  const part1 = zh ? 'reasoning-origins' : 'reasoning-origins-en';

  test.describe(slug, () => {
    test('every part of the post in order, dividers, notes of several sentences on every slide, every link', async ({ page }) => {
      await openDeck(page, slug);
      const slides = page.locator(`${PAGE.slides} section:not(.stack)`);
      expect(await slides.count()).toBeGreaterThanOrEqual(20);
      const dividers = await page.locator('section.divider h2').allTextContents();
      expect(dividers).toEqual(
        zh
          ? ['一、预训练数据的多样性', '二、模型架构 —— Attention']
          : ['1. Diversity of the pre-training data', '2. Model architecture: attention'],
      );
      // The post's parts, in its order.
      const headings = (await page.locator(`${PAGE.slides} section:not(.stack) > h2`).allTextContents()).join('\n');
      const parts = zh
        ? [
            '引子',
            '预训练数据的多样性',
            '语料库的来源',
            '语料库的多样性',
            '语料库的大小',
            '模型架构',
            '评测分数',
            '怎么理解这个评测指标',
            '为什么看差值',
            '相变',
            '为什么是 Attention',
            '小结',
            '参考文献',
          ]
        : [
            'Prologue',
            'Diversity of the pre-training data',
            'Where the corpus comes from',
            'Diversity of the corpus',
            'Size of the corpus',
            'Model architecture',
            'ICL score',
            'How to read this score',
            'why the difference',
            'phase change',
            'why attention',
            'Summary',
            'References',
          ];
      let at = -1;
      for (const part of parts) {
        const next = headings.indexOf(part, at + 1);
        expect(next, `"${part}" after the part before it`).toBeGreaterThan(at);
        at = next;
      }
      // Notes on every slide, each at least two sentences.
      const notes = await slides.evaluateAll(
        (all, sel) => all.map((s) => ({ id: s.id, text: s.querySelector(`:scope > ${sel}`)?.textContent?.trim() ?? '' })),
        PAGE.notes,
      );
      for (const { id, text } of notes) {
        const sentences = text.split(zh ? /[。？！]/ : /[.?!](?:\s|$)/).filter((s) => s.trim().length > 8);
        expect(sentences.length, `${id}: notes of 2-6 sentences`).toBeGreaterThanOrEqual(2);
        expect(sentences.length, `${id}: notes of 2-6 sentences`).toBeLessThanOrEqual(zh ? 6 : 8);
      }
      // Every link of the post, in the deck and on the references slide.
      const refs = page.locator('section', { has: page.locator('h2', { hasText: zh ? '参考文献' : 'References' }) });
      for (const href of LINKS) {
        await expect(refs.locator(`a[href="https://${href}"]`), href).toHaveCount(1);
        await expect(refs.locator(`a[href="https://${href}"]`)).toHaveAttribute('target', '_blank');
      }
      // The title slide credits the note's author and the papers.
      const title = page.locator('section.title');
      await expect(title).toContainText('wnma3mz');
      // …once: the front matter's author is not added again under a byline that already names them.
      const shown = (await title.locator(':scope > :not(aside)').allTextContents()).join(' ');
      expect(shown.match(/wnma3mz/g)).toHaveLength(1);
      for (const who of ['Dong et al.', 'Shin et al.', 'Olsson et al.']) await expect(title).toContainText(who);
      expect(await page.locator(ERROR_BOX.selector).count()).toBe(0);
    });

    test('the tables hold every number of the figures, with the marking as text and true to the rule', async ({ page }) => {
      await openDeck(page, slug);
      const tables = await dataTables(page);
      expect(tables.length).toBe(4);
      const [t1a = [], t1b = [], t2 = [], t3 = []] = tables;
      // Table 1 (split over two slides), table 2, table 3: every row and cell, in order.
      const byLabel = (rows: readonly Cell[][]) => new Map(rows.map((r) => [label(r[0]?.text ?? ''), r.slice(1)]));
      for (const [name, expected, rows] of [
        ['table 1', TABLE1, [...t1a, ...t1b]],
        ['table 2', TABLE2, t2],
        ['table 3', TABLE3, t3],
      ] as const) {
        expect(
          rows.map((r) => label(r[0]?.text ?? '')),
          name,
        ).toEqual(Object.keys(expected));
        const got = byLabel(rows);
        for (const [row, cells] of Object.entries(expected)) {
          expect(got.get(row)?.length, `${name} ${row}`).toBe(cells.length);
          for (const [i, c] of cells.entries()) expectCell(`${name} ${row} col ${i + 2}`, got.get(row)?.[i], c);
        }
      }
      // The paper's rule, checked on the deck's own cells: ▲ exactly when above the mean of ALL and Majority.
      const all = byLabel(t1a).get('ALL') ?? [];
      const majority = byLabel(t1a).get('Majority') ?? [];
      let marked = 0;
      for (const rows of [t1a, t1b, t2])
        for (const row of rows)
          row.slice(3).forEach((cell, i) => {
            const m = /^([▲▼])(\d+\.\d+)$/.exec(cell.text);
            if (!m) return;
            marked++;
            const mean = (Number(all[i + 2]?.text) + Number(majority[i + 2]?.text)) / 2;
            expect(m[1], `${row[0]?.text} ${cell.text} vs mean ${mean}`).toBe(Number(m[2]) > mean ? '▲' : '▼');
          });
      expect(marked).toBe(12 * 6 + 5 * 6);
      // Readable without colour: the key under each marked table says what ▲ and ▼ mean.
      const keys = await page
        .locator('section:has(table.data strong)')
        .evaluateAll((all) => all.map((s) => [...s.querySelectorAll('.table-key')].map((k) => k.textContent ?? '').join(' ')));
      expect(keys.length).toBe(3);
      for (const key of keys) expect(key).toMatch(zh ? /▲ 粗体：高于.*平均值.*▼：低于/s : /▲ bold: above the average.*▼: below/s);
    });

    test('the ICL score is typeset by KaTeX, as the paper defines it', async ({ page }) => {
      await openDeck(page, slug, '?transition=none');
      const slide = page.locator('section', { has: page.locator('h2', { hasText: 'ICL score' }) });
      const id = await slide.getAttribute('id');
      await page.evaluate((sid) => {
        const deck = window.lectern?.deck;
        const el = sid ? document.getElementById(sid) : null;
        if (deck && el) deck.slide(deck.getIndices(el).h, 0);
      }, id);
      await expect(slide).toHaveClass(/present/);
      const display = slide.locator('.katex-display');
      await expect(display).toHaveCount(1);
      await expect(slide.locator(`.katex-error, ${ERROR_BOX.selector}`)).toHaveCount(0);
      const tex = (await display.locator('annotation[encoding="application/x-tex"]').textContent()) ?? '';
      for (const part of ['S_{\\mathrm{ICL}}', '\\frac{1}{N}', '\\ell^{(i)}_{500} - \\ell^{(i)}_{50}', '-\\log p_\\theta'])
        expect(tex).toContain(part);
      // Drawn with KaTeX's fonts, not shown as TeX source.
      expect(await display.locator('.katex-html').textContent()).toContain('500');
      expect(await display.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(40);
    });

    test('the two Q&As step: question, answer, then each point', async ({ page }) => {
      await openDeck(page, slug, '?transition=none');
      const ids = await page.locator(`section:has(${QA.question})`).evaluateAll((all) => all.map((s) => s.id));
      expect(ids.length).toBe(2);
      for (const id of ids) {
        await page.evaluate((sid) => {
          const deck = window.lectern?.deck;
          const slide = document.getElementById(sid);
          if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, -1);
        }, id);
        const steps = page.locator(`section.present ${PAGE.fragment}`);
        const total = await steps.count();
        expect(total, id).toBeGreaterThanOrEqual(3);
        await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(0);
        // A bare "A：" comes with the answer's first point, never alone as a step of its own.
        const label = page.locator(`section.present ${QA.answer}`).first();
        for (let i = 1; i <= total; i++) {
          await page.keyboard.press('ArrowRight');
          await expect(page.locator(`section.present ${PAGE.fragment}.visible`)).toHaveCount(i);
          if (i === 1) await expect(label).toBeHidden();
        }
        await expect(steps.first()).toContainText(/^Q[:：]/);
        await expect(label).toBeVisible();
        await expect(label).toContainText(/^A[:：]/);
      }
    });

    test('the phase-change figure loads, described and credited', async ({ page }) => {
      await openDeck(page, slug, '?transition=none');
      const img = page.locator('section img[src*="induction-heads-phase-change"]');
      await expect(img).toHaveCount(1);
      const id = await page.locator('section:has(img[src*="induction-heads-phase-change"])').getAttribute('id');
      await page.evaluate((sid) => {
        const deck = window.lectern?.deck;
        const slide = sid ? document.getElementById(sid) : null;
        if (deck && slide) deck.slide(deck.getIndices(slide).h, 0);
      }, id);
      await expect(img).toBeVisible();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1634);
      const alt = (await img.getAttribute('alt')) ?? '';
      expect(alt.length).toBeGreaterThan(150);
      for (const word of zh
        ? ['一层', '两层', '三层', 'ICL 分数', '相变', '−0.42']
        : ['one-', 'two-', 'three-layer', 'in-context learning score', 'phase change', '−0.42'])
        expect(alt).toContain(word);
      await expect(page.locator('section.present .credit')).toContainText('Olsson et al., 2022, Anthropic');
      const box = await img.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(600);
    });

    test('the two lectures link to each other', async ({ page }) => {
      // Part I's closing slide (before the references) leads here…
      await openDeck(page, part1);
      const next = page.locator(`section a[href="../${slug}/"]`);
      await expect(next).toHaveCount(1);
      await expect(next).toContainText(zh ? 'LLM 复杂推理的来源分析 II' : 'Part II');
      await page.goto(`/${part1}/${await next.getAttribute('href')}`);
      await page.waitForSelector(PAGE.readySelector);
      await expect(page.locator('section.title h1')).toContainText(zh ? 'LLM 复杂推理的来源分析 II' : 'Part II');
      // …and this lecture links back (title slide, summary, references), the post's own post_link resolved.
      const back = page.locator(`section a[href="../${part1}/"]`);
      expect(await back.count()).toBeGreaterThanOrEqual(3);
      await page.goto(`/${slug}/${await back.first().getAttribute('href')}`);
      await page.waitForSelector(PAGE.readySelector);
      await expect(page.locator('section.title h1')).toHaveText(
        zh ? 'LLM 复杂推理的来源分析 I' : 'Where LLM Complex Reasoning Comes From, Part I',
      );
    });

    test('reading mode on a phone: tables scroll inside themselves, the figure and formula fit', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openDeck(page, slug, '?view=read');
      const width = await page.evaluate(() => innerWidth);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expect(page.locator('.lectern-table-scroll table.data')).toHaveCount(4);
      for (const wrap of await page.locator('.lectern-table-scroll').all()) {
        const r = await wrap.boundingBox();
        expect((r?.x ?? 0) + (r?.width ?? 0)).toBeLessThanOrEqual(width);
      }
      const img = page.locator('img[src*="induction-heads-phase-change"]');
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      const r = await img.boundingBox();
      expect((r?.x ?? 0) + (r?.width ?? 0)).toBeLessThanOrEqual(width);
      expect(r?.width ?? 0).toBeGreaterThan(250);
      await expect(page.locator('.lectern-commentary')).toHaveCount(await page.locator('.lectern-ritem').count());
      await expect(page.locator('main .katex-display')).toHaveCount(1);
    });
  });
}

test('both editions print the same numbers', async ({ page }) => {
  await openDeck(page, 'reasoning-origins-2');
  const zh = (await dataTables(page)).map((t) => t.map((r) => r.slice(1)));
  await openDeck(page, 'reasoning-origins-2-en');
  const en = (await dataTables(page)).map((t) => t.map((r) => r.slice(1)));
  expect(en).toEqual(zh);
});
