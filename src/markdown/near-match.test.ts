import { describe, expect, it } from 'vitest';
import { nearMatch } from './near-match.js';

describe('nearMatch', () => {
  it('finds a typo: a missing, extra or changed letter, or a different case', () => {
    expect(nearMatch('contour.svg', ['lineage.mmd', 'contours.svg'])).toBe('contours.svg');
    expect(nearMatch('Contours.SVG', ['contours.svg'])).toBe('contours.svg');
    expect(nearMatch('gradient-decsent', ['gradient-descent', 'demo'])).toBe('gradient-descent');
    expect(nearMatch('stepp', ['init', 'grad', 'step'])).toBe('step');
  });

  it('suggests nothing for a name that is merely different', () => {
    expect(nearMatch('tree.png', ['contours.svg', 'lineage.mmd'])).toBeUndefined();
    expect(nearMatch('ab', ['xy'])).toBeUndefined();
    expect(nearMatch('x', [])).toBeUndefined();
  });
});
