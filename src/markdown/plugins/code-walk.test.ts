import { describe, expect, it } from 'vitest';
import { compile, dom } from '../../../test/helpers.js';
import { WALK, walkStepCss } from '../../model/page.js';
import type { Deck } from '../../model/types.js';
import { renderDeckPage } from '../html.js';

const deck = (...body: string[]) => compile(['---', 'title: T', '---', ...body].join('\n'));
/** Every slide's HTML (a deck cut at headings starts with a title slide). */
const all = (d: Deck) => d.slides.map((s) => s.html).join('\n');

/** Per line of the slide's first walkthrough: its text and the groups that highlight it. */
function lines(html: string, n = 0) {
  const walk = dom(html).querySelectorAll(WALK.selector)[n];
  return {
    steps: [...(walk?.querySelectorAll(WALK.step) ?? [])].map((s) => s.getAttribute(WALK.stepAttr)),
    lines: [...(walk?.querySelectorAll('.line') ?? [])].map((l) => [l.textContent, l.getAttribute(WALK.groupsAttr)]),
    labels: [...(walk?.querySelectorAll(`[${WALK.labelAttr}]`) ?? [])].map((l) => [l.textContent, l.getAttribute(WALK.labelAttr)]),
    numbered: walk?.querySelector('pre')?.classList.contains(WALK.numbersClass),
    highlighted: !!walk?.querySelector('pre span[style*="color"]'),
  };
}

