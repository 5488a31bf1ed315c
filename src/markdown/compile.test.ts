import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, dom, memoryContext, messages } from '../../test/helpers.js';
import { compileDeck } from './compile.js';

const FM = '---\ntitle: T\n---\n';

describe('Chinese text', () => {
  it('bolds **…** next to CJK punctuation, with no stray asterisks', async () => {
    const deck = await compile(`${FM}它们的区别在于**指令微调（Instruction Tuning）**和**代码训练（Code Training）。**`);
    const html = deck.slides[0]?.html ?? '';
    expect([...dom(html).querySelectorAll('strong')].map((s) => s.textContent)).toEqual([
      '指令微调（Instruction Tuning）',
      '代码训练（Code Training）。',
    ]);
    expect(dom(html).textContent).not.toContain('*');
  });

  it('adds no space at a line break inside Chinese text', async () => {
    const deck = await compile(`${FM}中文换行\n不加空格`);
    expect(dom(deck.slides[0]?.html ?? '').querySelector('p')?.textContent).toBe('中文换行不加空格');
  });
});

describe('math', () => {
  it('is typeset by KaTeX at build time', async () => {
    const deck = await compile(`${FM}Inline $x^2$ and\n\n$$\\sum_t \\log p(x_t)$$`);
    const frag = dom(deck.slides[0]?.html ?? '');
    expect(frag.querySelectorAll('.katex')).toHaveLength(2);
    expect(frag.querySelectorAll('.katex-display')).toHaveLength(1);
    expect(deck.hasMath).toBe(true);
    expect(deck.diagnostics).toEqual([]);
  });

  it('reports a KaTeX error at its line and shows it on that slide only', async () => {
    const deck = await compile(`${FM}# One\n\nfine $a$\n\n---\n\n# Two\n\n$$\\frac{1}{$$`);
    expect(messages(deck)).toEqual([expect.stringMatching(/^slides\/deck\.md:12: error: math: /)]);
    expect(dom(deck.slides[1]?.html ?? '').querySelector('.lectern-error')).not.toBeNull();
    expect(dom(deck.slides[0]?.html ?? '').querySelector('.katex')).not.toBeNull();
  });
});

describe('diagrams', () => {
  const assets = { 'assets/tree.mmd': 'flowchart TB\n  a["A"] --> b["B"]\n  subgraph g["G"]\n    c["C"]\n  end\n  b --> c' };

  it('turns a mermaid fence into a figure drawn in the browser', async () => {
    const deck = await compile(`${FM}\`\`\`mermaid\nflowchart LR\n  x --> y\n\`\`\``);
    const fig = dom(deck.slides[0]?.html ?? '').querySelector('figure.lectern-diagram');
    expect(fig?.getAttribute('data-state')).toBe('pending');
    expect(fig?.querySelector('.lectern-mermaid-src')?.textContent).toContain('x --> y');
    expect(deck.hasMermaid).toBe(true);
  });

  it('reuses a source from assets/ with highlights and steps per slide', async () => {
    const md = `${FM}\`\`\`mermaid src="tree.mmd" highlight="b g" steps="a | b c" caption="Tree"\n\`\`\`\n---\n\`\`\`mermaid src="tree.mmd" highlight="a" caption="Tree again"\n\`\`\``;
    const deck = await compile(md, memoryContext(assets));
    const [one, two] = deck.slides.map((s) => dom(s.html).querySelector('figure.lectern-diagram'));
    expect(JSON.parse(one?.getAttribute('data-highlight') ?? '')).toEqual(['b', 'g']);
    expect(JSON.parse(two?.getAttribute('data-highlight') ?? '')).toEqual(['a']);
    // The same source on both slides, so the browser draws it once.
    expect(one?.querySelector('.lectern-mermaid-src')?.textContent).toBe(two?.querySelector('.lectern-mermaid-src')?.textContent);
    expect(JSON.parse(one?.getAttribute('data-steps') ?? '')).toEqual([['a'], ['b', 'c']]);
    // Steps are declared in the page: group 0 shows with the slide, one fragment span per later group.
    expect([...(one?.querySelectorAll('span.fragment.lectern-diagram-step') ?? [])].map((s) => s.getAttribute('data-step'))).toEqual(['1']);
    expect(two?.querySelectorAll('.lectern-diagram-step')).toHaveLength(0);
    expect(one?.querySelector('.lectern-diagram-svg')?.getAttribute('aria-label')).toBe('Tree');
    expect(one?.id).not.toBe(two?.id);
    expect(deck.diagnostics).toEqual([]);
  });

  it('names a diagram by its caption and describes it from its source, for screen readers', async () => {
    const deck = await compile(
      `${FM}\`\`\`mermaid caption="Flow"\nflowchart LR\n  a[Data] -->|train| b[Model] --> c[Answer]\n\`\`\`\n\n\`\`\`mermaid\nflowchart LR\n  x --> y\n\`\`\``,
    );
    // The drawing is the image (role=img is not allowed on <figure>).
    const [named, unnamed] = [...dom(deck.slides[0]?.html ?? '').querySelectorAll('figure.lectern-diagram .lectern-diagram-svg')];
    expect(named?.getAttribute('role')).toBe('img');
    expect(named?.getAttribute('aria-label')).toBe('Flow');
    const desc = named?.closest('figure')?.querySelector(`#${named?.getAttribute('aria-describedby')}`);
    expect(desc?.textContent).toBe('Boxes: Data; Model; Answer. Arrows: Data → Model (train); Model → Answer.');
    expect(desc?.hasAttribute('hidden')).toBe(true);
    expect(unnamed?.getAttribute('aria-label')).toBe('diagram');
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:9: warning: diagram has no caption/)]);
  });

  it('describes a two-headed arrow as one, with its label', async () => {
    const deck = await compile(`${FM}\`\`\`mermaid caption="Join"\nflowchart LR\n  a[Left] <-->|both ways| b[Right]\n\`\`\``);
    const fig = dom(deck.slides[0]?.html ?? '').querySelector('figure.lectern-diagram');
    const desc = fig?.querySelector(`#${fig?.querySelector('.lectern-diagram-svg')?.getAttribute('aria-describedby')}`);
    expect(desc?.textContent).toBe('Boxes: Left; Right. Arrows: Left ↔ Right (both ways).');
  });

  it('warns about a highlight id the diagram does not have, and errors on a missing source', async () => {
    const deck = await compile(
      `${FM}\`\`\`mermaid src="tree.mmd" highlight="zz" caption="T"\n\`\`\`\n\n\`\`\`mermaid src="nope.mmd"\n\`\`\``,
      memoryContext(assets),
    );
    expect(messages(deck)).toEqual([
      expect.stringMatching(/deck\.md:4: warning: diagram has no node or subgraph `zz`/),
      expect.stringMatching(/deck\.md:7: error: diagram source `nope\.mmd` not found/),
    ]);
  });
});

