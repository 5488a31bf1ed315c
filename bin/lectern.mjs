#!/usr/bin/env node
/**
 * `node bin/lectern.mjs <pdf|check> [options]` — what `npm run pdf` and `npm run check` run.
 *
 * The commands are TypeScript (src/cli/<command>.ts). Starting them through tsx compiles every module
 * again on each run (~0.3 s of a 3 s PDF export), so they are bundled once with esbuild into
 * node_modules/.cache/lectern/cli/ and that bundle is run until a file under src/ changes.
 * Packages stay external: they load from node_modules as usual.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMMANDS = ['pdf', 'check'];
const here = fileURLToPath(import.meta.url);
const root = resolve(dirname(here), '..');

const command = process.argv[2];
if (!command || !COMMANDS.includes(command)) {
  console.error(`Usage: node bin/lectern.mjs <${COMMANDS.join('|')}> [options]   (npm run ${COMMANDS.join(' / npm run ')})`);
  process.exit(2);
}

/** Newest modification time of the TypeScript sources (and of this file, which sets the bundle options). */
function newestSource(dir, newest = statSync(here).mtimeMs) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const entry = join(root, 'src', 'cli', `${command}.ts`);

/** Bundles the command into `dir` unless a bundle newer than every source is there; returns its path. */
async function bundled(dir) {
  const bundle = join(dir, `${command}.mjs`);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(root, 'src'))) return bundle;
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  // Written beside and renamed: two commands started at once never run half a bundle.
  const tmp = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent', // errors are thrown, with their messages
  });
  renameSync(tmp, bundle);
  return bundle;
}

let bundle;
try {
  bundle = await bundled(join(root, 'node_modules', '.cache', 'lectern', 'cli'));
} catch (err) {
  // node_modules cannot be written to (a read-only install): run the TypeScript through tsx, slower.
  const denied = ['EACCES', 'EROFS', 'EPERM'].includes(err?.code) || /permission denied|read-only file system/i.test(String(err?.message));
  if (!denied) throw err;
}

// The command reads its own options from process.argv.slice(2).
process.argv.splice(2, 1);
if (bundle) await import(pathToFileURL(bundle).href);
else await (await import('tsx/esm/api')).tsImport(pathToFileURL(entry).href, import.meta.url);
