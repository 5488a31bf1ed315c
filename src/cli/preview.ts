/** `lectern preview [DIR] [--port N] [--open]`: the built site in DIR/dist, served as the audience gets it. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';
import { courseConfig } from '../vite/config.js';
import { serveOptions } from './serve-args.js';

const options = serveOptions(`Usage: lectern preview [DIR] [--port N] [--open]

Serves DIR/dist/ (run \`lectern build\` first) on http://127.0.0.1:4173/.`);
if (options && !existsSync(join(process.cwd(), 'dist', 'index.html'))) {
  console.error(`no built site in ${join(process.cwd(), 'dist')}: run \`lectern build\` first`);
  process.exitCode = 1;
} else if (options) {
  const server = await preview({
    ...courseConfig(process.cwd()),
    preview: { ...(options.port ? { port: options.port } : {}), open: options.open },
  });
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
}
