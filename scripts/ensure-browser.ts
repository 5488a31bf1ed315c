/**
 * Before e2e: make sure a Chromium exists. Order: $LECTERN_CHROMIUM, Playwright's own, the system's.
 * When none is found it tries to get one (Playwright's installer where the network allows it, else
 * `apt-get install -y chromium` when root on Debian) and fails with exact instructions otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_ENV, findBrowser, HOW_TO_GET_A_BROWSER } from '../src/export/browser.js';

function run(cmd: string, args: string[]): boolean {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', timeout: 600_000 }).status === 0;
}

function report(): boolean {
  const found = findBrowser();
  if (found) console.log(`browser: ${found.path} (${found.source})`);
  return !!found;
}

if (!report()) {
  if (process.env[BROWSER_ENV]) {
    console.error(`${BROWSER_ENV}=${process.env[BROWSER_ENV]} does not exist.`);
    process.exit(1);
  }
  console.log('No Chromium found; trying to install one.');
  const ok = run('npx', ['playwright', 'install', 'chromium']) && report();
  const isRoot = process.getuid?.() === 0;
  if (!ok && isRoot && existsSync('/etc/debian_version')) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  }
  if (!report()) {
    console.error(HOW_TO_GET_A_BROWSER);
    process.exit(1);
  }
}
