/**
 * Offline reading and installing the course (issue 16): what the build writes (the service worker, the web
 * app manifest, its icons, the list of every lecture's files) and what the page and the tests read back.
 * Every name and state is defined here once.
 *
 * Pure: no Node, no DOM.
 */

import { ICONS_DIR } from './site.js';

/** Files at the site root. */
export const OFFLINE_FILES = {
  /** The Workbox service worker (workbox-build's generateSW). Its scope is the site root. */
  worker: 'sw.js',
  /** The web app manifest. */
  manifest: 'manifest.webmanifest',
  /** Every lecture's files ({@link OfflineList}): what "Keep for offline" and a first visit fetch. */
  list: 'offline.json',
} as const;

/** The app icons, rendered from the favicon at build: `icons/icon-192.png`, … */
export const APP_ICONS = [
  { size: 192, purpose: 'any' },
  { size: 512, purpose: 'any' },
  { size: 512, purpose: 'maskable' },
] as const;

export function appIconFile(icon: { size: number; purpose: string }): string {
  return `${ICONS_DIR}/${icon.purpose === 'maskable' ? 'maskable' : 'icon'}-${icon.size}.png`;
}

/** The theme's accent (the favicon's blue): the phone's title bar and splash screen. */
export const THEME_COLOR = '#1f5fbf';
export const BACKGROUND_COLOR = '#ffffff';

/** The caches the service worker fills at run time (the shell is in Workbox's precache). */
export const RUNTIME_CACHES = {
  /** Lecture pages, one entry per page whatever its `?view=`. */
  pages: 'lectern-pages',
  /** Content-hashed code, styles, fonts and the search index: never change under their name. */
  hashed: 'lectern-hashed',
  /** Images and other files that may keep their name across builds: refreshed in the background. */
  files: 'lectern-files',
} as const;

/**
 * Which runtime cache a same-site address goes to, as regular expressions over the full URL: the service
 * worker's routes (Workbox matches them against `url.href`) and the page keeping files by itself use these
 * same expressions. First match wins; anything else (PDFs, media, other origins) is not kept.
 */
export const CACHE_RULES = {
  /** A page: `…/` or `….html`, any `?view=`. */
  pages: /^[^?#]*(\/|\.html)([?#].*)?$/,
  /** Content-hashed code, styles, fonts, diagram modules and the search index under `assets/`. */
  hashed: /^[^?#]*\/assets\/[^?#]+\.(m?js|css|woff2|json)([?#].*)?$/,
  /** Images (not PDFs). */
  files: /^(?![^?#]*\/pdf\/)[^?#]*\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)([?#].*)?$/i,
} as const satisfies Record<keyof typeof RUNTIME_CACHES, RegExp>;

/** The runtime cache for `href` (see `CACHE_RULES`), or undefined when it is not kept. */
export function cacheFor(href: string): keyof typeof RUNTIME_CACHES | undefined {
  for (const [name, pattern] of Object.entries(CACHE_RULES)) if (pattern.test(href)) return name as keyof typeof RUNTIME_CACHES;
  return undefined;
}

/** A page's cache key: its address without `?view=…` and `#slide-…` (every view is the same page). */
export function pageKey(href: string): string {
  return href.replace(/[?#].*$/, '');
}

/** One lecture's files, relative to the site root (its page is `page`, e.g. `part-1/intro/`). */
export interface OfflineLecture {
  slug: string;
  title: string;
  page: string;
  files: string[];
}

/** `offline.json`: written by the build, precached with the shell (so it always matches the build). */
export interface OfflineList {
  /** Files of the course home that are not in the shell (the search index). */
  home: string[];
  /**
   * The runtime code (in the shell too): kept with every lecture as well, in the runtime cache, because a new
   * build's worker deletes the old precache while a lecture kept from the old build still names the old code.
   */
  code: string[];
  lectures: OfflineLecture[];
}

/**
 * The page's offline state, on `<html data-lectern-offline>`: `unsupported` (no service worker: dev
 * server, insecure origin), `registering`, `saving` (this page's lecture is being kept), `ready` (this page
 * opens offline), `failed` (some file could not be fetched; retried on the next visit).
 */
export type OfflineState = 'unsupported' | 'registering' | 'saving' | 'ready' | 'failed';
export const OFFLINE_STATE_ATTR = 'data-lectern-offline';

/** The "Keep for offline" control on the course home, and the update notice. */
export const OFFLINE_UI = {
  keep: 'lectern-keep',
  keepButton: 'lectern-keep-button',
  keepStatus: 'lectern-keep-status',
  update: 'lectern-update',
  /** On a lecture of the home kept whole on this device. */
  lectureKept: 'lecture-offline',
} as const;

/** Files a page fetches at once while keeping lectures (a phone's connection, a static host's limits). */
export const KEEP_CONCURRENCY = 4;
