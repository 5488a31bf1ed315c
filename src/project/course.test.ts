import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { slugOf } from '../model/deck-path.js';
import type { Deck } from '../model/types.js';
import { courseHome, courseLinks, courseOrder } from './course.js';
import { DeckStore, listDeckFiles } from './store.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lectern-course-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

type Lecture = Pick<Deck, 'file' | 'slug' | 'meta'>;
const lecture = (file: string, meta: Partial<Deck['meta']> = {}): Lecture =>
  ({ file, slug: slugOf(file), meta: { title: file, lang: 'en', ...meta } }) as Lecture;

describe('decks in sub-folders of slides/', () => {
  it('finds decks in folders at any depth; a folder with slides.md or index.md is one deck with its own files', () => {
    const root = project({
      'slides/intro.md': '# Intro',
      'slides/part-1/02-b.md': '# B',
      'slides/part-1/01-a.md': '# A',
      'slides/part-1/week-2/c.md': '# C',
      'slides/lec1/slides.md': '# Lecture 1',
      'slides/lec1/figs/README.md': 'not a deck: a file of the deck folder',
      'slides/lec1/notes.md': 'not a deck either',
      'slides/lec2/index.md': '# Lecture 2',
      'slides/_drafts/d.md': '# Draft',
      'slides/part-1/_wip.md': '# WIP',
      'slides/.git/x.md': '',
    });
    expect(listDeckFiles(root)).toEqual([
      'slides/intro.md',
      'slides/lec1/slides.md',
      'slides/lec2/index.md',
      'slides/part-1/01-a.md',
      'slides/part-1/02-b.md',
      'slides/part-1/week-2/c.md',
    ]);
    expect([...new DeckStore(root).slugs()]).toEqual(['intro', 'lec1', 'lec2', 'part-1/01-a', 'part-1/02-b', 'part-1/week-2/c']);
  });

  it('a deck file and a deck folder of the same name are one address: the second is an error naming the first', async () => {
    const root = project({ 'slides/lec1.md': '# One', 'slides/lec1/slides.md': '# Two' });
    const store = new DeckStore(root);
    expect(store.files()).toEqual(['slides/lec1/slides.md', 'slides/lec1.md']);
    expect((await store.deck('slides/lec1/slides.md')).diagnostics).toEqual([]);
    const second = await store.deck('slides/lec1.md');
    expect(second.diagnostics[0]).toMatchObject({ code: 'slug-clash', severity: 'error', line: 1 });
    expect(second.diagnostics[0]?.message).toContain('/lec1/ as slides/lec1/slides.md');
  });

  it("a deck whose address is one of the site's own folders (/assets/, /pdf/, /og/, /icons/) is an error", async () => {
    const root = project({ 'slides/assets.md': '# A', 'slides/PDF/notes.md': '# N', 'slides/assets-week.md': '# W' });
    const store = new DeckStore(root);
    const codes = async (file: string) => (await store.deck(file)).diagnostics.map((d) => [d.code, d.severity, d.line]);
    expect(await codes('slides/assets.md')).toEqual([['slug-reserved', 'error', 1]]);
    expect((await store.deck('slides/PDF/notes.md')).diagnostics[0]?.message).toContain("/PDF/notes/, inside the site's own folder /pdf/");
    expect(await codes('slides/assets-week.md')).toEqual([]);
  });

  it('a deck folder with both index.md and slides.md presents index.md and says slides.md is left out', async () => {
    const root = project({ 'slides/lec1/index.md': '# One', 'slides/lec1/slides.md': '# Two' });
    const store = new DeckStore(root);
    expect(store.files()).toEqual(['slides/lec1/index.md']);
    const deck = await store.deck('slides/lec1/index.md');
    expect(deck.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['deck-folder-two', 'warning', 'slides/lec1/slides.md is not presented: slides/lec1/index.md is the deck of this folder'],
    ]);
  });

  it('orders sections as the settings list them, then by name; lectures by order:, number prefix, date', () => {
    const decks = [
      lecture('slides/part-2/x.md'),
      lecture('slides/part-10/y.md'),
      lecture('slides/basics/later.md', { date: '2026-03-09' }),
      lecture('slides/basics/earlier.md', { date: '2026-03-02' }),
      lecture('slides/basics/02-second.md'),
      lecture('slides/basics/first.md', { order: 1 }),
      lecture('slides/lec0/slides.md'),
      lecture('slides/welcome.md'),
    ];
    expect(courseOrder(decks).map((d) => d.slug)).toEqual([
      'lec0',
      'welcome',
      'basics/first',
      'basics/02-second',
      'basics/earlier',
      'basics/later',
      'part-2/x',
      'part-10/y',
    ]);
    expect(
      courseOrder(decks, ['part-10', 'basics'])
        .map((d) => d.slug)
        .slice(2, 4),
    ).toEqual(['part-10/y', 'basics/first']);
  });

  it('the home groups lectures by folder, titled from the settings or the folder name; links follow the path', () => {
    const decks = [lecture('slides/part-1/a.md'), lecture('slides/02-part_two/lec/slides.md'), lecture('slides/top.md')].map(
      (d) => ({ ...d, slides: [], diagnostics: [] }) as unknown as Deck,
    );
    const home = courseHome(decks, { sections: { 'part-1': 'Foundations' } }, () => ({}));
    expect(home.sections.map((s) => [s.folder, s.title, s.lectures.map((l) => l.href)])).toEqual([
      ['', '', ['./top/']],
      ['part-1', 'Foundations', ['./part-1/a/']],
      ['02-part_two', 'Part two', ['./02-part_two/lec/']],
    ]);
    const ordered = home.sections.flatMap((s) => s.lectures.map((l) => decks.find((d) => d.slug === l.slug) as Deck));
    expect(courseLinks('part-1/a', ordered)).toEqual({
      home: '../../',
      prev: { href: '../../top/', title: 'slides/top.md', lang: 'en' },
      next: { href: '../../02-part_two/lec/', title: 'slides/02-part_two/lec/slides.md', lang: 'en' },
    });
  });
});

