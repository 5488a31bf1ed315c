import { describe, expect, it } from 'vitest';
import { compile, dom, memoryContext } from '../../../test/helpers.js';

const files = memoryContext({ 'slides/figs/p.png': 'png', 'slides/figs/g.svg': 'svg', 'assets/bg.png': 'png', 'assets/v.mp4': 'mp4' });

describe('files beside the deck', () => {
  it('finds backgrounds, lazy media and raw <img> beside the deck or under assets/, and lists them for the site', async () => {
    const deck = await compile(
      [
        '---',
        'title: T',
        'dialect: reveal',
        '---',
        '<!-- .slide: data-background-image="figs/p.png" -->',
        '# One',
        '',
        '<img src="./figs/g.svg" alt="raw" class="wide">',
        '',
        '<img data-src="../assets/bg.png" alt="lazy">',
        '',
        '---',
        '<!-- .slide: data-background-video="../assets/v.mp4" data-background="#fff" -->',
        '## Two',
        '',
        '![a graph](figs/g.svg)',
      ].join('\n'),
      files,
    );
    const [one, two] = deck.slides;
    expect(one?.attrs['data-background-image']).toBe('../slides/figs/p.png');
    const first = dom(one?.html ?? '');
    expect(first.querySelector('img[alt="raw"]')?.getAttribute('src')).toBe('../slides/figs/g.svg');
    expect(first.querySelector('img[alt="raw"]')?.getAttribute('class')).toBe('wide');
    expect(first.querySelector('img[alt="lazy"]')?.getAttribute('data-src')).toBe('../assets/bg.png');
    expect(two?.attrs['data-background-video']).toBe('../assets/v.mp4');
    expect(two?.attrs['data-background']).toBe('#fff');
    // A Markdown image is Vite's to bundle: it keeps its root path and is not listed.
    expect(
      dom(two?.html ?? '')
        .querySelector('img')
        ?.getAttribute('src'),
    ).toBe('/slides/figs/g.svg');
    expect(deck.files).toEqual(['assets/bg.png', 'assets/v.mp4', 'slides/figs/g.svg', 'slides/figs/p.png']);
    expect(deck.diagnostics).toEqual([]);
  });

  it('names a missing background at its line, and leaves colours and web addresses alone', async () => {
    const deck = await compile(
      '---\ntitle: T\n---\n# One\n\n---\n<!-- .slide: data-background-image="figs/nope.png" -->\n## Two\n\n<video data-src="https://example.org/v.mp4"></video>',
      files,
    );
    expect(deck.diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([['image-missing', 7, 'error']]);
    expect(deck.diagnostics[0]?.message).toContain('figs/nope.png');
    expect(deck.files).toEqual([]);
  });
});
