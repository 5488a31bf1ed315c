/**
 * Where a deck lives and what it is called: the one place that turns a deck file under `slides/` into its
 * slug (its address in the site), its section (the folder it is grouped under on the course home) and
 * links between decks. The build, the dev server, the exporters, the checker and the browser runtime all
 * take slugs and paths from here.
 *
 * - `slides/intro.md`                 -> `intro`          (address `/intro/`)
 * - `slides/part-1/intro.md`          -> `part-1/intro`   (address `/part-1/intro/`, section `part-1`)
 * - `slides/lec1/slides.md` (or `index.md`) -> `lec1`     (a deck folder, as reveal-md users keep a deck
 *   with its figures: `slides/lec1/figs/a.png`; nothing else under that folder is a deck)
 *
 * Pure: no Node, no DOM.
 */

export const SLIDES_DIR = 'slides';

/** In a sub-folder of slides/, a file of one of these names is that folder's deck (the folder is the deck). */
export const DECK_FOLDER_FILES: readonly string[] = ['slides.md', 'index.md'];

const segments = (path: string) => path.split('/').filter(Boolean);

/** True for a Markdown file a deck can be (not `_draft.md`, not `.hidden.md`). */
export function isDeckFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && !name.startsWith('.') && !name.startsWith('_');
}

/** True for a folder under slides/ that is searched for decks (not `_drafts/`, `.git/`, `node_modules/`). */
export function isDeckFolderName(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_') && name !== 'node_modules';
}

/** `slides/lec1/slides.md` -> true: the file is the deck of its folder. */
export function isFolderDeck(file: string): boolean {
  const parts = segments(file);
  return parts.length > 2 && DECK_FOLDER_FILES.includes((parts[parts.length - 1] ?? '').toLowerCase());
}

/** A deck file (project-relative, `slides/…/x.md`) -> its slug: the path under slides/ without `.md`, or the folder of a deck folder. */
export function slugOf(file: string): string {
  const parts = segments(file);
  if (parts[0] === SLIDES_DIR && parts.length > 1) parts.shift();
  if (parts.length > 1 && DECK_FOLDER_FILES.includes((parts[parts.length - 1] ?? '').toLowerCase())) parts.pop();
  const last = parts.length - 1;
  parts[last] = (parts[last] ?? '').replace(/\.md$/i, '');
  return parts.join('/');
}

/** `part-1/intro` -> `part-1`: the section (folder) a deck is grouped under; '' at the top of slides/. */
export function sectionOf(slug: string): string {
  return segments(slug).slice(0, -1).join('/');
}

/** `part-1/intro` -> `intro`: the deck's own name, without its folders. */
export function baseName(slug: string): string {
  return segments(slug).pop() ?? '';
}

/** `part-1/intro` -> 2: how many folders deep the deck's page is below the site root. */
export const depthOf = (slug: string): number => segments(slug).length;

/** A site path with each segment URL-encoded: `part 1/intro` -> `part%201/intro`. */
export function encodePath(path: string): string {
  return segments(path).map(encodeURIComponent).join('/');
}

/** `part-1/intro` -> `./part-1/intro/`: a deck's address relative to the home page. */
export const deckHref = (slug: string): string => `./${encodePath(slug)}/`;

/** From a deck's page to the site root: `part-1/intro` -> `../../`. */
export const rootFrom = (slug: string): string => '../'.repeat(depthOf(slug));

/** From a deck's page to another deck's: `part-1/a` -> `part-2/b` is `../../part-2/b/`. */
export function hrefBetween(fromSlug: string, toSlug: string): string {
  return `${rootFrom(fromSlug)}${encodePath(toSlug)}/`;
}

/**
 * A folder's title when the course settings give none: its last segment, without a numeric ordering
 * prefix, dashes and underscores as spaces, the first letter capitalised (`02-part_two` -> `Part two`,
 * `part-1` -> `Part 1`). A name that would come out empty stays as written.
 */
export function folderTitle(folder: string): string {
  const last = segments(folder).pop() ?? folder;
  const words = last
    .replace(/^\d+[-_. ]+(?=\D)/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : last;
}

/** `02-attention` -> `attention`: a name without its numeric ordering prefix. */
const withoutPrefix = (name: string) => name.replace(/^\d+[-_. ]+(?=.)/, '');

/** Normalises `a/./b/../c` (no leading `..` kept: a path leaving slides/ is returned as undefined). */
function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

export type DeckRef =
  | { slug: string; ambiguous?: undefined; missing?: undefined }
  | { slug: string; ambiguous: string[]; missing?: undefined }
  | { slug?: undefined; ambiguous?: undefined; missing: true };

/**
 * The deck a link or a post name means. `name` is a path as written (no `.md`, no `#…`): tried relative
 * to `from` (the folder the link is written in, under slides/), then from the top of slides/, then by the
 * deck's own name anywhere in slides/ (`intro` finds `part-2/intro`). Two decks of that name anywhere:
 * the first in `slugs`' order, and `ambiguous` lists all of them.
 */
export function resolveDeck(name: string, from: string, slugs: Iterable<string>): DeckRef {
  const all = [...slugs];
  const known = new Set(all);
  const asSlug = (path: string | undefined) => (path === undefined ? undefined : slugOf(`${SLIDES_DIR}/${path}.md`));
  for (const candidate of [asSlug(normalize(`${from}/${name}`)), asSlug(normalize(name))])
    if (candidate && known.has(candidate)) return { slug: candidate };
  const base = baseName(asSlug(normalize(name.replace(/^(\.\.?\/)+/, ''))) ?? '');
  // By name: as written, else without the numeric ordering prefix (`attention` finds `part-1/02-attention`).
  const exact = all.filter((s) => baseName(s) === base);
  const byName = exact.length ? exact : all.filter((s) => withoutPrefix(baseName(s)) === base);
  const [first] = byName;
  if (!first) return { missing: true };
  return byName.length === 1 ? { slug: first } : { slug: first, ambiguous: byName };
}
