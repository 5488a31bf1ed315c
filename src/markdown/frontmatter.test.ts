import { describe, expect, it } from 'vitest';
import { parseDuration, parseFrontMatter } from './frontmatter.js';

describe('parseFrontMatter', () => {
  it('reads the keys a lecturer writes, with Hexo keys accepted', () => {
    const text =
      '---\ntitle: 推理\nauthor: A. Person\ndate: 2025-08-20 15:52:42\ntags: [NLP, LLM]\ncategories: [Note]\nmathjax: true\nduration: 45min\n---\n\n# Hi\n';
    const r = parseFrontMatter('slides/x.md', text, 'x');
    expect(r.meta).toMatchObject({ title: '推理', author: 'A. Person', date: '2025-08-20', tags: ['NLP', 'LLM'], durationMinutes: 45 });
    expect(r.meta.lang).toBe('zh-CN');
    expect(r.diagnostics).toEqual([]);
    expect(r.bodyLine).toBe(10);
    expect(r.body.split('\n')[1]).toBe('# Hi');
  });

  it('reads handout-answers: blank, and warns about a value it does not know', () => {
    expect(parseFrontMatter('slides/x.md', '---\ntitle: T\nhandout-answers: blank\n---\nbody', 'x').meta.handoutAnswers).toBe('blank');
    expect(parseFrontMatter('slides/x.md', '---\ntitle: T\nhandout-answers: shown\n---\nbody', 'x').diagnostics).toEqual([]);
    const r = parseFrontMatter('slides/x.md', '---\ntitle: T\nhandout-answers: hidden\n---\nbody', 'x');
    expect(r.meta.handoutAnswers).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringContaining('handout-answers: hidden') }),
    ]);
  });

  it('warns about an unknown key on its own line', () => {
    const r = parseFrontMatter('slides/x.md', '---\ntitle: T\nfavourite: blue\n---\nbody', 'x');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringContaining('favourite') }),
    ]);
  });

  it('reports broken YAML with its line and keeps going with defaults', () => {
    const r = parseFrontMatter('slides/x.md', '---\ntitle: T\ntags: [a, b\nauthor: me\n---\nbody', 'fallback');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: 'slides/x.md' });
    expect(r.diagnostics[0]?.line).toBeGreaterThanOrEqual(3);
    expect(r.meta.title).toBe('fallback');
    expect(r.body).toBe('body');
  });

  it('reports front matter that is never closed', () => {
    const r = parseFrontMatter('slides/x.md', '---\ntitle: T\n\n# Slide', 'x');
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'error', message: 'front matter is never closed' })]);
  });

  it('leaves a file without front matter alone', () => {
    const r = parseFrontMatter('slides/x.md', '# Title\n\ntext', 'x');
    expect(r).toMatchObject({ body: '# Title\n\ntext', bodyLine: 1, diagnostics: [] });
    expect(r.meta.title).toBe('x');
  });
});

describe('parseDuration', () => {
  it.each([
    ['45min', 45],
    ['45', 45],
    ['1h', 60],
    ['1h30m', 90],
    ['90 minutes', 90],
    [30, 30],
  ])('%s -> %d minutes', (input, minutes) => expect(parseDuration(input)).toBe(minutes));

  it('rejects what it cannot read', () => {
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });
});
