import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileDeck } from '../markdown/compile.js';
import { DECK_FOLDER_FILES, isDeckFileName, isDeckFolderName, isFolderDeck, SLIDES_DIR, slugOf } from '../model/deck-path.js';
import { RESERVED_FOLDERS, reservedFolderOf } from '../model/site.js';
import type { CompileContext, Deck, Diagnostic } from '../model/types.js';
import { DeckCache } from './deck-cache.js';
import { attachInk } from './ink-file.js';

export { SLIDES_DIR };
export const ASSETS_DIR = 'assets';

/**
 * Deck files under slides/ and its sub-folders, as project-relative paths in a stable order (see
 * src/model/deck-path.ts for which files are decks): a folder holding `slides.md` or `index.md` is one deck
 * (its other files are that deck's figures and notes); `_drafts/`, `.git/` and `_x.md` are skipped.
 */
export function listDeckFiles(root: string): string[] {
  const walk = (dir: string): string[] => {
    const abs = join(root, dir);
    if (!existsSync(abs)) return [];
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const nested = dir !== SLIDES_DIR;
    const own = nested ? entries.find((e) => !e.isDirectory() && DECK_FOLDER_FILES.includes(e.name.toLowerCase())) : undefined;
    if (own) return [`${dir}/${own.name}`];
    return entries.flatMap((e) => {
      const path = `${dir}/${e.name}`;
      const isDir = e.isDirectory() || (e.isSymbolicLink() && statSync(join(root, path), { throwIfNoEntry: false })?.isDirectory());
      if (isDir) return isDeckFolderName(e.name) ? walk(path) : [];
      return isDeckFileName(e.name) ? [path] : [];
    });
  };
  return walk(SLIDES_DIR);
}

/** Two slugs name the same deck when they differ only in case or Unicode normalisation. */
export function slugKey(slug: string): string {
  return slug.normalize('NFC').toLowerCase();
}