describe('stepping', () => {
  it('steps a Q&A slide: question, answer, each item of the answer', async () => {
    const deck = await compile(`${FM}Q：怎么理解？\n\nA：\n\n- one\n- two\n\nQ: second?\n\nA: yes`);
    const frag = dom(deck.slides[0]?.html ?? '');
    const steps = [...frag.querySelectorAll('.fragment')].map((e) => `${e.tagName}:${e.textContent?.trim()}`);
    // A bare "A：" is no step of its own: it appears with the first item of its list.
    expect(steps).toEqual(['P:Q：怎么理解？', 'LI:one', 'LI:two', 'P:Q: second?', 'P:A: yes']);
    expect(frag.querySelector('p.lectern-a-label')?.textContent).toBe('A：');
  });

  it('applies reveal.js element comments and ::: fragment blocks', async () => {
    const md = `${FM}- a <!-- .element: class="fragment" data-fragment-index="2" -->\n- b\n\npara\n<!-- .element: class="fragment fade-up" -->\n\n::: fragment\nlater\n:::`;
    const frag = dom((await compile(md)).slides[0]?.html ?? '');
    const li = frag.querySelector('li');
    expect(li?.className).toBe('fragment');
    expect(li?.getAttribute('data-fragment-index')).toBe('2');
    expect(frag.querySelector('p.fragment.fade-up')?.textContent).toBe('para');
    expect(frag.querySelector('div.fragment')?.textContent?.trim()).toBe('later');
    expect(frag.textContent).not.toContain('.element');
  });

  it('gives an inline element comment to the element before it, as reveal.js walks the DOM', async () => {
    const md = `${FM}Say *this* and more <!-- .element: class="fragment" -->\n\n- **bold** item <!-- .element: class="fragment" data-fragment-index="3" -->\n- plain <!-- .element: class="fragment" -->\n\nA [link](https://example.org) then \`code\` <!-- .element: class="x" -->`;
    const frag = dom((await compile(md)).slides[0]?.html ?? '');
    expect(frag.querySelector('em.fragment')?.textContent).toBe('this');
    expect(frag.querySelector('p')?.className).toBe('');
    expect(frag.querySelector('strong.fragment')?.getAttribute('data-fragment-index')).toBe('3');
    expect(frag.querySelectorAll('li')[1]?.className).toBe('fragment');
    expect(frag.querySelector('code.x')?.textContent).toBe('code');
    expect(frag.textContent).not.toContain('.element');
  });

  it('warns when a closing ::: is swallowed by the quote above it', async () => {
    const deck = await compile(`${FM}::: fragment\n> a quote\n> :::`);
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:\d+: warning: `:::` is shown as text/)]);
  });

  it('steps every list item with ::: incremental or incremental: true', async () => {
    const local = dom((await compile(`${FM}::: incremental\n- a\n- b\n:::\n\n- c`)).slides[0]?.html ?? '');
    expect([...local.querySelectorAll('li.fragment')].map((l) => l.textContent)).toEqual(['a', 'b']);
    const deck = dom((await compile('---\ntitle: T\nincremental: true\n---\n- a\n- b')).slides[0]?.html ?? '');
    expect(deck.querySelectorAll('li.fragment')).toHaveLength(2);
  });
});

