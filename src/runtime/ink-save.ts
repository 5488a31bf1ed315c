import { INK_SAVE_PATH, INK_SUFFIX, type Ink, serializeInk } from '../model/ink.js';
import { fill, type UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { readDeckConfig } from './page-dom.js';

function notice(text: string): void {
  document.querySelector('.lectern-ink-notice')?.remove();
  const box = el('div', { class: 'lectern-ink-notice', role: 'status' }, text);
  document.body.append(box);
  setTimeout(() => box.remove(), 6000);
}

/**
 * "Save ink": from `npm run dev` the file is written next to the deck file; from a static site it is
 * downloaded, for the lecturer to put there (`inkFile`, from the deck's config: `slides/part-1/intro.ink.json`).
 */
export async function saveInk(slug: string, ink: Ink, t: UiStrings['ink']): Promise<void> {
  const inkFile = readDeckConfig().inkFile ?? `slides/${slug}${INK_SUFFIX}`;
  const text = serializeInk(ink, slug);
  if (import.meta.hot) {
    try {
      const res = await fetch(`${INK_SAVE_PATH}${encodeURIComponent(slug)}`, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'application/json' },
      });
      if (!res.ok) throw new Error(await res.text());
      notice(fill(t.saved, { file: (await res.text()) || inkFile }));
    } catch (e) {
      notice(fill(t.saveFailed, { error: e instanceof Error ? e.message : String(e) }));
    }
    return;
  }
  const slash = inkFile.lastIndexOf('/');
  const file = inkFile.slice(slash + 1);
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  notice(fill(t.downloaded, { file, folder: `${inkFile.slice(0, slash + 1)}` }));
}
