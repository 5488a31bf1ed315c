/** `lectern dev [DIR] [--port N] [--open]`: the course in DIR (default: here) with live reload, on loopback. */
import { createServer } from 'vite';
import { courseConfig } from '../vite/config.js';
import { serveOptions } from './serve-args.js';

const options = serveOptions(`Usage: lectern dev [DIR] [--port N] [--open]

Serves the course in DIR (default: the current folder) on http://127.0.0.1:5173/; edits to slides/ show at once.`);
if (options) {
  const server = await createServer({
    ...courseConfig(process.cwd()),
    server: { ...(options.port ? { port: options.port } : {}), open: options.open },
  });
  await server.listen();
  server.printUrls();
  server.bindCLIShortcuts({ print: true });
}
