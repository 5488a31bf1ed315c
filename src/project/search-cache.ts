/**
 * The course's search index, kept between builds (`node_modules/.vite/lectern-search/`): unchanged lectures
 * are not indexed again. When no lecture's slides changed, the last index is the index; when some did,
 * MiniSearch loads the last index, removes those lectures' slides (as they were stored) and adds them anew —
 * MiniSearch's own remove/add, so the index is the one a fresh build makes up to internal numbering.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, type SearchDoc } from '../model/search.js';
import { codeVersion, sha } from './deck-cache.js';

interface Meta {
  key: string;
  /** Per lecture (slug): a hash of its documents and their ids, in the order they were added. */
  decks: Record<string, { hash: string; ids: string[] }>;
}

/** What an index depends on besides its documents: Lectern's code and MiniSearch's options. */
const version = () => `${codeVersion()}\n${JSON.stringify(MINISEARCH_OPTIONS)}`;
/** The course index and its meta, written together in `dir`. */
const courseFiles = (dir: string) => ({ metaFile: join(dir, 'meta.json'), indexFile: join(dir, 'index.json') });

function write(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** The index this process wrote last, with the meta written beside it (in memory: see `cachedSearchIndex`). */
let live: { dir: string; meta: string; index: MiniSearch<SearchDoc> } | undefined;
/** `live`'s index when it is the one whose meta `dir` holds now. */
const liveIndex = (dir: string, meta: string) => (live?.dir === dir && live.meta === meta ? live.index : undefined);

/** Loads the index last written in `dir` into memory (as `live`) when it is not there already. */
export function loadLastIndex(dir: string): void {
  const { metaFile, indexFile } = courseFiles(dir);
  try {
    const meta = readFileSync(metaFile, 'utf8');
    if (liveIndex(dir, meta) || (JSON.parse(meta) as Meta).key !== sha(version())) return;
    live = { dir, meta, index: MiniSearch.loadJSON<SearchDoc>(readFileSync(indexFile, 'utf8'), MINISEARCH_OPTIONS) };
  } catch {
    // Nothing kept yet, or a damaged cache: the next build makes it.
  }
}

/** The serialized index of `docs` (grouped by lecture: `bySlug`), made from the last one in `dir` where it can be. */
export function cachedSearchIndex(bySlug: Map<string, SearchDoc[]>, dir: string): string {
  const key = sha(version());
  const decks: Meta['decks'] = {};
  for (const [slug, docs] of bySlug) decks[slug] = { hash: sha(JSON.stringify(docs)), ids: docs.map((d) => d.id) };
  const { metaFile, indexFile } = courseFiles(dir);
  let last: Meta | undefined;
  try {
    if (existsSync(metaFile) && existsSync(indexFile)) last = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
  } catch {}
  const same = (a: Meta['decks'][string] | undefined, b: Meta['decks'][string] | undefined) => !!a && !!b && a.hash === b.hash;
  const order = (m: Meta['decks']) => Object.keys(m).join('\n');
  const unchanged =
    last?.key === key && order(last.decks) === order(decks) && Object.keys(decks).every((s) => same(last?.decks[s], decks[s]));
  let json: string | undefined;
  let made: MiniSearch<SearchDoc> | undefined;
  if (last?.key === key) {
    try {
      // Written whole (renamed into place) with its meta, so an unchanged course takes it as it is.
      if (unchanged) return readFileSync(indexFile, 'utf8');
      // A rebuild in the same process (`vite build --watch`) starts from the index it made last, not its file.
      const index =
        liveIndex(dir, readFileSync(metaFile, 'utf8')) ??
        MiniSearch.loadJSON<SearchDoc>(readFileSync(indexFile, 'utf8'), MINISEARCH_OPTIONS);
      live = undefined;
      for (const [slug, was] of Object.entries(last.decks)) {
        if (same(was, decks[slug])) continue;
        for (const id of was.ids) {
          const stored = index.getStoredFields(id);
          if (stored) index.remove({ id, ...stored } as unknown as SearchDoc);
        }
      }
      for (const [slug, docs] of bySlug) if (!same(last.decks[slug], decks[slug])) index.addAll(docs);
      json = JSON.stringify(index);
      made = index;
    } catch {
      // A damaged cache: index everything.
    }
  }
  if (json === undefined || !made) {
    made = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
    for (const docs of bySlug.values()) made.addAll(docs);
    json = JSON.stringify(made);
  }
  const meta = JSON.stringify({ key, decks } satisfies Meta);
  try {
    mkdirSync(dir, { recursive: true });
    write(indexFile, json);
    write(metaFile, meta);
    live = { dir, meta, index: made };
  } catch {
    // A cache that cannot be written is only slower.
  }
  return json;
}

/**
 * One lecture's own index (its search panel), kept by content: `lectern-search/decks/<hash of its documents>.json`
 * is reused while the lecture's slides and notes, Lectern's code and the index options are the same. Files of
 * lectures that changed are left behind (a few KB each); deleting the cache folder is always safe.
 */
export function cachedDeckIndex(docs: SearchDoc[], dir: string): string {
  const file = join(dir, 'decks', `${sha(`${version()}\n${JSON.stringify(docs)}`)}.json`);
  try {
    return readFileSync(file, 'utf8');
  } catch {}
  const index = new MiniSearch<SearchDoc>(MINISEARCH_OPTIONS);
  index.addAll(docs);
  const json = JSON.stringify(index);
  try {
    mkdirSync(join(dir, 'decks'), { recursive: true });
    write(file, json);
  } catch {
    // A cache that cannot be written is only slower.
  }
  return json;
}
