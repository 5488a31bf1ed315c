import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { courseConfig } from '../src/vite/config';
import { test } from './fixtures';

/**
 * A Vite dev server, for the tests of one file (serial), of a course of its own in a temp folder (never this
 * checkout's slides/): `decks` (file name -> text) are written to its slides/ and `copy` (paths in this
 * checkout, e.g. `slides/demo.md`) copied into it before it starts on its own loopback port; the folder
 * is removed after. The folder is named after the port, so spec files can name their deck files up front.
 * Vite's cache (optimized reveal.js and Mermaid, font subsets) is kept beside it between runs, as a
 * lecturer's course keeps its node_modules/.vite: a first visit that optimizes from nothing takes a
 * minute on a loaded machine.
 */
export function devServerFor(port: number, decks: Record<string, string>, copy: string[] = []) {
  const root = join(tmpdir(), `lectern-e2e-dev-${port}`);
  const cacheDir = join(tmpdir(), `lectern-e2e-dev-${port}-vite`);
  let server: ViteDevServer | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(join(root, 'slides'), { recursive: true });
    mkdirSync(join(root, 'assets'), { recursive: true });
    for (const path of copy) cpSync(path, join(root, path), { recursive: true });
    for (const [file, text] of Object.entries(decks)) {
      mkdirSync(join(root, 'slides', file, '..'), { recursive: true });
      writeFileSync(join(root, 'slides', file), text);
    }
    server = await createServer({
      ...courseConfig(root),
      cacheDir,
      server: { port, strictPort: true, host: '127.0.0.1' },
      logLevel: 'error',
    });
    await server.listen();
    // Wait for the dependency optimizer here, not in the first test: the browser code imports reveal.js.
    await server.warmupRequest('/@lectern-runtime/main.ts');
    await server.waitForRequestsIdle();
  });
  test.afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    /** The path of a deck file in the course's slides/. */
    deckFile: (name: string): string => join(root, 'slides', name),
    server: (): ViteDevServer => {
      if (!server) throw new Error('the dev server has not started');
      return server;
    },
  };
}
