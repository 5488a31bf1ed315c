/**
 * Offline reading (built site only): once the page has loaded and the browser is idle — never before the
 * first slide is painted — registers the Workbox service worker (workbox-window) and, on a lecture page,
 * keeps the lecture's files (its fonts, diagram modules, images, math fonts: `offline.json`) so that it
 * opens again without a network, in every view. A new build's worker waits; the reader is told and gets
 * it with Reload. The course home offers to keep every lecture. The state is on `<html data-lectern-offline>` (see `OfflineState`).
 *
 * The dev server's pages have no manifest link: nothing happens there.
 */
import { OFFLINE_FILES, OFFLINE_STATE_ATTR, type OfflineState } from '../model/offline.js';

export interface OfflineOptions {
  /** UI language of the page (the update notice). */
  lang: string;
  /** A lecture page: keep its files. The course home: offer to keep every lecture. */
  page: 'lecture' | 'home';
}

export interface OfflineController {
  destroy(): void;
}

/** The site root, from the manifest link the build puts in every page (undefined: not a built site). */
function siteRoot(): URL | undefined {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  return link ? new URL('.', link.href) : undefined;
}

const setState = (state: OfflineState) => document.documentElement.setAttribute(OFFLINE_STATE_ATTR, state);

/** After `load`, when the browser is idle (at most 2 s later). */
function afterLoad(run: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 2000 });
    else timer = setTimeout(run, 200);
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
  return () => {
    window.removeEventListener('load', start);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}

export function startOffline(options: OfflineOptions): OfflineController {
  const root = siteRoot();
  // A site opened from a folder (file://) has no worker either; it needs no network anyway.
  if (
    !root ||
    !/^https?:$/.test(location.protocol) ||
    !('serviceWorker' in navigator) ||
    !window.isSecureContext ||
    !('caches' in window)
  ) {
    setState('unsupported');
    return { destroy() {} };
  }
  let destroyed = false;
  let notice: { destroy(): void } | undefined;
  let keeper: { destroy(): void } | undefined;
  const cancel = afterLoad(() => {
    if (destroyed) return;
    setState('registering');
    void (async () => {
      const [{ Workbox }, { showUpdateNotice }, store] = await Promise.all([
        import('workbox-window'),
        import('./offline-notice.js'),
        import('./offline-store.js'),
      ]);
      const wb = new Workbox(new URL(OFFLINE_FILES.worker, root).href, { scope: root.pathname });
      // A newer build's worker is installed and waiting (also one found waiting on this visit).
      wb.addEventListener('waiting', () => {
        if (destroyed || notice) return;
        notice = showUpdateNotice(options.lang, () => {
          wb.addEventListener('controlling', () => location.reload());
          wb.messageSkipWaiting();
        });
      });
      await wb.register();
      // The worker is active once its shell is precached (the list of lectures is in it).
      await navigator.serviceWorker.ready;
      if (destroyed) return;
      if (options.page === 'home') {
        const { startKeep } = await import('./offline-keep.js');
        if (destroyed) return;
        keeper = startKeep(options.lang, root);
        setState('ready');
        return;
      }
      // Keep this lecture, whatever of it the reader has not seen yet — through the worker once it controls
      // the page (on a first visit it claims it on activation), so the code comes from its precache.
      setState('saving');
      if (!navigator.serviceWorker.controller)
        await new Promise<void>((ok) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => ok(), { once: true });
          setTimeout(ok, 10_000);
        });
      const list = await store.readList(root);
      const lecture = store.lectureHere(list, root);
      const failed = lecture ? await store.keep(store.lectureUrls(root, lecture, list)) : [location.href];
      if (!destroyed) setState(failed.length ? 'failed' : 'ready');
    })().catch(() => {
      if (!destroyed) setState('failed');
    });
  });
  return {
    destroy() {
      destroyed = true;
      cancel();
      notice?.destroy();
      keeper?.destroy();
    },
  };
}
