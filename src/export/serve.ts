import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface ServeOptions {
  /** Interface to listen on (default 127.0.0.1, loopback only). */
  host?: string;
  /** Port (default 0: a free one). */
  port?: number;
  /** Answers a request itself (returns true) before the static files are looked at. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Let browsers revalidate with ETags (a server many phones load from); default off, like `vite preview`. */
  etag?: boolean;
  /**
   * Seconds a browser may keep every file without asking again, for a site that cannot change while it is
   * served (the PDF export's); the file list is read once at the start then. Default: no caching.
   */
  maxAge?: number;
}

export interface Served {
  /** Loopback URL of the site. */
  url: string;
  port: number;
  server: Server;
  close: () => Promise<void>;
}

/** A path with a dot-segment (`.env`, `.git/…`) or that does not decode. */
function hidden(url: string): boolean {
  try {
    return /(^|\/)\./.test(decodeURIComponent(url.split('?')[0] ?? ''));
  } catch {
    return true;
  }
}

/**
 * Serves a built site on a free loopback port, like `vite preview` (no compression, no caching): only the
 * files under `distDir` (sirv resolves and confines paths; no dotfiles), GET and HEAD only.
 */
export async function serve(distDir: string, opts: ServeOptions = {}): Promise<Served> {
  const files = opts.maxAge
    ? sirv(distDir, { dev: false, maxAge: opts.maxAge, etag: !!opts.etag })
    : sirv(distDir, { dev: true, etag: !!opts.etag });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // sirv confines paths to distDir, but in its dev mode it serves dotfiles: none of the site's files is one.
    if (hidden(req.url ?? '/')) {
      res.writeHead(404).end('not found');
      return;
    }
    if (opts.handle?.(req, res)) return;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
