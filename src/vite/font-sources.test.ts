import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uiCharacters } from '../model/ui-strings.js';
import { fontCodePoints, MAIN_SOURCE, missingGlyphs, sourcesOf } from './font-sources.js';
import { characters, facesToFiles, glyphDiagnostics, planCourseFonts } from './fonts.js';

const cache = mkdtempSync(join(tmpdir(), 'lectern-font-sources-test-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('font sources: every character from a bundled slice that has it', () => {
  it('takes symbols the main slice lacks (→ ✓ ● ≤ ▲) from the Noto Sans SC slices that have them, ✗ from Symbols 2', async () => {
    const found = await sourcesOf('中A→✓●≤▲✗');
    expect(found.get('中')).toBe(MAIN_SOURCE);
    expect(found.get('A')).toBe(MAIN_SOURCE);
    for (const c of '→✓●≤▲') expect(found.get(c), c).toMatch(/^noto-sans-sc-\d+$/);
    expect(found.get('✗')).toMatch(/^noto-sans-symbols-2-/);
  });

  it('names what no bundled font has, and where it stands in the source', async () => {
    expect(await missingGlyphs('✗▢中 \u200b')).toBe('');
    expect(await missingGlyphs('⇋\u{1F600}a')).toBe('⇋\u{1F600}');
    const [d, ...more] = await glyphDiagnostics('slides/x.md', '# 标题\n\n好 \u{1F600} 好\n');
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: 'glyph-missing', file: 'slides/x.md', line: 3, severity: 'warning' });
    expect(d?.message).toContain('U+1F600');
  });

  /**
   * Lectern's own strings: every character of every UI string in every language is in the cmap of the files
   * a page declares for it, in both weights: read from the subset files made, not from the ranges asked for.
   */
  it("every UI string of every language has a glyph in a page's fonts, both weights", async () => {
    const plan = await planCourseFonts([{ id: 'page', text: '' }], uiCharacters());
    // The space is drawn by the page's own font too (else a system font draws every space: DejaVu in the PDF).
    expect(plan.get('page')?.filter((f) => !f.slice && f.chars.includes(' '))).toHaveLength(2);
    const files = await facesToFiles(plan.get('page') ?? [], 'truetype', cache);
    for (const weight of [400, 700]) {
      const points = new Set<number>();
      for (const f of files.filter((f) => f.weight === weight)) for (const cp of await fontCodePoints(f.source)) points.add(cp);
      const lacking = [...characters(uiCharacters())].filter((c) => !/\s/.test(c) && !points.has(c.codePointAt(0) ?? 0));
      expect(lacking, `weight ${weight}`).toEqual([]);
    }
  }, 120_000);
});
