import { describe, expect, it } from 'vitest';
import type { Deck } from '../src/model/types.js';
import { checkDiagrams } from '../src/project/mermaid-check.js';
import { compile, dom, memoryContext, messages } from './helpers.js';

/** A three-slide deck with `bad` on the middle slide, which starts at file line 10. */
const around = (bad: string) => `---\ntitle: T\n---\n# First\n\nfirst text\n\n---\n\n${bad}\n\n---\n\n## Last\n\nlast text\n`;
const BAD_LINE = 10;

/** The first and last slides render as if nothing were wrong. */
function expectNeighboursIntact(deck: Deck): void {
  const first = deck.slides[0];
  const last = deck.slides.at(-1);
  expect(deck.slides.length).toBeGreaterThanOrEqual(3);
  expect(first?.html).toContain('first text');
  expect(last?.html).toContain('last text');
  for (const s of [first, last]) expect(dom(s?.html ?? '').querySelector('.lectern-error')).toBeNull();
}

/** Every diagnostic says where (a line in the file) and what to do. */
function expectHelpful(deck: Deck): void {
  for (const d of deck.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.hint ?? '').not.toBe('');
  }
}

describe('bad input in one slide leaves the others alone', () => {
  it('broken Mermaid: error at the diagram line (from the syntax check), an error box in place in the browser', {
    timeout: 60_000,
  }, async () => {
    const deck = await compile(around('```mermaid\nflowchart LR\n  a --> \n  b -->> ]]\n```'));
    expectNeighboursIntact(deck);
    expect(dom(deck.slides[1]?.html ?? '').querySelector('figure.lectern-diagram')).not.toBeNull();
    const problems = await checkDiagrams(deck);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'slides/deck.md', severity: 'error', message: expect.stringMatching(/^mermaid: /) }),
    ]);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(BAD_LINE);
    expect(problems[0]?.line).toBeLessThanOrEqual(BAD_LINE + 3);
    expect(problems[0]?.hint).toBeTruthy();
  });

  it('bad math: error at its line, a red box on that slide', async () => {
    const deck = await compile(around('$$\\frac{1}{$$\n\nand inline $\\badcommand{x}$ too'));
    expectNeighboursIntact(deck);
    expectHelpful(deck);
    expect(messages(deck)).toEqual([
      expect.stringMatching(/^slides\/deck\.md:10: error: math: /),
      expect.stringMatching(/^slides\/deck\.md:12: error: math: .*badcommand/),
    ]);
    expect(dom(deck.slides[1]?.html ?? '').querySelector('.lectern-error')).not.toBeNull();
  });

  it('a `$$` that never closes: named at its line, the rest of the slide stays Markdown', async () => {
    for (const rest of ['more text that runs on\n\n- an item', 'more text with $x$ inline\n\n- an item']) {
      const deck = await compile(around(`$$\n\\theta = 1\n\n${rest}`));
      expectNeighboursIntact(deck);
      expectHelpful(deck);
      expect(messages(deck)).toEqual(['slides/deck.md:10: error: `$$` opened on line 10 is never closed']);
      const slide = dom(deck.slides[1]?.html ?? '');
      expect(slide.querySelector('.lectern-error')?.textContent).toContain('never closed');
      expect(slide.querySelector('li')?.textContent).toBe('an item');
      expect([...slide.querySelectorAll('p')].some((p) => p.textContent?.startsWith('more text'))).toBe(true);
      expect(slide.querySelector('.katex-display')).toBeNull();
    }
    // One line `$$ x` with no closing either.
    const oneLine = await compile(around('$$ x + y\n\ntext'));
    expect(messages(oneLine)).toEqual(['slides/deck.md:10: error: `$$` opened on line 10 is never closed']);
    // Closed forms stay fine.
    for (const ok of ['$$\nx\n$$', '$$x$$', '$$\nx\ny$$', '- item\n\n  $$\n  x\n  $$'])
      expect((await compile(around(ok))).diagnostics).toEqual([]);
  });

  it('a missing image: error at its line, a box naming the file in place of the picture', async () => {
    const deck = await compile(around('![a tree](../assets/nope.png)'), memoryContext({}, ['deck']));
    expectNeighboursIntact(deck);
    expectHelpful(deck);
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:10: error: image `..\/assets\/nope.png` not found/)]);
    expect(dom(deck.slides[1]?.html ?? '').querySelector('.lectern-error')?.textContent).toContain('nope.png');
  });

  it('a mistyped file, deck or diagram id: the hint names the near match', async () => {
    const ctx = memoryContext(
      {
        'assets/contours.svg': '<svg/>',
        'assets/loop.mmd': '%% The training loop, drawn left to right\nflowchart LR\n  init --> grad --> step',
      },
      ['deck', 'gradient-descent'],
    );
    const deck = await compile(
      around('![contours](../assets/contour.svg)\n\n```mermaid src="lop.mmd" caption="x"\n```\n\n[next](gradient-decsent.md)'),
      ctx,
    );
    expectNeighboursIntact(deck);
    const hints = deck.diagnostics.map((d) => `${d.message} → ${d.hint}`);
    expect(hints).toEqual([
      expect.stringMatching(/^image `..\/assets\/contour.svg` not found → did you mean `..\/assets\/contours.svg`\?/),
      expect.stringMatching(/^link to deck `gradient-decsent` .* → did you mean `gradient-descent.md`\?/),
      expect.stringMatching(/^diagram source `lop.mmd` not found → did you mean `loop.mmd`\?/),
    ]);
    const ids = await compile(around('```mermaid src="loop.mmd" highlight="stepp" caption="x"\n```'), ctx);
    expect(ids.diagnostics.map((d) => `${d.message} → ${d.hint}`)).toEqual([
      'diagram has no node or subgraph `stepp` → did you mean `step`? ids in this diagram: init, grad, step',
    ]);
  });

  it('a code fence that never closes: error at the fence; it does not swallow the slides after it', async () => {
    const deck = await compile(around('```js\nconst x = 1;'));
    expectNeighboursIntact(deck);
    expectHelpful(deck);
    expect(deck.slides).toHaveLength(3);
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:10: error: code block ```js is never closed/)]);
    expect(deck.slides[1]?.html).toContain('const');
  });

  it('a fence whose closing line was forgotten before the next code block: error at the first one', async () => {
    const deck = await compile(around('```js\nconst x = 1;\n\n---\n\n```py\nprint(1)\n```'));
    expect(deck.slides).toHaveLength(4);
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:10: error: code block ```js is never closed/)]);
    expect(deck.slides[2]?.html).toContain('print');
    expect(deck.slides.at(-1)?.html).toContain('last text');
  });

  it('deeply nested lists and quotes: no crash, an error where text is cut', async () => {
    const lists = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    for (const bad of [lists, `${'>'.repeat(5000)} deep`]) {
      const deck = await compile(around(bad));
      expectNeighboursIntact(deck);
      expectHelpful(deck);
      expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:\d+: error: nested more than 50 levels deep/)]);
    }
    // 20 levels is deep but fine.
    const fine = await compile(around(Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')));
    expect(fine.diagnostics).toEqual([]);
  });

  it('bytes that are not UTF-8 (a Latin-1 file): error at the first bad line, the deck still renders', async () => {
    const latin1 = Buffer.from(around('caf\xe9 cr\xe8me'), 'latin1').toString('utf8');
    const deck = await compile(latin1);
    expectNeighboursIntact(deck);
    expectHelpful(deck);
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:10: error: 2 characters are not valid UTF-8/)]);
  });
});

describe('bad front matter', () => {
  it('unclosed: error at line 1 naming where to close it; title kept, no slide swallowed', async () => {
    for (const text of [
      '---\ntitle: Kept\n\n# One\n\ntext one\n\n---\n\n## Two\n\ntext two',
      '---\ntitle: Kept\n\n# One\n\ntext one\n\n## Two\n\ntext two',
    ]) {
      const deck = await compile(text);
      expect(deck.meta.title).toBe('Kept');
      expect(messages(deck)).toEqual(['slides/deck.md:1: error: front matter is never closed']);
      expect(deck.diagnostics[0]?.hint).toContain('after line 3');
      expect(deck.slides.map((s) => s.title)).toEqual(['One', 'Two']);
      expect(deck.slides[0]?.html).toContain('text one');
    }
  });

  it('invalid YAML: error at the YAML line, defaults used, every slide kept', async () => {
    const deck = await compile('---\ntitle: [oops\nauthor: x\n---\n# One\n\n---\n\n## Two');
    expect(messages(deck)).toEqual([expect.stringMatching(/^slides\/deck\.md:[23]: error: front matter: /)]);
    expectHelpful(deck);
    expect(deck.meta.title).toBe('deck');
    expect(deck.slides.map((s) => s.title)).toEqual(['One', 'Two']);
  });

  it('YAML that is not `key: value`: a warning, the deck works with defaults', async () => {
    const deck = await compile('---\n- a\n- b\n---\n# One');
    expect(messages(deck)).toEqual(['slides/deck.md:2: warning: front matter is not a list of `key: value` lines and is ignored']);
    expect(deck.slides[0]?.title).toBe('One');
  });

  it('Windows line endings and a byte-order mark are read like plain UTF-8', async () => {
    for (const text of [
      '---\r\ntitle: T\r\n---\r\n# One\r\n\r\n---\r\n\r\n## Two\r\n',
      '\uFEFF---\ntitle: T\n---\n# One\n\n---\n\n## Two\n',
    ]) {
      const deck = await compile(text);
      expect(deck.meta.title).toBe('T');
      expect(deck.slides.map((s) => s.title)).toEqual(['One', 'Two']);
      expect(deck.diagnostics).toEqual([]);
    }
  });
});

describe('bad files', () => {
  it('an empty file: one slide that says so, error at line 1', async () => {
    for (const text of ['', '\n\n  \n']) {
      const deck = await compile(text);
      expect(messages(deck)).toEqual(['slides/deck.md:1: error: file is empty']);
      expectHelpful(deck);
      expect(dom(deck.slides[0]?.html ?? '').querySelector('.lectern-error')?.textContent).toContain('file is empty');
    }
  });

  it('a file of only front matter: error after it, a slide with the title and the problem', async () => {
    const deck = await compile('---\ntitle: Only\n---\n');
    expect(messages(deck)).toEqual(['slides/deck.md:4: error: deck has no slides']);
    expectHelpful(deck);
    expect(dom(deck.slides[0]?.html ?? '').querySelector('h1')?.textContent).toBe('Only');
  });

  it('binary junk or UTF-16: one error at line 1, one slide that says so', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    const utf16 = Buffer.from('---\ntitle: T\n---\n# One', 'utf16le');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251 || 1));
    for (const bytes of [png, utf16, random]) {
      const deck = await compile(bytes.toString('utf8'));
      expect(messages(deck)).toEqual(['slides/deck.md:1: error: file is not text (binary or UTF-16)']);
      expect(deck.slides).toHaveLength(1);
    }
  });

  it('a 5 MB file compiles in seconds', async () => {
    const para = `${'Lorem ipsum dolor sit amet, **consectetur** adipiscing elit, $x^2$. '.repeat(20)}\n\n`;
    let text = '---\ntitle: Big\n---\n';
    let n = 0;
    while (text.length < 5_000_000) text += `## S${n++}\n\n${para.repeat(4)}\n---\n\n`;
    text += '## The end\n\nlast words';
    const started = performance.now();
    const deck = await compile(text);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(deck.slides).toHaveLength(n + 1);
    expect(deck.slides.at(-1)?.html).toContain('last words');
    expect(deck.diagnostics).toEqual([]);
  }, 60_000);

  it('a 2,000-slide deck compiles in seconds, with exact lines at the end', async () => {
    const slides = Array.from({ length: 2000 }, (_, i) => `## Slide ${i}\n\nText $x_{${i}}$ and **bold**\n\n- a\n- b`);
    slides[1999] = '## Slide 1999\n\n![](../assets/missing.png)';
    const started = performance.now();
    const deck = await compile(`---\ntitle: T\n---\n${slides.join('\n\n---\n\n')}`);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(deck.slides).toHaveLength(2000);
    // Slide i starts at line 4 + 9i; the image is two lines below the heading.
    expect(messages(deck)).toEqual([
      `slides/deck.md:${4 + 9 * 1999 + 2}: warning: image \`../assets/missing.png\` has no alt text`,
      `slides/deck.md:${4 + 9 * 1999 + 2}: error: image \`../assets/missing.png\` not found`,
    ]);
  }, 60_000);
});
