// @vitest-environment jsdom
// @vitest-environment-options {"url": "http://127.0.0.1/deck/"}
import { describe, expect, it } from 'vitest';
import { findSlide, markSlide, refreshAsset } from './deck-update.js';

const slides = (...bodies: string[]) => {
  const root = document.createElement('div');
  root.innerHTML = bodies.map((b, i) => `<section id="slide-${i + 1}" data-source="slides/x.md:${i * 4 + 1}">${b}</section>`).join('');
  return [...root.children];
};

describe('staying on the same slide across a dev-server update', () => {
  const before = slides('<h2>One</h2>', '<h2>Two</h2><p>body</p>', '<h2>Three</h2>');

  it('follows the slide when one is inserted or deleted before it', () => {
    const mark = markSlide(before, 1);
    expect(findSlide(slides('<h2>One</h2>', '<h2>New</h2>', '<h2>Two</h2><p>body</p>', '<h2>Three</h2>'), mark)).toEqual({
      index: 2,
      same: true,
    });
    expect(findSlide(slides('<h2>Two</h2><p>body</p>', '<h2>Three</h2>'), mark)).toEqual({ index: 0, same: true });
  });

  it('keeps the number when the slide itself was edited and nothing moved', () => {
    expect(findSlide(slides('<h2>One</h2>', '<h2>Two</h2><p>edited</p>', '<h2>Three</h2>'), markSlide(before, 1))).toEqual({
      index: 1,
      same: false,
    });
  });

  it('ignores what the page added: a drawn diagram, fragment classes', () => {
    const drawn = slides(
      '<figure class="lectern-diagram"><pre hidden>flowchart LR</pre><div class="lectern-diagram-svg"><svg><text>a</text></svg></div></figure>',
    );
    const fresh = slides(
      '<h2>New</h2>',
      '<figure class="lectern-diagram"><pre hidden>flowchart LR</pre><div class="lectern-diagram-svg"></div></figure>',
    );
    expect(findSlide(fresh, markSlide(drawn, 0))).toEqual({ index: 1, same: true });
  });
});

describe('refreshAsset', () => {
  it('asks again for every use of the changed file, and only that file', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<img src="../assets/plot.png"><img src="../assets/other.png"><div style="background-image: url(\'../assets/plot.png\')"></div>';
    expect(refreshAsset(root, 'assets/plot.png', 7)).toBe(2);
    const [a, b] = root.querySelectorAll('img');
    expect(a?.getAttribute('src')).toMatch(/assets\/plot\.png\?t=7$/);
    expect(b?.getAttribute('src')).toBe('../assets/other.png');
    expect(root.querySelector('div')?.getAttribute('style')).toMatch(/plot\.png\?t=7/);
  });
});
