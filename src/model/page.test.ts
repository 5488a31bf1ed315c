import { describe, expect, it } from 'vitest';
import { dom } from '../../test/helpers.js';
import {
  ERROR_BOX,
  errorBoxHtml,
  formatSource,
  parseSlideId,
  parseSlideLabel,
  parseSource,
  slideCounter,
  slideId,
  slideLabel,
} from './page.js';

describe('slide numbers', () => {
  it('numbers slides in reading order from 1, vertical sub-slides like any other: id, label and counter agree', () => {
    expect(slideId(0)).toBe('slide-1');
    expect(slideId(11)).toBe('slide-12');
    expect(slideLabel(11)).toBe('12');
    expect(slideCounter(11, 36)).toBe('12 / 36');
  });

  it('reads back what it writes', () => {
    for (const i of [0, 11, 299]) {
      expect(parseSlideId(slideId(i))).toBe(i);
      expect(parseSlideLabel(slideLabel(i))).toBe(i);
    }
    expect(parseSlideLabel('#12')).toBe(11);
    expect(parseSlideLabel('Slide 12')).toBe(11);
  });

  it('refuses ids and numbers it did not write', () => {
    for (const id of ['slide-0', 'slide-', 'slide-2-1', 'intro', 'xslide-1', 'slide-01']) expect(parseSlideId(id), id).toBeUndefined();
    for (const label of ['0', '3.2', '', 'x', '012']) expect(parseSlideLabel(label), label).toBeUndefined();
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
