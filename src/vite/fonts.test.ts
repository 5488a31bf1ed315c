import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../test/helpers.js';
import { UI_STRINGS } from '../model/ui-strings.js';
import { characters, deckText, fontHead, openingText, subsetFor, unicodeRange } from './fonts.js';

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

describe('font subsets', () => {
  it('writes unicode-range as merged runs of code points', () => {
    expect(unicodeRange('ABCE中')).toBe('U+41-43,U+45,U+4E2D');
  });

  it('takes the opening text from the slides a first visit lays out, notes left out', async () => {
    const deck = await compile('---\ntitle: 标题\n---\n\n# 一\n\nNote: 注释\n\n---\n\n## 二\n\n---\n\n## 三\n\n---\n\n## 四\n');
    const text = openingText(deck);
    expect(text).toContain('一');
    expect(text).toContain('三');
    expect(text).toContain('标题');
    expect(text).not.toContain('四');
    expect(text).not.toContain('注释');
  });

  it("a Chinese deck's subsets hold the runtime's Chinese labels, in the opening part; an English deck's do not", async () => {
    const zh = await compile('---\ntitle: 标题\nlang: zh-CN\n---\n\n# 一\n');
    const en = await compile('---\ntitle: Title\nlang: en\n---\n\n# One\n');
    const labels = Object.values(UI_STRINGS.zh).join('');
    for (const text of [openingText(zh), deckText(zh, '# 一')]) for (const c of labels) expect(text, c).toContain(c);
    expect(openingText(en)).not.toContain('阅');
    expect(deckText(en, '# One')).not.toContain('阅');
  });

  it('splits each weight in two files with disjoint ranges that cover every character', async () => {
    const all = '开场白的文字。后面才出现的字';
    const files = await subsetFor('split-test', all, cache, '开场白的文字。');
    expect(files.map((f) => [f.weight, !!f.rest])).toEqual([
      [400, false],
      [400, true],
      [700, false],
      [700, true],
    ]);
    const [near, rest] = [covered(files[0]?.unicodeRange ?? ''), covered(files[1]?.unicodeRange ?? '')];
    for (const cp of near) expect(rest.has(cp)).toBe(false);
    for (const c of characters(all)) expect(near.has(c.codePointAt(0) ?? 0) || rest.has(c.codePointAt(0) ?? 0)).toBe(true);
    expect(rest.has('后'.codePointAt(0) ?? 0)).toBe(true);
    expect(near.has('A'.codePointAt(0) ?? 0)).toBe(true);

    const head = fontHead(files, (name) => `/f/${name}`);
    expect(head.match(/@font-face/g)).toHaveLength(4);
    expect(head.match(/unicode-range:/g)).toHaveLength(4);
    // Only the regular weight's opening file is preloaded.
    expect(head.match(/rel="preload"/g)).toHaveLength(1);
    expect(head).toContain(`href="/f/${files[0]?.fileName}"`);
  }, 60_000);

  it('keeps one file per weight, without unicode-range, when the opening shows every character', async () => {
    const files = await subsetFor('whole-test', '全部都在开场', cache, '全部都在开场');
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.unicodeRange === undefined && !f.rest)).toBe(true);
  }, 60_000);
});
