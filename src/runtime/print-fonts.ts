import { PAGE } from '../model/page.js';

/**
 * A print view lays out every slide at once, and only then does the browser ask for the fonts the
 * later slides use (the rest of the Chinese subset, KaTeX's faces, the code font). Print views ask for
 * them up front instead, so they download while the diagrams are being drawn.
 */
export function loadFontsOfAllSlides(root: ParentNode = document): Promise<unknown> {
  const slides = root.querySelector(PAGE.slides);
  if (!slides) return Promise.resolve();
  const chars = new Map<string, Set<string>>();
  const fontOf = new Map<Element, string>();
  const walker = document.createTreeWalker(slides, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const el = node.parentElement;
    if (!el || !text.trim()) continue;
    let font = fontOf.get(el);
    if (font === undefined) {
      const s = getComputedStyle(el);
      font = `${s.fontStyle} ${s.fontWeight} 16px ${s.fontFamily}`;
      fontOf.set(el, font);
    }
    const set = chars.get(font) ?? new Set<string>();
    chars.set(font, set);
    for (const c of text) set.add(c);
  }
  return Promise.all([...chars].map(([font, set]) => document.fonts.load(font, [...set].join('')).catch(() => [])));
}
