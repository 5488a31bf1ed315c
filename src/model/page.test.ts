import { describe, expect, it } from 'vitest';
import { dom } from '../../test/helpers.js';
import { ERROR_BOX, errorBoxHtml, formatSource, parseSlideId, parseSource, slideId, slideLabel } from './page.js';

describe('slide ids', () => {
  it('writes slide-H for a top-level slide and slide-H-V inside a stack, both from 1', () => {
    expect(slideId({ h: 0, v: 0 })).toBe('slide-1');
    expect(slideId({ h: 4, v: 1 })).toBe('slide-5-2');
  });

  it('reads back what it writes', () => {
    for (const pos of [
      { h: 0, v: 0 },
      { h: 11, v: 0 },
      { h: 3, v: 2 },
    ])
      expect(parseSlideId(slideId(pos))).toEqual(pos);
  });

  it('refuses ids it did not write', () => {
    for (const id of ['slide-0', 'slide-', 'slide-2-0', 'intro', 'slide-1-2-3', 'xslide-1', 'slide-01'])
      expect(parseSlideId(id), id).toBeUndefined();
  });

  it('labels a slide as a reader counts: 3, or 3.2 inside a stack', () => {
    expect(slideLabel({ h: 2, v: 0 })).toBe('3');
    expect(slideLabel({ h: 2, v: 1 })).toBe('3.2');
  });
});

describe('source locations', () => {
  it('round-trips file:line, including paths with colons and spaces', () => {
    for (const at of [
      { file: 'slides/intro.md', line: 12 },
      { file: 'slides/a b/c:d.md', line: 1 },
    ])
      expect(parseSource(formatSource(at))).toEqual(at);
  });

  it('gives nothing for text that is not a location', () => {
    for (const text of ['', 'slides/x.md', 'slides/x.md:', ':12', 'slides/x.md:12a', null, undefined])
      expect(parseSource(text), String(text)).toBeUndefined();
  });
});

describe('the error box', () => {
  const parse = (html: string) => {
    return dom(html).querySelector(ERROR_BOX.selector) as HTMLElement;
  };

  it('carries its location as data, and shows it with the hint', () => {
    const box = parse(
      errorBoxHtml({ title: 'Image missing', detail: 'assets/x.png', hint: 'check the path', at: { file: 'slides/a.md', line: 7 } }),
    );
    expect(box.dataset.file).toBe('slides/a.md');
    expect(box.dataset.line).toBe('7');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.querySelector('strong')?.textContent).toBe('Image missing');
    expect(box.querySelector('pre')?.textContent).toBe('assets/x.png');
    expect(box.querySelector('small')?.textContent).toBe('slides/a.md:7 — check the path');
  });

  it('escapes what the author wrote', () => {
    const box = parse(
      errorBoxHtml({ title: '<b>x</b>', detail: '</pre><script>alert(1)</script>', at: { file: 'slides/"q".md', line: 1 } }),
    );
    expect(box.querySelector('script')).toBeNull();
    expect(box.querySelector('strong')?.textContent).toBe('<b>x</b>');
    expect(box.dataset.file).toBe('slides/"q".md');
  });
});
