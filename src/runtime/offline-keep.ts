/**
 * The course home's "Keep for offline": one button that keeps every lecture (each page and the files
 * `offline.json` lists for it) and the search, with the progress and then how many lectures open without a
 * network. Shown once the service worker is active (before, nothing could serve them offline).
 */
import { OFFLINE_UI, type OfflineList } from '../model/offline.js';
import { fill, uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { keep, lectureUrls, missing, readList } from './offline-store.js';
import './offline.css';

export function startKeep(lang: string, root: URL): { destroy(): void } {
  const t = uiStrings(lang).offline;
  const box = el('div', { class: OFFLINE_UI.keep });
  const button = el('button', { type: 'button', class: OFFLINE_UI.keepButton, 'aria-describedby': OFFLINE_UI.keepStatus }, t.keep);
  const bar = el('progress', { max: '1', value: '0', 'aria-hidden': 'true', hidden: '' });
  const status = el('p', { id: OFFLINE_UI.keepStatus, class: OFFLINE_UI.keepStatus, role: 'status', 'aria-live': 'polite' }, t.keepHint);
  box.append(button, bar, status);
  (document.querySelector('.course-header') ?? document.querySelector('main') ?? document.body).append(box);
  let destroyed = false;
  let list: OfflineList | undefined;
  const theList = async (): Promise<OfflineList> => {
    list ??= await readList(root);
    return list;
  };

  /** How many lectures are whole on this device; says so. */
  const count = async (failed = 0) => {
    const current = await theList();
    const lectures = current.lectures;
    const whole = await Promise.all(lectures.map(async (l) => (await missing(lectureUrls(root, l, current))).length === 0));
    const n = whole.filter(Boolean).length;
    if (destroyed) return;
    // Each lecture kept whole says so beside its date and length.
    for (const [i, l] of lectures.entries()) {
      const meta = document.querySelector(`.lecture[data-slug="${CSS.escape(l.slug)}"] .lecture-meta`);
      const badge = meta?.querySelector(`.${OFFLINE_UI.lectureKept}`);
      if (whole[i] && meta && !badge) meta.append(' · ', el('span', { class: OFFLINE_UI.lectureKept }, t.onDevice));
    }
    let said = t.keepHint;
    if (n && n === lectures.length) said = n === 1 ? t.keptOne : fill(t.kept, { n });
    else if (n) said = fill(t.partly, { n, total: lectures.length });
    status.textContent = failed ? `${fill(t.failed, { n: failed })} ${said}` : said;
    box.dataset.kept = `${n}/${lectures.length}`;
  };

  const onClick = async () => {
    button.disabled = true;
    box.setAttribute('aria-busy', 'true');
    bar.hidden = false;
    let failed = 0;
    try {
      const current = await theList();
      const urls = [...current.home.map((f) => new URL(f, root).href), ...current.lectures.flatMap((l) => lectureUrls(root, l, current))];
      failed = (
        await keep(urls, (done, total) => {
          bar.max = Math.max(total, 1);
          bar.value = done;
          status.textContent = fill(t.keeping, { done, total });
        })
      ).length;
    } catch {
      failed = 1;
    }
    if (destroyed) return;
    button.disabled = false;
    box.removeAttribute('aria-busy');
    bar.hidden = true;
    await count(failed).catch(() => {});
  };
  const click = () => void onClick();
  button.addEventListener('click', click);
  void count().catch(() => {});
  return {
    destroy() {
      destroyed = true;
      button.removeEventListener('click', click);
      box.remove();
    },
  };
}
