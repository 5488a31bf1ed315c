/** `lectern build [DIR]`: the course in DIR (default: here) as a static site in DIR/dist/. */
import { build } from 'vite';
import { courseConfig } from '../vite/config.js';

if (process.argv.slice(2).some((a) => a === '-h' || a === '--help')) {
  console.log('Usage: lectern build [DIR]\n\nBuilds the course in DIR (default: the current folder) into DIR/dist/.');
} else if (process.argv.length > 2) {
  console.error(`lectern build: unexpected ${process.argv.slice(2).join(' ')}\nUsage: lectern build [DIR]`);
  process.exitCode = 2;
} else {
  try {
    await build(courseConfig(process.cwd()));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
