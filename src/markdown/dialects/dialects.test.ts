import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, dom, memoryContext } from '../../../test/helpers.js';
import type { Deck } from '../../model/types.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/dialects/${name}`, import.meta.url), 'utf8');
const ctx = memoryContext({ 'assets/dialect-graph.svg': '<svg/>' });
const shape = (deck: Deck) => deck.slides.map((s) => `${s.h}.${s.v}`);
/** What a viewer reads on the slides (a diagram's hidden source and screen-reader description left out). */
const text = (deck: Deck) =>
  deck.slides
    .map((s) => {
      const frag = dom(s.html);
      for (const el of frag.querySelectorAll('[hidden], [id$="-desc"]')) el.remove();
      return frag.textContent ?? '';
    })
    .join('\n');
/** Markup of another tool that must never reach a slide as text. */
const DIALECT_MARKUP = /:::|\. \. \.|<!--|-->|\{\.|\.element|\.slide:|^Notes?:|#\||%%\||!\[bg/m;

describe('reveal-md deck', () => {
  it('cuts at its own separators, with vertical stacks, notes and element comments', async () => {
    const deck = await compile(fixture('reveal-md.md'), ctx);
    expect(deck.meta.dialect).toBe('reveal');
    expect(shape(deck)).toEqual(['0.0', '1.0', '1.1', '1.2', '2.0', '3.0', '3.1', '4.0']);
    expect(deck.slides[0]?.notesHtml).toContain('Welcome everyone');
    expect(deck.slides[3]?.notesHtml).toContain('Vertical slides');
    expect(deck.slides[3]?.attrs['data-background-color']).toBe('#2d1b4e');
    expect(deck.slides[4]?.attrs).toHaveProperty('data-auto-animate');
    const bubble = dom(deck.slides[1]?.html ?? '');
    expect(bubble.querySelectorAll('li.fragment')).toHaveLength(2);
    expect(dom(deck.slides[2]?.html ?? '').querySelector('p.fragment.fade-up')).not.toBeNull();
    expect(dom(deck.slides[4]?.html ?? '').querySelector('.box strong')?.textContent).toBe('Divide');
    // Raw <section>s: an auto-animate stack; an inline .element goes to the <em> before it.
    expect(deck.slides.slice(5, 7).map((s) => s.attrs)).toEqual([{ 'data-auto-animate': '' }, { 'data-auto-animate': '' }]);
    expect(dom(deck.slides[6]?.html ?? '').querySelector('em.fragment.highlight-red')?.textContent).toBe('slide');
    expect(deck.diagnostics.map((d) => d.code)).not.toContain('dialect-raw-section');
    expect(deck.meta.reveal).toEqual({ transition: 'fade', controls: true, progress: true });
    expect(text(deck)).not.toMatch(DIALECT_MARKUP);
  });

  it("uses reveal-md's defaults --- and ---- without separator keys", async () => {
    const deck = await compile('---\ntitle: T\ndialect: reveal\n---\n# A\n\n---\n\n# B\n\n----\n\n# B2\n', ctx);
    expect(shape(deck)).toEqual(['0.0', '1.0', '1.1']);
  });

  it('warns about a separator that is not a regular expression', async () => {
    const deck = await compile('---\ntitle: T\nseparator: "(("\n---\n# A\n\n---\n\n# B\n', ctx);
    expect(deck.diagnostics.map((d) => d.code)).toContain('dialect-separator-invalid');
    expect(shape(deck)).toEqual(['0.0', '1.0']);
  });
});

describe('Quarto revealjs deck', () => {
  it('makes a title slide, section slides, slides at ## and at --- without empty ones', async () => {
    const deck = await compile(fixture('quarto.md'), ctx);
    expect(deck.meta.dialect).toBe('quarto');
    const titles = deck.slides.map((s) => s.title);
    expect(titles).toEqual(['Gradient descent', 'Basics', 'The update rule', 'Two columns', 'Steps', '', 'Code', 'Wrap-up', 'Summary']);
    expect(shape(deck).every((s) => s.endsWith('.0'))).toBe(true);
    const title = dom(deck.slides[0]?.html ?? '');
    expect(title.textContent).toContain('A Quarto revealjs deck');
    expect(title.textContent).toContain('A. Lecturer');
    expect(deck.slides[1]?.attrs.class).toContain('divider');
    expect(deck.meta.reveal).toMatchObject({ slideNumber: true, transition: 'slide' });
  });

  it('reads pauses, notes, columns, heading attributes, spans, footnotes, math and chunks', async () => {
    const deck = await compile(fixture('quarto.md'), ctx);
    const [, , rule, cols, steps, , code] = deck.slides;
    expect(rule?.attrs.class).toContain('smaller');
    const ruleDom = dom(rule?.html ?? '');
    expect(ruleDom.querySelector('div.fragment')?.textContent).toContain('It stops');
    expect(ruleDom.querySelector('p .katex-display, p .katex')).not.toBeNull();
    expect(rule?.notesHtml).toContain('learning rate');
    const widths = [...dom(cols?.html ?? '').querySelectorAll<HTMLElement>('.lectern-column')].map((c) => c.style.width);
    expect(widths).toEqual(['40%', '60%']);
    expect(steps?.attrs['data-background-color']).toBe('#fdf6e3');
    const stepsDom = dom(steps?.html ?? '');
    expect([...stepsDom.querySelectorAll('li.fragment')].map((l) => l.textContent)).toEqual(['first', 'second']);
    expect(stepsDom.querySelector('span.fragment.highlight-red')?.textContent).toBe('highlighted');
    expect(stepsDom.querySelector('.footnotes')?.textContent).toContain('textbook');
    const codeDom = dom(code?.html ?? '');
    expect(codeDom.querySelector('pre.shiki')?.textContent).toContain('def loss');
    expect(codeDom.querySelector('pre')?.textContent).not.toContain('#|');
    expect(code?.hasMermaid).toBe(true);
    expect(deck.diagnostics.filter((d) => d.code === 'dialect-chunk-not-run')).toHaveLength(1);
    expect(text(deck)).not.toMatch(DIALECT_MARKUP);
  });

  it('draws callouts with their titles: a heading, title="…", or the kind in the deck\'s language', async () => {
    const deck = await compile(fixture('quarto.md'), ctx);
    const summary = dom(deck.slides.at(-1)?.html ?? '');
    const titles = [...summary.querySelectorAll('.lectern-callout .lectern-callout-title')].map((t) => t.textContent);
    expect(titles).toEqual(['Try it', 'Warning']);
    expect(summary.querySelector('.lectern-callout h2')).toBeNull();
    expect(deck.slides.at(-1)?.title).toBe('Summary');
    const zh = await compile(
      '---\ntitle: T\nlang: zh\nformat: revealjs\n---\n\n## A\n\n::: {.callout-note}\n注意学习率。\n:::\n\n::: {.callout-important title="**Key** point"}\nx\n:::\n\n::: {.callout-caution appearance="minimal"}\ny\n:::',
      ctx,
    );
    const box = dom(zh.slides.at(-1)?.html ?? '');
    expect([...box.querySelectorAll('.lectern-callout-title')].map((t) => t.innerHTML.replace(/^<svg.*<\/svg>/, ''))).toEqual([
      '注意',
      '<strong>Key</strong> point',
    ]);
    expect(box.querySelector('.lectern-callout-important')?.getAttribute('title')).toBeNull();
    // Each titled callout starts with its kind's icon; minimal ones have neither title nor icon.
    expect(box.querySelectorAll('.lectern-callout-title > svg.lectern-callout-icon')).toHaveLength(2);
    expect(box.querySelector('.lectern-callout-caution svg')).toBeNull();
  });

  it('folds callouts written with collapse="true" (closed) or "false" (open); icon=false drops the icon', async () => {
    const deck = await compile(
      '---\ntitle: T\nformat: revealjs\n---\n\n## A\n\n::: {.callout-tip collapse="true"}\n## Hint\nHidden *first*.\n:::\n\n::: {.callout-note collapse="false" icon=false}\nShown.\n:::',
      ctx,
    );
    const box = dom(deck.slides.at(-1)?.html ?? '');
    const [tip, note] = [...box.querySelectorAll('details.lectern-callout')];
    expect(tip?.hasAttribute('open')).toBe(false);
    expect(tip?.firstElementChild?.tagName).toBe('SUMMARY');
    expect(tip?.firstElementChild?.textContent).toBe('Hint');
    expect(tip?.querySelector('em')?.textContent).toBe('first');
    expect(tip?.hasAttribute('data-collapse')).toBe(false);
    expect(note?.hasAttribute('open')).toBe(true);
    expect(note?.querySelector('summary')?.textContent).toBe('Note');
    expect(note?.querySelector('svg')).toBeNull();
    expect(deck.slides.at(-1)?.title).toBe('A');
  });

  it('stacks sections with navigation-mode: vertical, and gives the title slide its attributes', async () => {
    const deck = await compile(
      '---\ntitle: T\nformat:\n  revealjs:\n    navigation-mode: vertical\n    title-slide-attributes:\n      data-background-color: "#123456"\n---\n\n## Intro\n\n# Part one\n\n## A\n\n## B\n\n# Part two\n\n## C',
      ctx,
    );
    expect(shape(deck)).toEqual(['0.0', '1.0', '2.0', '2.1', '2.2', '3.0', '3.1']);
    expect(deck.meta.reveal.navigationMode).toBeUndefined();
    expect(deck.slides[0]?.attrs['data-background-color']).toBe('#123456');
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('Marp deck', () => {
  it('reads directives, comment notes, backgrounds and image sizes', async () => {
    const deck = await compile(fixture('marp.md'), ctx);
    expect(deck.meta.dialect).toBe('marp');
    expect(deck.slides).toHaveLength(6);
    const [lead, bfs, dfs, two, sized, inverted] = deck.slides;
    expect(lead?.attrs.class).toContain('lead');
    expect(bfs?.attrs.class ?? '').not.toContain('lead');
    expect(lead?.notesHtml).toContain('Welcome');
    expect(bfs?.notesHtml).toContain('queue');
    expect(dom(lead?.html ?? '').querySelector('h1 .r-fit-text')?.textContent).toBe('Graph search');
    expect(dfs?.attrs['data-background-color']).toBe('#eef3ff');
    expect(dfs?.attrs.class).toContain('lectern-split-right');
    expect(dom(dfs?.html ?? '').querySelectorAll('.lectern-bgs .lectern-bg')).toHaveLength(1);
    expect(deck.slides[3]?.attrs['data-background-color']).toBeUndefined();
    expect(dom(two?.html ?? '').querySelectorAll('.lectern-bgs-vertical .lectern-bg')).toHaveLength(2);
    // class: invert -> the dark look on that slide; <style scoped> -> rules for that slide only
    expect(inverted?.attrs.class).toContain('invert');
    expect(inverted?.attrs['data-background-color']).toBe('var(--lectern-dark-bg)');
    expect(inverted?.attrs['data-lectern-scope']).toBe('5-0');
    expect(deck.css).toContain('section[data-lectern-scope="5-0"] h2');
    expect(deck.css).toMatch(/section\[data-lectern-scope="5-0"\] \{ letter-spacing/);
    expect(dom(inverted?.html ?? '').querySelector('style')).toBeNull();
    expect(dom(sized?.html ?? '').querySelector<HTMLImageElement>('img')?.style.width).toBe('300px');
    for (const s of deck.slides) expect(dom(s.html).querySelector('.lectern-footer')?.textContent).toContain('Lecture 3');
    expect(deck.meta.css).toContain('section.lead');
    expect(text(deck)).not.toMatch(DIALECT_MARKUP);
    expect(deck.diagnostics).toEqual([]);
  });

  it('names a missing background image and CSS that does not parse', async () => {
    const deck = await compile(
      '---\nmarp: true\n---\n\n![bg](../assets/nope.png)\n\n<style scoped>\nh2 { color: red\n</style>\n\n## A',
      ctx,
    );
    expect(deck.diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['marp-style-invalid', 8, 'warning'],
      ['image-missing', 5, 'error'],
    ]);
    expect(text(deck)).not.toMatch(DIALECT_MARKUP);
  });
});
