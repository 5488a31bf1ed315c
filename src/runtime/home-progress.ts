import { fill, uiStrings } from '../model/ui-strings.js';
import { el } from './dom.js';
import { loadSaved } from './reading-resume.js';

/**
 * The course home shows how far the reader got in each lecture (the place reading mode remembers in this
 * browser), with a link that continues there. Nothing is shown for lectures not opened in reading mode.
 */
export function showReadingProgress(root: ParentNode = document): void {
  const t = uiStrings(document.documentElement.lang).site;
  for (const card of root.querySelectorAll<HTMLElement>('.lecture[data-slug]')) {
    const slug = card.dataset.slug ?? '';
    const saved = loadSaved(slug);
    if (!saved || saved.index === undefined) continue;
    const total = Math.max(saved.total ?? Number(card.dataset.slides), 1);
    const n = Math.min(saved.index + 1, total);
    const href = card.querySelector<HTMLAnchorElement>('a.lecture-title')?.getAttribute('href');
    const label = fill(t.progress, { n, total });
    const line = el('p', { class: 'lecture-progress' });
    const bar = el('progress', { max: String(total), value: String(n), 'aria-label': label });
    line.append(bar, el('span', { class: 'lecture-progress-text' }, label));
    if (href) line.append(' ', el('a', { href: `${href}?view=read` }, t.continueReading));
    card.querySelector('.lecture-body')?.append(line);
  }
}
