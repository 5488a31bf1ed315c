/**
 * Bad input across decks (continues bad-input.test.ts): a course whose files clash or vanish, and a deck
 * that is not trusted with HTML.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deck } from '../src/model/types.js';
import { DeckStore } from '../src/project/store.js';
import { compile, dom, messages } from './helpers.js';

describe('the project', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function project(files: Record<string, string>): Promise<DeckStore> {
    root = mkdtempSync(join(tmpdir(), 'lectern-bad-'));
    await mkdir(join(root, 'slides'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'slides', name), text);
    return new DeckStore(root);
  }

  it('two decks whose names differ only in case: an error on the later one, both still compile', async () => {
    const store = await project({ 'Intro.md': '# Big intro', 'intro.md': '# Small intro', 'other.md': '# Other' });
    const [big, small, other] = await Promise.all(['slides/Intro.md', 'slides/intro.md', 'slides/other.md'].map((f) => store.deck(f)));
    expect(messages(big as Deck)).toEqual([]);
    expect(messages(small as Deck)).toEqual([
      expect.stringMatching(/^slides\/intro\.md:1: error: deck `intro` has the same URL as slides\/Intro\.md/),
    ]);
    expect(small?.diagnostics[0]?.hint).toContain('rename');
    expect(small?.slides[0]?.title).toBe('Small intro');
    expect(messages(other as Deck)).toEqual([]);
  });

  it('one bad deck does not touch the others', async () => {
    const store = await project({ 'a.md': '', 'b.md': '---\ntitle: B\n---\n# B\n\nfine', 'c.md': '\u0000\u0001' });
    const decks = await store.all();
    expect(decks.map((d) => d.diagnostics.length)).toEqual([1, 0, 1]);
    expect(decks[1]?.slides[0]?.html).toContain('fine');
  });

  it('a deck file deleted after listing compiles to an "empty" deck instead of throwing', async () => {
    const store = await project({ 'gone.md': '# Gone' });
    rmSync(join(root, 'slides', 'gone.md'));
    const deck = await store.deck('slides/gone.md');
    expect(messages(deck)).toEqual(['slides/gone.md:1: error: file is empty']);
    expect(store.files()).toEqual([]);
  });
});

describe('an untrusted deck (html: false)', () => {
  const UNTRUSTED = [
    '---\ntitle: U\nhtml: false\n---',
    '<!-- .slide: data-background-iframe="https://example.org" onmouseover="x()" class="ok" -->',
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">raw</a> [md](javascript:alert(4)) [vb](vbscript:x) [data](data:text/html,<script>x</script>)',
    'para <!-- .element: onclick="alert(5)" class="fragment" -->',
    '- item <!-- .element: data-x="javascript:alert(6)" -->',
  ].join('\n\n');

  it('never lets a script, an event handler or a javascript: link reach the page', async () => {
    const deck = await compile(UNTRUSTED);
    const slide = deck.slides[0];
    const page = dom(
      `<section ${Object.entries(slide?.attrs ?? {})
        .map(([k, v]) => `${k}="${v}"`)
        .join(' ')}>${slide?.html ?? ''}</section>`,
    );
    expect(page.querySelectorAll('script, iframe, object, embed')).toHaveLength(0);
    const attrs = [...page.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    expect(attrs.filter((a) => /^on|^data-background-iframe|=\s*(javascript|vbscript|data:text\/html)/i.test(a))).toEqual([]);
    expect(slide?.attrs.class?.split(' ')).toContain('ok');
    expect(page.querySelector('p.fragment')).not.toBeNull();
    // The raw HTML is shown as text, so the author sees what was left out.
    expect(page.textContent).toContain('<script>alert(1)</script>');
  });

  it("a trusted deck (the default) keeps the author's own HTML and attributes", async () => {
    const deck = await compile(UNTRUSTED.replace('html: false', 'html: true'));
    expect(deck.slides[0]?.html).toContain('<script>alert(1)</script>');
    expect(deck.slides[0]?.attrs.onmouseover).toBe('x()');
  });
});
