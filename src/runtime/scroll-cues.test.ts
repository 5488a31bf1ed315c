import { describe, expect, it } from 'vitest';
import { hiddenSides } from './scroll-cues.js';

describe('hiddenSides', () => {
  it('says which side of a wide box is hidden', () => {
    expect(hiddenSides(0, 300, 800)).toBe('right');
    expect(hiddenSides(200, 300, 800)).toBe('both');
    expect(hiddenSides(500, 300, 800)).toBe('left');
  });
  it('says nothing for a box that fits (or is scrolled within a pixel of an end)', () => {
    expect(hiddenSides(0, 300, 300)).toBeUndefined();
    expect(hiddenSides(0, 300, 301)).toBeUndefined();
  });
});
