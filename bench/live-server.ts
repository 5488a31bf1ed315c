/**
 * The live server as its own process for `npm run bench` (its memory is measured apart from the clients):
 * `node --import tsx bench/live-server.ts <distDir> <slug> <key>` prints `{"port":N}`, then answers each
 * line on stdin with `{"rssMiB":…,"peakMiB":…}`.
 */
import { createInterface } from 'node:readline';
import { startLiveServer } from '../src/live/server.js';

const [distDir, slug, key] = process.argv.slice(2);
if (!distDir || !slug || !key) throw new Error('usage: live-server.ts <distDir> <slug> <key>');
const live = await startLiveServer({ distDir, slug, key, host: '127.0.0.1', port: 0, lanAddress: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: live.port })}\n`);
const MiB = 1024 * 1024;
createInterface({ input: process.stdin }).on('line', () => {
  // maxRSS is in KiB.
  const peakMiB = (process.resourceUsage().maxRSS * 1024) / MiB;
  process.stdout.write(`${JSON.stringify({ rssMiB: process.memoryUsage().rss / MiB, peakMiB, stats: live.channel.stats() })}\n`);
});
process.stdin.on('end', () => void live.close().then(() => process.exit(0)));
