import { describe, expect, it } from 'vitest';
import { presentingHref, readingHref } from './view-step.js';

describe('presenting → reading → presenting keeps the step', () => {
  it('reading mode is opened with the step presenting was at', () => {
    expect(readingHref('slide-12', 2)).toBe('./?view=read&step=2#slide-12');
    expect(readingHref('slide-12', -1)).toBe('./?view=read#slide-12');
    expect(readingHref('slide-12')).toBe('./?view=read#slide-12');
    expect(readingHref(undefined, 2)).toBe('./?view=read');
  });

  it('"Present" returns to that step of that slide only', () => {
    const from = { search: '?view=read&step=2', hash: '#slide-12' };
    expect(presentingHref('slide-12', from)).toBe('./#/slide-12/2');
    expect(presentingHref('slide-13', from)).toBe('./#/slide-13');
    expect(presentingHref('slide-12', { search: '?view=read', hash: '#slide-12' })).toBe('./#/slide-12');
    expect(presentingHref('slide-12', { search: '?view=read&step=x', hash: '#slide-12' })).toBe('./#/slide-12');
  });
});
