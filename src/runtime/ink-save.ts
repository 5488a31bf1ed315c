import { INK_SAVE_PATH, INK_SUFFIX, type Ink, serializeInk } from '../model/ink.js';
import { fill, type UiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';

function notice(text: string): void {
  document.querySelector('.lectern-ink-notice')?.remove();
  const box = el('div', { class: 'lectern-ink-notice', role: 'status' }, text);
  document.body.append(box);
  setTimeout(() => box.remove(), 6000);
}

/**
 * "Save ink": from `npm run dev` the file is written next to the deck; from a static site it is
 * downloaded, for the lecturer to put into slides/.
 */
export async function saveInk(slug: string, ink: Ink, t: UiStrings['ink']): Promise<void> {
  const file = `${slug}${INK_SUFFIX}`;
  const text = serializeInk(ink, slug);
  if (import.meta.hot) {
    try {
      const res = await fetch(`${INK_SAVE_PATH}${encodeURIComponent(slug)}`, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'application/json' },
      });
      if (!res.ok) throw new Error(await res.text());
      notice(fill(t.saved, { file: `slides/${file}` }));
    } catch (e) {
      notice(fill(t.saveFailed, { error: e instanceof Error ? e.message : String(e) }));
    }
    return;
  }
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  notice(fill(t.downloaded, { file }));
}
