import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../test/helpers.js';
import { FONT_FAMILY, SLIDE_SIZE } from '../model/page.js';
import { UI_STRINGS, uiTexts } from '../model/ui-strings.js';
import { MAIN_SOURCE } from './font-sources.js';
import {
  deckText,
  facesToFiles,
  fontHead,
  openingBoldText,
  openingText,
  type PlannedFace,
  planFonts,
  subsetWhole,
  unicodeRange,
} from './fonts.js';

const cache = mkdtempSync(join(tmpdir(), 'lectern-fonts-test-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** Code points a `unicode-range` value covers. */
function covered(range: string): Set<number> {
  const points = new Set<number>();
  for (const part of range.split(',')) {
    const [a, b] = part
      .replace('U+', '')
      .split('-')
      .map((h) => Number.parseInt(h, 16));
    for (let cp = a ?? 0; cp <= (b ?? a ?? 0); cp++) points.add(cp);
  }
  return points;
}

const cp = (c: string) => c.codePointAt(0) ?? 0;
/** Faces of one weight, and which face covers a character. */
const of = (faces: PlannedFace[] | undefined, weight: number) => (faces ?? []).filter((f) => f.weight === weight);
const coverers = (faces: PlannedFace[], c: string) => faces.filter((f) => covered(f.range).has(cp(c)));

describe('font subsets', () => {
  it('writes unicode-range as merged runs of code points', () => {
    expect(unicodeRange('ABCE中')).toBe('U+41-43,U+45,U+4E2D');
  });

  it('takes the opening text from the slides a first visit lays out, notes left out; bold from headings', async () => {
    const deck = await compile(
      '---\ntitle: 标题\n---\n\n# 一\n\n正文**粗**\n\nNote: 注释\n\n---\n\n## 二\n\n---\n\n## 三\n\n---\n\n## 四\n',
    );
    const text = openingText(deck);
    expect(text).toContain('一');
    expect(text).toContain('三');
    expect(text).toContain('标题');
    expect(text).not.toContain('四');
    expect(text).not.toContain('注释');
    const bold = openingBoldText(deck);
    expect(bold).toContain('粗');
    expect(bold).toContain('二');
    expect(bold).not.toContain('正文');
  });

  it("a Chinese deck's subsets hold the runtime's Chinese labels, in the opening part; an English deck's do not", async () => {
    const zh = await compile('---\ntitle: 标题\nlang: zh-CN\n---\n\n# 一\n');
    const en = await compile('---\ntitle: Title\nlang: en\n---\n\n# One\n');
    const labels = uiTexts(UI_STRINGS.zh)
      .join('')
      .replace(/\{\w+\}/g, '');
    for (const text of [openingText(zh), deckText(zh, '# 一')]) for (const c of labels) expect(text, c).toContain(c);
    expect(openingText(en)).not.toContain('阅');
    expect(deckText(en, '# One')).not.toContain('阅');
  });

  const pages = [
    { id: 'one', text: '开场白的文字。后面才出现的字', opening: { 400: '开场白的文字', 700: '开场' } },
    { id: 'two', text: '第二讲开场。后面的字和新字', opening: { 400: '第二讲开场', 700: '第二讲' } },
  ];
  const plan = planFonts(pages, '目录');

  it('gives every character of a page exactly one face per weight', () => {
    for (const page of pages)
      for (const weight of [400, 700]) {
        const faces = of(plan.get(page.id), weight);
        for (const c of `${page.text}A目`.replace(/\s/g, '')) expect(coverers(faces, c), `${page.id} ${weight} ${c}`).toHaveLength(1);
      }
  });

  it('shares the core and the characters an earlier lecture introduced; a first visit needs only core + opening', () => {
    const one = of(plan.get('one'), 400);
    const two = of(plan.get('two'), 400);
    // "后面的字" were introduced by lecture one: lecture two takes them from lecture one's file.
    const [fromTwo] = coverers(two, '后');
    expect(fromTwo?.rest).toBe(true);
    expect(one.some((f) => f.chars === fromTwo?.chars)).toBe(true);
    // The core (ASCII, the UI's characters) is one file for both.
    expect(coverers(one, 'A')[0]?.chars).toBe(coverers(two, 'A')[0]?.chars);
    expect(coverers(one, '目')[0]?.rest).toBe(false);
    // Opening characters come from a file that is not "rest" (preloaded), the rest from files that are.
    expect(coverers(two, '讲')[0]?.rest).toBe(false);
    expect(coverers(two, '新')[0]?.rest).toBe(true);
    // Bold: only the bold opening is in the first-visit file.
    expect(coverers(of(plan.get('two'), 700), '场')[0]?.rest).toBe(true);
  });

  it('makes the files and declares them, preloading the regular first-visit ones', async () => {
    const files = await facesToFiles(plan.get('one') ?? [], 'woff2', cache);
    expect(files.every((f) => f.source.byteLength > 100 && f.fileName.endsWith('.woff2'))).toBe(true);
    const head = fontHead(files, (name) => `/f/${name}`);
    expect(head.match(/@font-face/g)).toHaveLength(files.length);
    expect(head.match(/rel="preload"/g)).toHaveLength(files.filter((f) => f.weight === 400 && !f.rest).length);
    // The stylesheets' font family and slide size are set here, from the page contract, once per page.
    expect(head).toContain(`--lectern-font:"${FONT_FAMILY}"`);
    expect(head).toContain(`--lectern-slide-width:${SLIDE_SIZE.width}px`);
    // Equal characters, equal file: the second call is the cache.
    const again = await facesToFiles(plan.get('one') ?? [], 'woff2', cache);
    expect(again.map((f) => f.fileName)).toEqual(files.map((f) => f.fileName));
  }, 60_000);

  it('subsets a whole page as TrueType for the dev server: one main file per weight, symbols from other slices', async () => {
    const files = await subsetWhole('全部都在开场', 'truetype', cache);
    const main = files.filter((f) => f.slice === MAIN_SOURCE);
    expect(main.map((f) => f.weight)).toEqual([400, 700]);
    expect(main.every((f) => f.format === 'truetype' && !f.rest)).toBe(true);
    // ✗ (always available to a page) is in no slice of Noto Sans SC: Symbols 2's one file serves both weights.
    const cross = files.filter((f) => covered(f.unicodeRange ?? '').has(cp('✗')));
    expect(cross.map((f) => f.weight)).toEqual([400, 700]);
    expect(cross[0]?.slice).toMatch(/^noto-sans-symbols-2-/);
    expect(cross[0]?.fileName).toBe(cross[1]?.fileName);
    expect(fontHead(files, (n) => n)).toContain("format('truetype')");
  }, 60_000);
});
