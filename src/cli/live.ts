/**
 * `npm run live [-- <slug>] [--port N] [--host H] [--build|--no-build] [--new-key]`
 * Thin command line over startLiveServer (src/live/server.ts): builds when stale, serves the site and
 * the live channel, prints `lecturer: <url>` and `audience: <url>` and the audience URL as a QR code.
 */
import { join } from 'node:path';
import QRCode from 'qrcode';
import { buildSite, builtDecks, siteIsStale } from '../export/site.js';
import { loadKey } from '../live/key.js';
import { announce, audienceHost } from '../live/network.js';
import { DEFAULT_LIVE_PORT, startLiveServer } from '../live/server.js';
import { commandArgs, wholeNumber } from './args.js';

const USAGE = `Usage: npm run live -- [slug] [options]

Serves the built site on your network; the audience's phones and laptops follow the lecturer's deck.
Prints two lines — "lecturer: <url>" (open it on this machine: it carries the key that drives the
deck) and "audience: <url>" (for the room, also shown as a QR code; key Q in the deck shows it full-screen).

  slug           the deck to present live (default: the first deck)
  --port N       port (default ${DEFAULT_LIVE_PORT})
  --host H       interface to listen on (default 0.0.0.0: all; 127.0.0.1 keeps it on this machine)
  --build        always build first;  --no-build  never build (default: when sources are newer)
  --new-key      make a new lecturer key (the old lecturer URL stops driving)
  -h, --help     this text`;

async function main(): Promise<number> {
  const parsed = commandArgs(USAGE, {
    port: { type: 'string' },
    host: { type: 'string', default: '0.0.0.0' },
    build: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    'new-key': { type: 'boolean' },
    root: { type: 'string', default: process.cwd() },
  });
  if (!parsed) return Number(process.exitCode ?? 0);
  const { values, positionals } = parsed;
  const port = values.port === undefined ? DEFAULT_LIVE_PORT : wholeNumber('port', values.port, 0, 65535);
  if (port === undefined) return 2;
  if (positionals.length > 1) {
    console.error(`One deck at a time, got ${positionals.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const root = values.root;
  const stale = values['no-build'] ? undefined : values.build ? 'asked to (--build)' : siteIsStale(root);
  if (stale) {
    console.error(`Building the site (${stale})…`);
    await buildSite(root);
  }
  const distDir = join(root, 'dist');
  const decks = builtDecks(distDir);
  const slug = positionals[0] ?? decks[0];
  if (!slug || !decks.includes(slug)) {
    console.error(
      decks.length
        ? `No deck "${positionals[0]}" in dist/. Decks: ${decks.join(', ')}`
        : 'No deck in dist/: write one in slides/ and run npm run build.',
    );
    return 1;
  }
  const key = loadKey(join(root, 'node_modules', '.cache', 'lectern', 'live-key'), values['new-key']);
  const host = values.host;
  let live: Awaited<ReturnType<typeof startLiveServer>>;
  try {
    live = await startLiveServer({ distDir, slug, key, host, port, lanAddress: audienceHost(host) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`Port ${port} is in use: pick another with --port N.`);
    else if (code === 'EADDRNOTAVAIL') console.error(`This machine has no address ${host} (--host).`);
    else console.error('Could not start the live server:', err);
    return 1;
  }
  for (const line of announce(live.lecturerUrl, live.audienceUrl)) console.log(line);
  if (live.audienceUrl) console.log(await QRCode.toString(live.audienceUrl, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }));
  console.error(`Presenting ${slug} live. Open the lecturer URL on this machine; Q in the deck shows the QR code. Ctrl+C stops.`);

  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await live.close();
  return 0;
}

process.exitCode = await main();
