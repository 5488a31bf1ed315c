/**
 * Keeping files on this device: the build's list of each lecture's files (`offline.json`, precached with
 * the shell) and the Cache Storage the service worker serves them from. A file goes into the cache its
 * address belongs to by `cacheFor` (the same rules as the worker's routes), so the worker finds it offline.
 */
import {
  cacheFor,
  KEEP_CONCURRENCY,
  OFFLINE_FILES,
  type OfflineLecture,
  type OfflineList,
  pageKey,
  RUNTIME_CACHES,
} from '../model/offline.js';

export async function readList(root: URL): Promise<OfflineList> {
  const res = await fetch(new URL(OFFLINE_FILES.list, root));
  if (!res.ok) throw new Error(`${OFFLINE_FILES.list}: HTTP ${res.status}`);
  return (await res.json()) as OfflineList;
}

/** A lecture's addresses: its page, its files, and the runtime code its page names (see `OfflineList.code`). */
export function lectureUrls(root: URL, lecture: OfflineLecture, list: OfflineList): string[] {
  return [new URL(lecture.page, root).href, ...[...lecture.files, ...(list.code ?? [])].map((f) => new URL(f, root).href)];
}

/** The lecture whose page this is. */
export function lectureHere(list: OfflineList, root: URL): OfflineLecture | undefined {
  const here = pageKey(location.href);
  return list.lectures.find((l) => new URL(l.page, root).href === here);
}

const keyOf = (href: string) => (cacheFor(href) === 'pages' ? pageKey(href) : href);

/**
 * Whether `href` is in the runtime cache its address belongs to (not only in the worker's precache, which a
 * new build's worker replaces).
 */
export async function isKept(href: string): Promise<boolean> {
  const name = cacheFor(href);
  return !!name && !!(await (await caches.open(RUNTIME_CACHES[name])).match(keyOf(href)));
}

/** The addresses of `urls` that are not kept yet. */
export async function missing(urls: string[]): Promise<string[]> {
  const kept = await Promise.all(urls.map(isKept));
  return urls.filter((_, i) => !kept[i]);
}

/**
 * Fetches each address of `urls` that is not kept yet and puts it into its cache, `KEEP_CONCURRENCY` at a
 * time; `progress(done, total)` after each. Returns the addresses that could not be fetched.
 */
export async function keep(urls: string[], progress?: (done: number, total: number) => void): Promise<string[]> {
  const todo = await missing([...new Set(urls)]);
  const failed: string[] = [];
  let next = 0;
  let done = 0;
  progress?.(0, todo.length);
  const worker = async () => {
    while (next < todo.length) {
      const href = todo[next++] as string;
      const name = cacheFor(href);
      try {
        if (!name) throw new Error('not kept');
        const res = await fetch(href, { credentials: 'same-origin' });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        await (await caches.open(RUNTIME_CACHES[name])).put(keyOf(href), res);
      } catch {
        failed.push(href);
      }
      progress?.(++done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(KEEP_CONCURRENCY, todo.length) }, worker));
  return failed;
}