describe('notes, links and images', () => {
  it('renders notes as Markdown with math', async () => {
    const deck = await compile(`${FM}# T\n\nNote: say **this** and $x$`);
    const notes = dom(deck.slides[0]?.notesHtml ?? '');
    expect(notes.querySelector('strong')?.textContent).toBe('this');
    expect(notes.querySelector('.katex')).not.toBeNull();
    expect(deck.slides[0]?.html).not.toContain('say');
  });

  it('links {% post_link %} to a deck when it exists, plain text otherwise', async () => {
    const md = `${FM}下一篇：{% post_link LLM/part-two %}\n\n再一篇：{% post_link LLM/missing %}`;
    const deck = await compile(md, memoryContext({}, ['deck', 'part-two']));
    const frag = dom(deck.slides[0]?.html ?? '');
    expect(frag.querySelector('a')?.getAttribute('href')).toBe('../part-two/');
    expect(frag.textContent).toContain('再一篇：missing');
    expect(messages(deck)).toEqual([expect.stringMatching(/:6: warning: post_link `LLM\/missing` names no deck/)]);
  });

  it('links between decks and {% post_link %} resolve across folders of slides/, warning where a name is ambiguous', async () => {
    const slugs = ['part-1/intro', 'part-1/attention', 'part-2/induction', 'part-2/intro', 'lec2', 'zz/intro'];
    const md = `${FM}[a](attention.md) [b](../part-2/induction.md#slide-3) [c](induction.md) [d](../lec2/slides.md) [e](../../lec2/)\n\n[f](intro.md) [g](../part-2/intro.md) [h](/part-2/intro/?view=read)\n\n{% post_link LLM/induction 归纳头 %} {% post_link intro %}\n\n[i](../../assets/notes.md)`;
    const deck = await compileDeck('slides/part-1/week.md', md, memoryContext({}, ['part-1/week', ...slugs]));
    expect(deck.slug).toBe('part-1/week');
    const hrefs = [...dom(deck.slides[0]?.html ?? '').querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      '../../part-1/attention/',
      '../../part-2/induction/#slide-3',
      '../../part-2/induction/',
      '../../lec2/',
      '../../lec2/',
      '../../part-1/intro/',
      '../../part-2/intro/',
      '../../part-2/intro/?view=read',
      '../../part-2/induction/',
      '../../part-1/intro/',
      '../../assets/notes.md',
    ]);
    // `intro` from the top of slides/ has three decks of that name: linked to the first, with a warning at its line.
    expect(messages(deck)).toEqual([
      expect.stringMatching(/week\.md:8: warning: post_link `intro`: 3 decks have that name \(part-1\/intro, part-2\/intro, zz\/intro\)/),
    ]);
  });

  it('checks local images and deck links, with their lines', async () => {
    const md = `${FM}![tree](../assets/tree.png)\n\n![gone](../assets/gone.png)\n\n[next](other.md) [bad](../nowhere/)`;
    const deck = await compile(md, memoryContext({ 'assets/tree.png': 'png' }, ['deck', 'other']));
    const frag = dom(deck.slides[0]?.html ?? '');
    expect(frag.querySelector('img')?.getAttribute('src')).toBe('/assets/tree.png');
    expect(frag.querySelector('.lectern-error')?.textContent).toContain('gone.png');
    expect([...frag.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['../other/', '../nowhere/']);
    expect(messages(deck)).toEqual([
      expect.stringMatching(/deck\.md:6: error: image `..\/assets\/gone.png` not found/),
      expect.stringMatching(/deck\.md:8: error: link to deck `nowhere`/),
    ]);
  });

  it('with html: false, raw HTML never reaches the page', async () => {
    const deck = await compile(
      '---\ntitle: T\nhtml: false\n---\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))',
    );
    const html = deck.slides[0]?.html ?? '';
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(dom(html).textContent).toContain('<script>');
  });
});

