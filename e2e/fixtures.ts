import { test as base, expect, type Page } from '@playwright/test';
import { PAGE } from '../src/model/page';

/** Requests that left the host, and errors the page threw, collected per test. */
export interface Watch {
  external: string[];
  errors: string[];
}

/** Ports of this run: the preview on LECTERN_E2E_PORT (default 4173), dev servers above it, so two checkouts can test at once. */
export const E2E_PORT = Number(process.env.LECTERN_E2E_PORT ?? 4173);
export const devPort = (offset: number): number => E2E_PORT + 1000 + offset;

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/|data:|blob:|about:)/;

/**
 * Every test runs with the network outside localhost blocked (a hall with no internet), and
 * fails if the page tried to reach it or threw an error.
 */
export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page }, use) => {
    const watch: Watch = { external: [], errors: [] };
    await page.route(
      (url) => !LOCAL.test(url.href),
      (route) => {
        watch.external.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    page.on('pageerror', (e) => watch.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') watch.errors.push(m.text());
    });
    await use(watch);
    expect(watch.external, 'requests outside localhost').toEqual([]);
  },
});

export { expect };

/** Opens a deck and waits for Lectern's ready signal. */
export async function openDeck(page: Page, slug: string, query = ''): Promise<void> {
  await page.goto(`/${encodeURI(slug)}/${query}`);
  await page.waitForSelector(PAGE.readySelector);
}

/** The slugs of all decks, read from the deck list page. */
export async function deckSlugs(page: Page): Promise<string[]> {
  await page.goto('/');
  return page.$$eval('.deck-card .deck-title', (links) =>
    links.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname.split('/')[1] ?? '')),
  );
}
