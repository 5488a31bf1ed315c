/** An element with attributes and, optionally, its text: the runtime's one way to build small pieces of UI. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** reveal's lazy `<img data-src>` / `<iframe data-src>` load only when presented: reading mode and the handout show every slide at once. */
export function loadLazyMedia(root: HTMLElement): void {
  for (const media of root.querySelectorAll<HTMLElement>('[data-src]')) {
    if (!media.getAttribute('src') && media.dataset.src) media.setAttribute('src', media.dataset.src);
  }
}

/** Someone typing in a field is not pressing a key for the deck. */
export const typing = (e: KeyboardEvent): boolean =>
  !!(e.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
