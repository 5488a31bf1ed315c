import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultMeta, parseFrontMatter } from './frontmatter.js';
import { extractNotes } from './notes.js';
import { splitSlides } from './split.js';

const meta = defaultMeta('t');

describe('splitSlides', () => {
  it('cuts at --- and -- lines and keeps file line numbers', () => {
    const slides = splitSlides('# A\n---\n## B\n--\n## B.1\n---\n## C', 5, meta);
    expect(slides.map((s) => [s.h, s.v, s.line, s.body.trim()])).toEqual([
      [0, 0, 5, '# A'],
      [1, 0, 7, '## B'],
      [1, 1, 9, '## B.1'],
      [2, 0, 11, '## C'],
    ]);
  });

  it('makes raw <section> elements in a slide vertical slides of their own, with their attributes', () => {
    const body = [
      '# Stack', // 1
      '<section data-auto-animate>', // 2
      '  ## Step one', // 3
      '</section>', // 4
      '<section data-auto-animate class="x">', // 5
      '  ## Step one', // 6
      '  - and two', // 7
      '</section>', // 8
      '---', // 9
      '```html', // 10
      '<section>', // 11
      '```', // 12
      '---', // 13
      '<section>', // 14
      'never closed', // 15
    ].join('\n');
    const slides = splitSlides(body, 1, meta);
    expect(slides.map((s) => [s.h, s.v, s.line, s.body.trim(), s.attrs])).toEqual([
      [0, 0, 1, '# Stack', {}],
      [0, 1, 3, '## Step one', { 'data-auto-animate': '' }],
      [0, 2, 6, '## Step one\n- and two', { 'data-auto-animate': '', class: 'x' }],
      [1, 0, 10, '```html\n<section>\n```', {}],
      [2, 0, 14, '<section>\nnever closed', {}],
    ]);
    // Lines stay exact: body line i is file line `line + i`.
    expect(slides[2]?.body.split('\n')[1]).toBe('- and two');
    // A slide that is nothing but sections starts its stack with the first of them.
    const only = splitSlides('# Deck\n---\n<section>\n## A\n</section>\n<section>\n## B\n</section>', 1, meta);
    expect(only.map((s) => [s.h, s.v, s.body.trim()])).toEqual([
      [0, 0, '# Deck'],
      [1, 0, '## A'],
      [1, 1, '## B'],
    ]);
  });

  it('never cuts inside a code fence', () => {
    const slides = splitSlides('# A\n```yaml\n---\nkey: v\n```\n---\n# B', 1, meta);
    expect(slides).toHaveLength(2);
    expect(slides[0]?.body).toContain('key: v');
  });

  it('cuts a file without separators at headings: ## a slide, ### a sub-slide', () => {
    const slides = splitSlides('intro text\n\n## One\ntext\n### One.a\nmore\n## Two\n#### not a cut', 1, meta);
    expect(slides.map((s) => [s.h, s.v, s.line])).toEqual([
      [0, 0, 1],
      [1, 0, 3],
      [1, 1, 5],
      [2, 0, 7],
    ]);
    expect(slides[0]?.attrs.class).toBe('title');
    // Which slide is made from the front matter is a typed field, not an attribute left for a later stage.
    expect(slides.map((s) => s.kind)).toEqual(['title', 'content', 'content', 'content']);
    expect(Object.keys(slides[0]?.attrs ?? {})).toEqual(['class']);
  });

  it('takes a Hexo blog post as it is', () => {
    const text = readFileSync(new URL('../../test/fixtures/hexo-post.md', import.meta.url), 'utf8');
    const front = parseFrontMatter('slides/post.md', text, 'post');
    const slides = splitSlides(front.body, front.bodyLine, front.meta);
    expect(slides.length).toBeGreaterThan(8);
    expect(slides.some((s) => s.body.includes('<!-- more -->'))).toBe(false);
    const qa = slides.find((s) => s.body.includes('### Q & A'));
    expect(qa?.v).toBe(1);
    expect(text.split('\n')[(qa?.line ?? 0) - 1]).toBe('### Q & A');
  });

  it('reads <!-- .slide: --> attributes and blanks the comment', () => {
    const [, slide] = splitSlides('# A\n---\n<!-- .slide: class="divider" data-timing="60" -->\n# Part', 1, meta);
    expect(slide?.attrs).toEqual({ class: 'divider', 'data-timing': '60' });
    expect(slide?.body.split('\n')).toEqual(['', '# Part']);
  });

  it('makes no extra title slide when a file without separators opens with # Title', () => {
    const slides = splitSlides('# Title\n\n## One', 1, meta);
    expect(slides.map((s) => [s.h, s.line])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });
});

describe('extractNotes', () => {
  const slide = (body: string) => ({ h: 0, v: 0, line: 10, body, notes: '', notesLine: 0, attrs: {}, kind: 'content' as const });

  it('takes everything after a Note: line', () => {
    const s = extractNotes(slide('# T\ntext\nNote: say this\nand $x$'));
    expect(s.notes).toBe('say this\nand $x$');
    expect(s.notesLine).toBe(12);
    expect(s.body.split('\n')).toEqual(['# T', 'text', '', '']);
  });

  it('takes ::: notes blocks from the middle of a slide', () => {
    const s = extractNotes(slide('# T\n::: notes\nsecret\n:::\nvisible'));
    expect(s.notes).toBe('secret');
    expect(s.body).not.toContain('secret');
    expect(s.body.split('\n')[4]).toBe('visible');
  });

  it('ignores Note: inside code', () => {
    const s = extractNotes(slide('```\nNote: code\n```'));
    expect(s.notes).toBe('');
  });
});
