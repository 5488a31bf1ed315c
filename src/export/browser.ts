import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type LaunchOptions } from 'playwright-core';

export const BROWSER_ENV = 'LECTERN_CHROMIUM';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export interface FoundBrowser {
  path: string;
  source: 'env' | 'playwright' | 'system';
}

/** The browser to drive, in this order: $LECTERN_CHROMIUM, Playwright's own download, the system's. */
export function findBrowser(): FoundBrowser | undefined {
  const fromEnv = process.env[BROWSER_ENV];
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, source: 'env' } : undefined;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, source: 'playwright' };
  } catch {
    // Playwright has no browser of its own here.
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  return system ? { path: system, source: 'system' } : undefined;
}

export const HOW_TO_GET_A_BROWSER = `No Chromium found. Any one of these works:
  - npx playwright install chromium          (downloads Playwright's own browser)
  - sudo apt-get install -y chromium         (Debian/Ubuntu system browser)
  - export ${BROWSER_ENV}=/path/to/chrome    (any Chromium or Chrome you already have)`;

/** Flags that keep a headless Chromium quiet on a closed network and working as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchOptions(): LaunchOptions {
  const found = findBrowser();
  if (!found) throw new Error(HOW_TO_GET_A_BROWSER);
  return { executablePath: found.path, args: CHROMIUM_ARGS, headless: true };
}

/** A request that would leave the site at `origin` (`data:`, `blob:` and `about:` never leave the page). */
export function offSite(url: URL, origin: string): boolean {
  return url.origin !== origin && !/^(data|blob|about):/.test(url.protocol);
}

/**
 * Aborts every request of `context` that leaves `baseUrl`'s origin (a hall without internet) and
 * returns the list the blocked URLs are collected into.
 */
export async function blockOffHost(context: BrowserContext, baseUrl: string): Promise<string[]> {
  const origin = new URL(baseUrl).origin;
  const blocked: string[] = [];
  await context.route(
    (url) => offSite(url, origin),
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return blocked;
}
