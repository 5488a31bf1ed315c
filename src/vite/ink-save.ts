import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { INK_SAVE_PATH, type Ink, inkOf, serializeInk } from '../model/ink.js';
import { inkFileOf } from '../project/ink-file.js';
import type { DeckStore } from '../project/store.js';

const MAX_BODY = 16 * 1024 * 1024;

const loopback = (address: string | undefined) => !!address && (/^(::ffff:)?127\./.test(address) || address === '::1');

/** Only the lecturer's own browser on this machine, from the deck page itself, may write into slides/. */
function allowed(req: IncomingMessage): boolean {
  if (!loopback(req.socket.remoteAddress)) return false;
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  return !origin || origin === `http://${req.headers.host}`;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('ink too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/**
 * Writes the lecture's ink as `slides/<slug>.ink.json`, in the one readable form (serializeInk) whatever
 * was sent: the strokes are checked, anything malformed is dropped.
 */
export function inkSaveMiddleware(root: string, store: DeckStore) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = req.url ?? '';
    if (!url.startsWith(INK_SAVE_PATH)) return next();
    const answer = (code: number, text: string) => {
      res.statusCode = code;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(text);
    };
    if (req.method !== 'POST') return answer(405, 'POST only');
    if (!allowed(req)) return answer(403, 'only from this machine');
    const slug = decodeURIComponent(url.slice(INK_SAVE_PATH.length).split('?')[0] ?? '');
    const file = store.fileOf(slug);
    if (!file) return answer(404, `no deck ${slug}`);
    let ink: Ink;
    try {
      ink = inkOf(JSON.parse(await body(req)));
    } catch (e) {
      return answer(400, e instanceof Error ? e.message : 'bad ink');
    }
    const target = inkFileOf(file);
    writeFileSync(join(root, target), serializeInk(ink, slug));
    store.invalidate(file);
    answer(200, target);
  };
}