/** Files under a folder, as paths relative to `root` with `/`. */
function filesUnder(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.name.startsWith('.') ? [] : e.isDirectory() ? filesUnder(root, `${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

export function compileContext(root: string, slugs: ReadonlySet<string>): CompileContext {
  const inside = (rel: string) => !relative(root, join(root, rel)).startsWith('..');
  let assets: string[] | undefined;
  return {
    root,
    slugs,
    assetFiles: () => {
      assets ??= filesUnder(root, ASSETS_DIR);
      return assets;
    },
    assetExists: (rel) => inside(rel) && existsSync(join(root, rel)) && statSync(join(root, rel)).isFile(),
    readAsset: (rel) => {
      const path = join(root, rel);
      return inside(rel) && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    },
  };
}

/**
 * Every deck of a project, compiled on demand and cached until its file (or an asset) changes.
 * The dev server, the build and `npm run check` all go through here.
 */
export class DeckStore {
  /** Compiled decks with the text they were compiled from. */
  private cache = new Map<string, { text: string; deck: Promise<Deck> }>();
  private readonly disk: DeckCache | undefined;
  /** `readOnce`: each file's text as first read, until `invalidate()` (a build: one snapshot of the course). */
  private readonly texts: Map<string, string> | undefined;
  /**
   * `cacheDir`: keep compiled decks there between runs (see deck-cache.ts); the build and the dev server do.
   * `readOnce`: read each deck file once until `invalidate()` (a build asks for every deck once per page:
   * a thousand reads for a course of thirty); the dev server reads on every ask, to see a save at once.
   */
  constructor(
    readonly root: string,
    options: { cacheDir?: string; readOnce?: boolean } = {},
  ) {
    this.disk = options.cacheDir ? new DeckCache(join(options.cacheDir, 'lectern-decks')) : undefined;
    this.texts = options.readOnce ? new Map() : undefined;
  }

  private list: string[] | undefined;
  /** The deck files (read once until `invalidate()` without a file: the deck list changed). */
  files(): string[] {
    this.list ??= listDeckFiles(this.root);
    return this.list;
  }

  slugs(): Set<string> {
    return new Set(this.files().map(slugOf));
  }

  /** The deck file of a slug; a file created a moment ago is found before the watcher has said so. */
  fileOf(slug: string): string | undefined {
    const find = () => this.files().find((f) => slugOf(f) === slug);
    const found = find();
    if (found || !this.list) return found;
    const before = this.list;
    this.list = undefined;
    const again = find();
    // The list changed under the watcher: decks compiled against the old one (their links) are stale.
    if (this.files().join('\n') !== before.join('\n')) this.cache.clear();
    return again;
  }

  /** A deck folder's other deck file names (`slides.md` beside the `index.md` that is its deck). */
  private skippedFolderDecks(file: string): string[] {
    if (!isFolderDeck(file)) return [];
    const dir = file.slice(0, file.lastIndexOf('/'));
    return readdirSync(join(this.root, dir))
      .filter((name) => DECK_FOLDER_FILES.includes(name.toLowerCase()) && `${dir}/${name}` !== file)
      .map((name) => `${dir}/${name}`);
  }

  /** Forget one deck (its file changed) or all of them (an asset or the deck list changed). */
  invalidate(file?: string): void {
    if (file) {
      this.cache.delete(file);
      this.texts?.delete(file);
    } else {
      this.texts?.clear();
      this.cache.clear();
      this.list = undefined;
    }
  }

  /** The deck file's text ('' when it is gone). */
  text(file: string): string {
    const known = this.texts?.get(file);
    if (known !== undefined) return known;
    const text = existsSync(join(this.root, file)) ? readFileSync(join(this.root, file), 'utf8') : '';
    this.texts?.set(file, text);
    return text;
  }

  /**
   * Deck files whose slug clashes with an earlier file's (names equal up to case or Unicode form, e.g.
   * `Intro.md` and `intro.md`): one URL and one `dist/<slug>/` on macOS and Windows. File -> earlier file.
   */
  clashes(): Map<string, string> {
    const first = new Map<string, string>();
    const out = new Map<string, string>();
    for (const file of this.files()) {
      const key = slugKey(slugOf(file));
      const earlier = first.get(key);
      if (earlier) out.set(file, earlier);
      else first.set(key, file);
    }
    return out;
  }

  /**
   * The compiled deck. A file saved a moment ago counts even before the watcher has said so (the text is
   * compared): a page loaded right after the save never shows the deck as it was.
   */
  deck(file: string): Promise<Deck> {
    const text = this.text(file);
    const hit = this.cache.get(file);
    if (hit && hit.text === text) return hit.deck;
    const clash = this.clashes().get(file);
    const deck = this.compile(file, text).then((d) => {
      const reserved = reservedFolderOf(d.slug);
      if (reserved)
        d.diagnostics.unshift({
          code: 'slug-reserved',
          file,
          line: 1,
          severity: 'error',
          message: `deck \`${d.slug}\` would be served at /${d.slug}/, inside the site's own folder /${reserved}/`,
          hint: `rename ${file}${d.slug.includes('/') ? ' or its folder' : ''} (e.g. ${reserved}-lecture); ${RESERVED_FOLDERS.map((f) => `/${f}/`).join(', ')} are the site's`,
        });
      if (clash)
        d.diagnostics.unshift({
          code: 'slug-clash',
          file,
          line: 1,
          severity: 'error',
          message:
            slugOf(clash) === d.slug
              ? `deck \`${d.slug}\` has the same address /${d.slug}/ as ${clash}`
              : `deck \`${d.slug}\` has the same URL as ${clash} on macOS and Windows (file names that differ only in case)`,
          hint: `rename one of the two; ${clash} keeps /${slugOf(clash)}/`,
        });
      for (const other of this.skippedFolderDecks(file))
        d.diagnostics.push({
          code: 'deck-folder-two',
          file,
          line: 1,
          severity: 'warning',
          message: `${other} is not presented: ${file} is the deck of this folder`,
          hint: `a folder has one deck (${DECK_FOLDER_FILES.join(' or ')}); rename ${other}, or move it into a folder of its own`,
        });
      attachInk(this.root, d);
      return d;
    });
    this.cache.set(file, { text, deck });
    return deck;
  }

  /** The deck as compiled from its file, from the disk cache when nothing it depends on changed. */
  private async compile(file: string, text: string): Promise<Deck> {
    const ctx = compileContext(this.root, this.slugs());
    if (!this.disk) return compileDeck(file, text, ctx);
    const cached = this.disk.get(file, text, ctx);
    if (cached) return cached;
    const recording = this.disk.recording(file, text, ctx);
    const deck = await compileDeck(file, text, recording.ctx);
    recording.put(deck);
    return deck;
  }

  /**
   * Compiles the course's largest deck once more, from its text, and forgets the result: the compiler's
   * parts (Markdown, highlighting and its grammars, math) are loaded and warm before a save needs them. A build
   * whose decks all came from the disk cache has not run them (`vite build --watch`: ~0.5 s on its first
   * rebuild).
   */
  async warmCompiler(): Promise<void> {
    const sized = this.files().map((file) => ({ file, text: this.text(file) }));
    const largest = sized.sort((a, b) => b.text.length - a.text.length)[0];
    if (largest) await compileDeck(largest.file, largest.text, compileContext(this.root, this.slugs())).catch(() => undefined);
  }

  all(): Promise<Deck[]> {
    return Promise.all(this.files().map((f) => this.deck(f)));
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const detail = d.detail ? `\n${d.detail.replace(/^/gm, '    ')}` : '';
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}${detail}${d.hint ? `\n    hint: ${d.hint}` : ''}`;
}
