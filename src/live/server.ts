/**
 * `npm run live`'s server: the built site (src/export/serve.ts, nothing outside `dist/`), the live deck's
 * page with a small config saying who the page is for, the audience QR code, and the live channel.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { serve } from '../export/serve.js';
import { encodePath } from '../model/deck-path.js';
import { LECTURER_PARAM, LIVE_CONFIG_ID, LIVE_QR_PATH, type LivePageConfig } from '../model/live.js';
import { attachChannel, isLoopback, type LiveChannel } from './channel.js';
import { keyMatches } from './key.js';

export const DEFAULT_LIVE_PORT = 4180;

export interface LiveServerOptions {
  distDir: string;
  slug: string;
  key: string;
  /** Interface to listen on: all (default `0.0.0.0`), or `127.0.0.1` for this machine only. */
  host?: string;
  port?: number;
  /** The host the audience URL names (a LAN address); none: there is no audience URL to show. */
  lanAddress?: string | undefined;
}

export interface LiveServer {
  port: number;
  /** Loopback, carrying the key. */
  lecturerUrl: string;
  /** On the LAN address; undefined when there is none. */
  audienceUrl: string | undefined;
  /** The audience page on loopback (tests, and the lecturer's own check). */
  localAudienceUrl: string;
  channel: LiveChannel;
  close(): Promise<void>;
}

/** The page's config as a JSON script before `</head>`; `<` escaped so no text in it can close the script. */
export function injectConfig(html: string, config: LivePageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const tag = `<script type="application/json" id="${LIVE_CONFIG_ID}">${json}</script>\n`;
  const at = html.indexOf('</head>');
  return at < 0 ? tag + html : html.slice(0, at) + tag + html.slice(at);
}

export async function startLiveServer(opts: LiveServerOptions): Promise<LiveServer> {
  const page = readFileSync(join(opts.distDir, opts.slug, 'index.html'), 'utf8');
  const deckPath = `/${encodePath(opts.slug)}/`;
  let audienceUrl: string | undefined;
  let qrSvg: string | undefined;
  let channel: LiveChannel | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === LIVE_QR_PATH) {
      if (!qrSvg) res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' }).end(qrSvg);
      return true;
    }
    if (url.pathname.startsWith('/_live/')) {
      res.writeHead(404).end();
      return true;
    }
    if (url.pathname === deckPath.slice(0, -1)) {
      res.writeHead(301, { Location: `${deckPath}${url.search}` }).end();
      return true;
    }
    if (url.pathname !== deckPath && url.pathname !== `${deckPath}index.html`) return false;
    const offered = url.searchParams.get(LECTURER_PARAM);
    const lecturer = offered !== null && keyMatches(offered, opts.key) && isLoopback(req.socket.remoteAddress);
    const config: LivePageConfig = {
      role: lecturer ? 'lecturer' : 'audience',
      pos: channel?.position() ?? null,
      audienceUrl: lecturer ? (audienceUrl ?? '') : '',
    };
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The lecturer's URL carries the key: never pass it on in a Referer.
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : injectConfig(page, config));
    return true;
  };

  const served = await serve(opts.distDir, {
    host: opts.host ?? '0.0.0.0',
    port: opts.port ?? DEFAULT_LIVE_PORT,
    handle,
    etag: true,
  });
  channel = attachChannel(served.server, opts.key);
  const port = served.port;
  if (opts.lanAddress) {
    audienceUrl = `http://${opts.lanAddress}:${port}${deckPath}`;
    qrSvg = await QRCode.toString(audienceUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  }
  const live = channel;
  return {
    port,
    lecturerUrl: `http://127.0.0.1:${port}${deckPath}?${LECTURER_PARAM}=${opts.key}`,
    audienceUrl,
    localAudienceUrl: `http://127.0.0.1:${port}${deckPath}`,
    channel: live,
    close: async () => {
      live.close();
      await served.close();
    },
  };
}
