/**
 * The built site (`dist/`) as the exporters see it: is it older than its sources, build it, which decks
 * it holds. Shared by the PDF export and the visual check.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAGE } from '../model/page.js';
import { EXPORTED_DIRS } from '../model/site.js';
import { PACKAGE_ROOT } from '../vite/package.js';

/** What a build is made of: the course's files, and Lectern's own code and version. */
const SOURCE_DIRS = ['slides', 'assets', 'src'];
const SOURCE_FILES = ['vite.config.ts', 'package.json', 'index.html', 'lectern.yml'];
const PACKAGE_SOURCES = [join(PACKAGE_ROOT, 'src'), join(PACKAGE_ROOT, 'package.json')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why the site needs a build, or undefined when `dist/` is newer than every source. */
export function siteIsStale(root: string): string | undefined {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return 'dist/ has not been built';
  const builtAt = statSync(built).mtimeMs;
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    if (newestMtime(join(root, name)) > builtAt) return `${name} changed since the last build`;
  }
  if (resolve(root) === PACKAGE_ROOT) return undefined; // this checkout: its src/ was looked at above
  for (const path of PACKAGE_SOURCES) if (newestMtime(path) > builtAt) return `Lectern (${path}) changed since the last build`;
  return undefined;
}

/**
 * `vite build` of the course in `root` (empties `dist/` but for the exported `pdf/` and `og/`). `quiet`: the
 * deck diagnostics the build prints are left to the caller (`npm run check` prints them all, once).
 */
export async function buildSite(root: string, opts: { quiet?: boolean; publish?: boolean } = {}): Promise<void> {
  const [{ build }, { courseConfig }] = await Promise.all([import('vite'), import('../vite/config.js')]);
  await build({ ...courseConfig(root, { publish: !!opts.publish }), logLevel: opts.quiet ? 'error' : 'warn' });
}

/**
 * Slugs of the decks in a built site: `dist/<slug>/index.html` pages that carry a deck config, in folders at
 * any depth (`dist/part-1/intro/` is `part-1/intro`); the site's own folders (assets, pdf, og) are not looked in.
 */
export function builtDecks(distDir: string): string[] {
  const walk = (dir: string): string[] => {
    const abs = join(distDir, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !(dir === '' && SITE_DIRS.has(d.name)))
      .flatMap((d) => {
        const slug = dir ? `${dir}/${d.name}` : d.name;
        const page = join(distDir, slug, 'index.html');
        const isDeck = existsSync(page) && readFileSync(page, 'utf8').includes(`id="${PAGE.configId}"`);
        return [...(isDeck ? [slug] : []), ...walk(slug)];
      });
  };
  return walk('').sort();
}

/** Folders of a built site that hold no decks. */
const SITE_DIRS = new Set(['assets', ...EXPORTED_DIRS]);
