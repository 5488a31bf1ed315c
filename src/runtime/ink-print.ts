import { INK_DATA_ID } from '../model/page.js';
import { parseSlideId } from '../model/slide-number.js';

/**
 * The saved ink (`slides/<slug>.ink.json`, in the page) in print: the PDF's slides and the handout. Apart
 * from ink-key.ts so the handout loads no key or laser code; the drawing code loads only when there is ink.
 */

/** The deck's saved ink to print, unless asked not to (`npm run pdf -- --no-ink`: `?ink=0`); no ink code loads without it. */
async function inkToPrint() {
  if (!document.getElementById(INK_DATA_ID) || new URLSearchParams(location.search).get('ink') === '0') return undefined;
  const [{ printInk }, { builtInk }] = await Promise.all([import('./ink-static.js'), import('./ink-store.js')]);
  const ink = builtInk();
  return ink && { ink, printInk };
}

/** The PDF prints the deck's saved ink over its slides. */
export async function printSavedInk(): Promise<void> {
  const found = await inkToPrint();
  if (!found) return;
  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .pdf-page > section[id]')];
  // Ink names a slide by its number (`slide-3`); the page's ids may be the author's. Slides come in
  // reading order (a slide printed once per step repeats its id).
  const order = [...new Set(pages.map((s) => s.id))];
  found.printInk(found.ink, (id) => {
    const i = parseSlideId(id);
    const want = i === undefined ? undefined : order[i];
    return want ? pages.filter((s) => s.id === want) : [];
  });
}

/** The handout prints it too, over each slide's stage (`stages[i]`: the slide of reading-order index i). */
export async function handoutSavedInk(stages: HTMLElement[]): Promise<void> {
  const found = await inkToPrint();
  if (!found) return;
  found.printInk(found.ink, (id) => {
    const i = parseSlideId(id);
    const stage = i === undefined ? undefined : stages[i];
    return stage ? [stage] : [];
  });
}
