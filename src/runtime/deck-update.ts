import type { DeckUpdate } from '../model/page.js';

/**
 * Applies a dev-server update to a `.slides` element: only the top-level sections that changed are
 * replaced (an edit to one slide of a long deck re-renders that slide). Returns false when the update
 * leaves out sections this markup does not line up with; the caller then reloads.
 */
export function applyDeckUpdate(slides: Element, update: DeckUpdate): boolean {
  if (update.stacks.every((s) => s !== null)) {
    slides.innerHTML = update.stacks.join('\n');
    return true;
  }
  const current = [...slides.children].filter((c) => c.tagName === 'SECTION');
  if (current.length !== update.stacks.length) return false;
  update.stacks.forEach((html, i) => {
    if (html === null) return;
    const template = document.createElement('template');
    template.innerHTML = html;
    const next = template.content.firstElementChild;
    if (next) current[i]?.replaceWith(next);
  });
  return true;
}