describe('code walkthroughs', () => {
  it('Slidev {1|3-4|6}: one fragment per later step, each line lists its groups, highlighted by Shiki, no numbers', async () => {
    const d = await deck('## Steps', '', '```js {1|3-4|6}', 'const a = 1;', '', 'let b = a', '  + 1;', '', 'f(b);', '```');
    const w = lines(all(d));
    expect(w.steps).toEqual(['2', '3']);
    expect(w.lines).toEqual([
      ['const a = 1;', '1'],
      ['', ''],
      ['let b = a', '2'],
      ['  + 1;', '2'],
      ['', ''],
      ['f(b);', '3'],
    ]);
    expect(w.labels).toEqual([
      ['const a = 1;', '1'],
      ['let b = a', '2'],
      ['f(b);', '3'],
    ]);
    expect(w.numbered).toBe(false);
    expect(w.highlighted).toBe(true);
    // The steps are plain fragments (no index): they step in document order with the slide's other fragments.
    expect(dom(all(d)).querySelector(`${WALK.step}[data-fragment-index]`)).toBeNull();
    expect(d.diagnostics).toEqual([]);
    expect(d.walkGroups).toBe(3);
  });

  it('reveal [1|2-3] and Quarto code-line-numbers are numbered; an empty first group shows every line first', async () => {
    const d = await deck(
      '## R',
      '',
      '```python [712: 1|2-3]',
      'a = 1',
      'b = 2',
      'c = 3',
      '```',
      '',
      '```{.r code-line-numbers="|2"}',
      'x <- 1',
      'y <- 2',
      '```',
    );
    const reveal = lines(all(d), 0);
    expect(reveal.numbered).toBe(true);
    expect(reveal.lines.map((l) => l[1])).toEqual(['1', '2', '2']);
    const pre = dom(all(d)).querySelector('pre');
    expect(pre?.getAttribute('style')).toContain(`counter-reset:${WALK.counter} 711`);
    const quarto = lines(all(d), 1);
    expect(quarto).toMatchObject({ numbered: true, highlighted: true, steps: ['2'] });
    expect(quarto.lines).toEqual([
      ['x <- 1', '1'],
      ['y <- 2', '1 2'],
    ]);
    // The group of every line is not marked in reading mode; the later group is.
    expect(quarto.labels).toEqual([['y <- 2', '2']]);
  });

  it("reveal.js's raw <pre><code data-line-numbers> becomes the same walkthrough, its entities decoded and data-trim applied", async () => {
    const d = await deck(
      '## Raw',
      '',
      '<pre><code class="language-js" data-trim data-line-numbers="1|2">',
      '  if (a &lt; b)',
      '    f();',
      '</code></pre>',
    );
    const w = lines(all(d));
    expect(w).toMatchObject({ numbered: true, highlighted: true, steps: ['2'] });
    expect(w.lines).toEqual([
      ['if (a < b)', '1'],
      ['  f();', '2'],
    ]);
    expect(d.diagnostics).toEqual([]);
  });

  it("reveal-md's <!-- .element: data-line-numbers --> after a fence steps it too", async () => {
    const d = await deck('## E', '', '```js', 'a();', 'b();', '```', '<!-- .element: data-line-numbers="1|2" -->');
    expect(lines(all(d))).toMatchObject({ steps: ['2'], numbered: true, highlighted: true });
    expect(all(d)).not.toContain('data-line-numbers');
    expect(d.diagnostics).toEqual([]);
  });

  it('a raw block it cannot read (tags inside the code) is shown as written, with a warning', async () => {
    const d = await deck('## Raw', '', '<pre><code data-noescape data-line-numbers="1|2">a <mark>b</mark>', 'c</code></pre>');
    expect(all(d)).toContain('<mark>b</mark>');
    expect(d.diagnostics.map((x) => [x.code, x.line])).toEqual([['dialect-line-numbers', 6]]);
  });

  it('ranges past the end or malformed: a warning at the fence line with a hint, the code and the other slides intact', async () => {
    const d = await deck('## One', '', '```js {1|3-9|x}', 'a();', 'b();', 'c();', '```', '', '---', '', '## Two', '', 'fine');
    expect(d.diagnostics.map((x) => `${x.code} ${x.file}:${x.line}: ${x.message}`)).toEqual([
      'code-line-range slides/deck.md:6: `3-9` in the line steps `1|3-9|x` is past the end of the code: it has 3 lines (1-3)',
      'code-line-range slides/deck.md:6: `x` in the line steps `1|3-9|x` is not a line or a range of lines',
    ]);
    expect(d.diagnostics[0]?.hint).toContain('1-3');
    const w = lines(all(d));
    expect(w.lines.map((l) => l[1])).toEqual(['1 3', '3', '2 3']);
    expect(all(d)).toContain('fine');
  });

  it('line numbers alone, and a single group (a static highlight) with no steps', async () => {
    const d = await deck('## N', '', '```js showLineNumbers', 'a();', 'b();', '```', '', '```js {2}', 'a();', 'b();', '```');
    const html = dom(all(d));
    const pres = html.querySelectorAll('pre');
    expect(pres[0]?.classList.contains(WALK.numbersClass)).toBe(true);
    expect(pres[0]?.closest(WALK.selector)).toBeNull();
    expect(lines(all(d))).toMatchObject({ steps: [], numbered: false });
    expect(lines(all(d)).lines.map((l) => l[1])).toEqual(['', '1']);
  });

  it("the deck's lineNumbers: true (Slidev) or format code-line-numbers: true (Quarto) numbers every block; {lines:false} opts out", async () => {
    const numbered = (d: Deck) => [...dom(all(d)).querySelectorAll('pre')].map((p) => p.classList.contains(WALK.numbersClass));
    const slidev = await compile(
      [
        '---',
        'title: T',
        'lineNumbers: true',
        '---',
        '',
        '## A',
        '',
        '```js',
        'a();',
        '```',
        '',
        '```js {1}{lines:false}',
        'b();',
        '```',
      ].join('\n'),
    );
    expect(numbered(slidev)).toEqual([true, false]);
    expect(slidev.diagnostics).toEqual([]);
    const quarto = await compile(
      ['---', 'title: T', 'format:', '  revealjs:', '    code-line-numbers: true', '---', '', '## A', '', '```python', 'a = 1', '```'].join(
        '\n',
      ),
    );
    expect(numbered(quarto)).toEqual([true]);
    expect(quarto.diagnostics).toEqual([]);
  });

  it('Slidev options Lectern cannot honour (at, maxHeight) are a warning; the steps still work', async () => {
    const d = await deck('## A', '', "```js {1|2}{at:2,maxHeight:'80px'}", 'a();', 'b();', '```');
    expect(d.diagnostics.map((x) => [x.code, x.line, x.message])).toEqual([
      ['code-option-ignored', 6, 'code block options `at`, `maxHeight` are not supported and are left out'],
    ]);
    expect(lines(all(d)).steps).toEqual(['2']);
  });

  it('plain code fences and Mermaid are untouched', async () => {
    const d = await deck('## P', '', '```js', 'a();', '```', '', '```mermaid', 'flowchart LR', '  a --> b', '```');
    expect(d.slides[0]?.html).not.toContain(WALK.className);
    expect(d.walkGroups).toBeUndefined();
  });

  it('the page carries the step rules, for at least as many groups as its longest walkthrough', async () => {
    const d = await deck(
      '## Many',
      '',
      `\`\`\`js {${Array.from({ length: 14 }, (_, i) => i + 1).join('|')}}`,
      ...Array.from({ length: 14 }, (_, i) => `f(${i});`),
      '```',
    );
    const page = renderDeckPage(d, { runtime: '/x.js' });
    expect(page).toContain(walkStepCss(14));
    expect(walkStepCss(14)).toContain(`[${WALK.stepAttr}="14"].visible`);
    expect(walkStepCss(3)).toContain(`[${WALK.groupsAttr}~="12"]`);
  });
});
