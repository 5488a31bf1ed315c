import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type ViteDevServer } from 'vite';
import { test } from './fixtures';

/**
 * A Vite dev server of the project on its own loopback port for the tests of one file, serial: the
 * given deck files are written to slides/ before it starts; they and `alsoRemove` are deleted after.
 */
export function devServerFor(port: number, decks: Record<string, string>, alsoRemove: string[] = []) {
  let server: ViteDevServer | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    for (const [file, text] of Object.entries(decks)) writeFileSync(file, text);
    server = await createServer({ server: { port, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
    await server.listen();
  });
  test.afterAll(async () => {
    await server?.close();
    for (const file of [...Object.keys(decks), ...alsoRemove]) rmSync(file, { force: true });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    server: (): ViteDevServer => {
      if (!server) throw new Error('the dev server has not started');
      return server;
    },
  };
}
