/** `lectern build [DIR]`: the course in DIR (default: here) as a static site in DIR/dist/. */
import { build } from 'vite';
import { courseConfig } from '../vite/config.js';
import { commandArgs } from './args.js';

const USAGE = 'Usage: lectern build [DIR]\n\nBuilds the course in DIR (default: the current folder) into DIR/dist/.';
const parsed = commandArgs(USAGE, {});
if (parsed?.positionals.length) {
  console.error(`lectern build: unexpected ${parsed.positionals.join(' ')}\n\n${USAGE}`);
  process.exitCode = 2;
} else if (parsed) {
  try {
    await build(courseConfig(process.cwd()));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