describe('previous and next lecture', () => {
  it("steps from lecture to lecture in the reader's language, skipping the other edition of the same lecture", () => {
    const ordered = courseOrder([
      lecture('slides/two.md', { order: 2, lang: 'zh' }),
      lecture('slides/two-en.md', { order: 2, lang: 'en' }),
      lecture('slides/one.md', { order: 1, lang: 'zh' }),
      lecture('slides/one-en.md', { order: 1, lang: 'en' }),
      lecture('slides/guest.md', { order: 3, lang: 'en' }),
    ]);
    const slugs = (s: string) => {
      const l = courseLinks(s, ordered);
      return [l.prev?.href, l.next?.href];
    };
    expect(slugs('one-en')).toEqual([undefined, '../two-en/']);
    expect(slugs('two-en')).toEqual(['../one-en/', '../guest/']);
    expect(slugs('two')).toEqual(['../one/', '../guest/']);
    expect(slugs('one')).toEqual([undefined, '../two/']);
    // A lecture in one language only is everyone's neighbour: its previous is the edition in its own language.
    expect(slugs('guest')).toEqual(['../two-en/', undefined]);
  });

  it('decks without an order are each a lecture of their own, whatever their language', () => {
    const ordered = courseOrder([lecture('slides/a.md', { lang: 'zh' }), lecture('slides/b.md', { lang: 'en' })]);
    expect(courseLinks('a', ordered).next?.href).toBe('../b/');
    expect(courseLinks('b', ordered).prev?.href).toBe('../a/');
  });
});

describe('compiled decks kept between builds', () => {
  it('a deck comes from the cache only while its text, the deck list and every file it looked at are unchanged', async () => {
    const root = project({
      'slides/a.md':
        '---\ntitle: A\n---\n\n# A\n\n---\n\n## Tree\n\n![tree](../assets/tree.png)\n\n```mermaid src="flow.mmd" caption="Flow"\n```\n\n[b](b.md)\n',
      'slides/b.md': '# B',
      'assets/tree.png': 'png',
      'assets/flow.mmd': 'flowchart LR\n  a --> b\n',
    });
    const cacheDir = join(root, 'node_modules', '.vite');
    const fresh = await new DeckStore(root).deck('slides/a.md');
    const first = await new DeckStore(root, { cacheDir }).deck('slides/a.md');
    expect(first).toEqual(fresh);
    // A second process reads it back: the entry is what it gets (marked here to tell it from a compile).
    const dir = join(cacheDir, 'lectern-decks');
    const [entry] = readdirSync(dir);
    const path = join(dir, entry ?? '');
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    expect(stored.deck).toEqual(JSON.parse(JSON.stringify(fresh)));
    stored.deck.meta.title = 'from the cache';
    writeFileSync(path, JSON.stringify(stored));
    expect((await new DeckStore(root, { cacheDir }).deck('slides/a.md')).meta.title).toBe('from the cache');
    // What invalidates it: an image it names disappearing, a diagram source edited, a deck added, its own text.
    const changes: [string, () => void, (d: Deck) => boolean][] = [
      ['image removed', () => rmSync(join(root, 'assets/tree.png')), (d) => d.diagnostics.some((x) => x.code === 'image-missing')],
      [
        'diagram edited',
        () => writeFileSync(join(root, 'assets/flow.mmd'), 'flowchart LR\n  a --> c\n'),
        (d) => d.diagrams[0]?.source.includes('a --> c') ?? false,
      ],
      ['deck added', () => writeFileSync(join(root, 'slides/c.md'), '# C'), () => true],
      [
        'text edited',
        () => writeFileSync(join(root, 'slides/a.md'), '---\ntitle: A edited\n---\n\n# A\n'),
        (d) => d.meta.title === 'A edited',
      ],
    ];
    for (const [what, change, shows] of changes) {
      change();
      const deck = await new DeckStore(root, { cacheDir }).deck('slides/a.md');
      expect(shows(deck), what).toBe(true);
      expect(deck, what).toEqual(await new DeckStore(root).deck('slides/a.md'));
    }
  });
});