describe('whole decks', () => {
  it('takes a Hexo blog post as it is: title slide from front matter, sections from headings', async () => {
    const text = readFileSync(new URL('../../test/fixtures/hexo-post.md', import.meta.url), 'utf8');
    const deck = await compileDeck('slides/post.md', text, memoryContext({}, ['post']));
    expect(deck.meta.title).toBe('LLM 复杂推理的来源分析I');
    const title = dom(deck.slides[0]?.html ?? '');
    expect(title.querySelector('h1')?.textContent).toBe('LLM 复杂推理的来源分析I');
    expect(deck.slides.map((s) => s.title)).toContain('GPT-3 的能力');
    expect(deck.slides.flatMap((s) => [...dom(s.html).querySelectorAll('table')])).toHaveLength(4);
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(messages(deck).some((m) => /post\.md:143: warning: post_link/.test(m))).toBe(true);
  });

  it('an empty file or binary junk still makes a deck that says what is wrong', async () => {
    for (const text of ['', '\u0000\u0001PNG\u0000']) {
      const deck = await compile(text);
      expect(deck.slides).toHaveLength(1);
      expect(deck.diagnostics[0]).toMatchObject({ file: 'slides/deck.md', line: 1, severity: 'error' });
      expect(dom(deck.slides[0]?.html ?? '').querySelector('.lectern-error')).not.toBeNull();
    }
  });

  it('a file of only front matter says it has no slides', async () => {
    const deck = await compile('---\ntitle: Only\n---\n');
    expect(messages(deck)).toEqual([expect.stringMatching(/deck\.md:4: error: deck has no slides/)]);
  });
});

describe('the title slide', () => {
  const META =
    '---\ntitle: Gradient descent\nsubtitle: Finding the bottom by feel\nauthor: A. Lecturer\ndate: 2026-03-01\nsource: https://example.org/gd\n---\n';
  const shown = (html: string) => {
    const page = dom(html);
    return {
      h1: page.querySelector('h1')?.textContent,
      subtitle: page.querySelector('.lectern-subtitle')?.textContent,
      byline: page.querySelector('.lectern-byline')?.textContent,
      source: page.querySelector<HTMLAnchorElement>('.lectern-source a')?.href,
    };
  };
  const full = {
    h1: 'Gradient descent',
    subtitle: 'Finding the bottom by feel',
    byline: 'A. Lecturer · 2026-03-01',
    source: 'https://example.org/gd',
  };

  it('a first slide marked class="title" shows title, subtitle, author, date and source from front matter', async () => {
    for (const body of ['<!-- .slide: class="title" -->\n\n# Gradient descent\n\nNote: hi', '<!-- .slide: class="title" -->\n\nNote: hi']) {
      const deck = await compile(`${META}\n${body}\n\n---\n\n## Next`);
      expect(shown(deck.slides[0]?.html ?? '')).toEqual(full);
      expect(deck.slides[0]?.attrs.class).toContain('title');
      expect(deck.slides[1]?.html).not.toContain('lectern-byline');
    }
  });

  it('a first slide that is the front matter title (`# Gradient descent`) is the title slide too', async () => {
    const deck = await compile(`${META}\n# Gradient descent\n\nA first lecture.\n\n---\n\n## Next`);
    expect(shown(deck.slides[0]?.html ?? '')).toEqual(full);
    expect(deck.slides[0]?.html).toContain('A first lecture.');
    expect(deck.slides[0]?.attrs.class).toBe('title');
  });

  it('adds nothing the author already wrote on it', async () => {
    const own =
      '<!-- .slide: class="title" -->\n\n# Gradient descent\n\nA. Lecturer, "Finding the bottom by feel"\n\n2026-03-01\n\nSource: [the article](https://example.org/gd)';
    const deck = await compile(`${META}\n${own}`);
    const page = dom(deck.slides[0]?.html ?? '');
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelector('.lectern-byline, .lectern-subtitle, .lectern-source')).toBeNull();
  });

  it('a first slide of its own kind (another heading) is left alone', async () => {
    const deck = await compile(`${META}\n# Welcome\n\nText.`);
    expect(deck.slides[0]?.html).not.toContain('lectern-byline');
    expect(deck.slides[0]?.attrs.class).toBeUndefined();
  });

  it('a file cut at headings gets one made from front matter, with the subtitle', async () => {
    const deck = await compile(`${META}\n## First\n\ntext`);
    expect(shown(deck.slides[0]?.html ?? '')).toEqual(full);
  });
});
