import { describe, expect, it } from 'vitest';
import { folderTitle, hrefBetween, isFolderDeck, resolveDeck, sectionOf, slugOf } from './deck-path.js';

describe('deck paths', () => {
  it('a deck file in slides/ or a sub-folder is addressed by its path; a deck folder by the folder', () => {
    expect(slugOf('slides/intro.md')).toBe('intro');
    expect(slugOf('slides/part-1/intro.md')).toBe('part-1/intro');
    expect(slugOf('slides/part-1/week 2/03-intro.MD')).toBe('part-1/week 2/03-intro');
    expect(slugOf('slides/lec1/slides.md')).toBe('lec1');
    expect(slugOf('slides/part-1/lec1/index.md')).toBe('part-1/lec1');
    // At the top of slides/ these names are ordinary decks (there is no folder to name them by).
    expect(slugOf('slides/slides.md')).toBe('slides');
    expect(slugOf('slides/index.md')).toBe('index');
    expect(isFolderDeck('slides/lec1/slides.md')).toBe(true);
    expect(isFolderDeck('slides/index.md')).toBe(false);
  });

  it('the section is the folder the deck sits in, under slides/', () => {
    expect(sectionOf('intro')).toBe('');
    expect(sectionOf('part-1/intro')).toBe('part-1');
    expect(sectionOf(slugOf('slides/part-1/lec1/slides.md'))).toBe('part-1');
    expect(sectionOf(slugOf('slides/lec1/slides.md'))).toBe('');
  });

  it('a folder without a title in the settings reads as words', () => {
    expect(folderTitle('part-1')).toBe('Part 1');
    expect(folderTitle('02-part_two')).toBe('Part two');
    expect(folderTitle('a/03-advanced-topics')).toBe('Advanced topics');
    expect(folderTitle('2024')).toBe('2024');
    expect(folderTitle('第一部分')).toBe('第一部分');
  });

  it('links between deck pages climb out of the folders of the page they are on', () => {
    expect(hrefBetween('a', 'b')).toBe('../b/');
    expect(hrefBetween('part-1/a', 'part-2/b')).toBe('../../part-2/b/');
    expect(hrefBetween('a', 'part 2/b')).toBe('../part%202/b/');
  });

  it('a deck named in a link is found relative to the link, from the top of slides/, then by its name anywhere', () => {
    const slugs = ['intro', 'part-1/intro', 'part-1/attention', 'part-2/induction', 'part-3/induction', 'lec1', 'lec2'];
    expect(resolveDeck('attention', 'part-1', slugs)).toEqual({ slug: 'part-1/attention' });
    expect(resolveDeck('intro', 'part-1', slugs)).toEqual({ slug: 'part-1/intro' });
    expect(resolveDeck('intro', '', slugs)).toEqual({ slug: 'intro' });
    expect(resolveDeck('../part-2/induction', 'part-1', slugs)).toEqual({ slug: 'part-2/induction' });
    expect(resolveDeck('part-2/induction', 'part-1', slugs)).toEqual({ slug: 'part-2/induction' });
    // By name anywhere in slides/: unique, or the first with every candidate listed.
    expect(resolveDeck('attention', 'part-2', slugs)).toEqual({ slug: 'part-1/attention' });
    expect(resolveDeck('induction', '', slugs)).toEqual({ slug: 'part-2/induction', ambiguous: ['part-2/induction', 'part-3/induction'] });
    expect(resolveDeck('induction', 'part-3', slugs)).toEqual({ slug: 'part-3/induction' });
    // A path from the top of slides/ comes before a deck of that name in a folder.
    expect(resolveDeck('intro', 'part-2', slugs)).toEqual({ slug: 'intro' });
    // A deck folder named by its file, as reveal-md users link them.
    expect(resolveDeck('../lec2/slides', 'lec1', slugs)).toEqual({ slug: 'lec2' });
    expect(resolveDeck('nowhere', '', slugs)).toEqual({ missing: true });
    // A name without the numeric prefix that orders the decks (Hexo post names have none).
    expect(resolveDeck('softmax', '', [...slugs, 'part-1/03-softmax'])).toEqual({ slug: 'part-1/03-softmax' });
    expect(resolveDeck('../../../x', 'part-1', slugs)).toEqual({ missing: true });
  });
});
