#!/usr/bin/env node
/**
 * `lectern <dev|build|preview|pdf|site|check|live> [DIR] [options]`: the command line of a course. DIR (default:
 * the current folder) holds `slides/` and `assets/` and receives `dist/`; `npm run pdf` etc. in this
 * checkout run the same with DIR = the checkout.
 *
 * The commands are TypeScript (src/cli/<command>.ts). Starting them through tsx compiles every module
 * again on each run (~0.3 s of a 3 s PDF export), so they are bundled once with esbuild and that bundle is
 * run until a file under src/ changes. The bundle is cached in the course's node_modules/.cache/lectern/
 * (a temp folder when that cannot be written), never in the Lectern package; its imports of packages are
 * absolute file URLs resolved from the package, and each module keeps its own import.meta.url, so it
 * runs the same wherever it is cached.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMMANDS = {
  dev: 'serve the course with live reload while you write (http://127.0.0.1:5173/)',
  build: 'build the site into DIR/dist/',
  preview: 'serve the built site (DIR/dist/) as the audience gets it',
  pdf: 'print decks to DIR/dist/pdf/ (builds first when out of date; --help for options)',
  site: 'the whole site to publish: build, every PDF and handout, link previews, link check (--help)',
  check: 'every problem in every deck, as slides/x.md:12 (--json, --no-browser, slug…)',
  live: "present a deck live: the audience's phones and laptops follow (slug, --port N, --host H; --help)",
};
const USAGE = `Usage: lectern <command> [DIR] [options]

DIR is the course folder (slides/, assets/; default: the current folder).

${Object.entries(COMMANDS)
  .map(([name, what]) => `  ${name.padEnd(8)} ${what}`)
  .join('\n')}

dev and preview take --port N and --open.`;

const here = fileURLToPath(import.meta.url);
const packageRoot = resolve(dirname(here), '..');

const command = process.argv[2];
if (!command || command === '-h' || command === '--help') {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}
if (!Object.hasOwn(COMMANDS, command)) {
  console.error(`lectern: unknown command \`${command}\`\n\n${USAGE}`);
  process.exit(2);
}

/**
 * The course folder: the first argument after the command when it names a folder. pdf and check also take
 * deck slugs there (live one), so for them a bare name is a folder only if it holds slides/ (`lectern pdf intro`
 * prints the deck `intro`; `lectern pdf ./intro` or `lectern pdf course` with course/slides/ a folder).
 */
function courseFolder() {
  const first = process.argv[3];
  if (!first || first.startsWith('-')) return undefined;
  const isDir = existsSync(first) && statSync(first).isDirectory();
  if (command === 'pdf' || command === 'check' || command === 'live') {
    const pathLike = /[/\\]/.test(first) || first === '.' || first === '..';
    return isDir && (pathLike || existsSync(join(first, 'slides'))) ? first : undefined;
  }
  if (!isDir) {
    console.error(`lectern ${command}: no folder \`${first}\` (give the course folder, the one holding slides/)`);
    process.exit(2);
  }
  return first;
}

const dir = courseFolder();
if (dir) {
  process.argv.splice(3, 1);
  process.chdir(resolve(dir));
}
const course = process.cwd();
if (!existsSync(join(course, 'slides'))) console.warn(`lectern: no slides/ folder in ${course}: no decks to show yet.`);

/** Newest modification time of the TypeScript sources (and of this file, which sets the bundle options). */
function newestSource(dir, newest = statSync(here).mtimeMs) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const entry = join(packageRoot, 'src', 'cli', `${command}.ts`);
const IMPORT_META_URL = '__lecternImportMetaUrl';

/** esbuild plugin: packages resolved from the Lectern package as file URLs; every module keeps its own import.meta.url. */
const portable = {
  name: 'lectern-portable-bundle',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      try {
        return { path: import.meta.resolve(args.path), external: true };
      } catch {
        return { path: args.path, external: true }; // not installed: fails when (and if) it is imported
      }
    });
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: `const ${IMPORT_META_URL} = ${JSON.stringify(pathToFileURL(args.path).href)};\n${readFileSync(args.path, 'utf8')}`,
      loader: 'ts',
    }));
  },
};

/**
 * Bundles the command into `cacheDir/<command>-<package>-<sources' mtime>/` unless that is there; returns
 * the entry's path. Split into chunks, so what a command imports lazily (e.g. the whole build pipeline
 * behind `pdf`'s "build first") is loaded only when it is used. A new bundle goes to a new folder
 * (renamed into place whole), so a command that is running never has its chunks replaced.
 */
async function bundled(cacheDir) {
  const id = createHash('sha256').update(packageRoot).digest('hex').slice(0, 8);
  const name = `${command}-${id}-${Math.floor(newestSource(join(packageRoot, 'src')))}`;
  const outdir = join(cacheDir, name);
  const bundle = join(outdir, `${command}.mjs`);
  if (existsSync(bundle)) return bundle;
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${outdir}.${process.pid}.tmp`;
  await build({
    entryPoints: { [command]: entry },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { 'import.meta.url': IMPORT_META_URL },
    plugins: [portable],
    logLevel: 'silent', // errors are thrown, with their messages
  });
  try {
    renameSync(tmp, outdir);
  } catch (err) {
    if (!existsSync(bundle)) throw err; // another run put the same bundle in place first
    rmSync(tmp, { recursive: true, force: true });
  }
  // Bundles of older sources of this command are no longer used.
  for (const old of readdirSync(cacheDir)) {
    if (old !== name && old.startsWith(`${command}-${id}-`) && !old.endsWith('.tmp'))
      rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  return bundle;
}

let bundle;
try {
  bundle = await bundled(join(course, 'node_modules', '.cache', 'lectern', 'cli'));
} catch (err) {
  // The course's node_modules cannot be written to (a read-only folder): cache the bundle in a temp folder.
  const denied = ['EACCES', 'EROFS', 'EPERM'].includes(err?.code) || /permission denied|read-only file system/i.test(String(err?.message));
  if (!denied) throw err;
  bundle = await bundled(join(tmpdir(), `lectern-cli-${process.getuid?.() ?? 'user'}`));
}

// The command reads its own options from process.argv.slice(2).
process.argv.splice(2, 1);
await import(pathToFileURL(bundle).href);
