import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeckStore } from './store.js';

const root = mkdtempSync(join(tmpdir(), 'lectern-store-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'slides'));
const write = (name: string, title: string) => writeFileSync(join(root, 'slides', name), `---\ntitle: ${title}\n---\n\n# ${title}\n`);

describe('the deck store answers with the files as saved, before the watcher says they changed', () => {
  it('a deck edited a moment ago is compiled again; an unchanged one comes from memory', async () => {
    write('a.md', 'First');
    const store = new DeckStore(root);
    const first = await store.deck('slides/a.md');
    expect(first.meta.title).toBe('First');
    expect(await store.deck('slides/a.md')).toBe(first);
    write('a.md', 'Second');
    expect((await store.deck('slides/a.md')).meta.title).toBe('Second');
  });

  it('a deck created a moment ago is found by its address', async () => {
    const store = new DeckStore(root);
    expect(store.fileOf('b')).toBeUndefined();
    write('b.md', 'New');
    expect(store.fileOf('b')).toBe('slides/b.md');
    expect(store.slugs().has('b')).toBe(true);
  });
});

describe("a build's store reads the course once", () => {
  it('keeps the text it read until invalidated: one build sees one snapshot of the course', async () => {
    write('c.md', 'Before');
    const store = new DeckStore(root, { readOnce: true });
    expect((await store.deck('slides/c.md')).meta.title).toBe('Before');
    write('c.md', 'During');
    expect((await store.deck('slides/c.md')).meta.title).toBe('Before');
    store.invalidate();
    expect((await store.deck('slides/c.md')).meta.title).toBe('During');
  });
});
