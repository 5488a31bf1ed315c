import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { RenderEnv } from '../env.js';
import { parseAttrList, safeAttrs } from '../fences.js';

/** reveal.js reads `.element` with or without the colon (`<!-- .element class=\"fragment\" -->`). */
export const ELEMENT_COMMENT = /^\s*<!--\s*\.element:?\s*(.*?)\s*-->\s*$/;

export function applyAttrs(token: Token, attrs: Record<string, string>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') token.attrJoin('class', value);
    else token.attrSet(name, value);
  }
}

/** The open token of the block that ends just before `idx` (skipping nothing but that block). */
function previousBlock(tokens: Token[], idx: number): Token | undefined {
  let i = idx - 1;
  const last = tokens[i];
  if (!last) return undefined;
  if (last.nesting !== -1) return last;
  let depth = 0;
  for (; i >= 0; i--) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return tokens[i];
  }
  return undefined;
}

/** Inline tokens that are no element of their own in the DOM reveal walks: text, line breaks, comments. */
const NOT_AN_ELEMENT = new Set(['text', 'softbreak', 'hardbreak', 'html_inline']);

/**
 * The element reveal.js gives an inline `.element` comment to: the nearest element before it among its
 * siblings (text, `<br>` and comments are passed over), e.g. the `<em>` of `*a* text <!-- .element -->`;
 * undefined when there is none (the comment then belongs to its paragraph or list item).
 */
function previousInlineElement(children: Token[], c: number): Token | undefined {
  for (let i = c - 1; i >= 0; i--) {
    const child = children[i];
    if (!child || NOT_AN_ELEMENT.has(child.type)) continue;
    if (child.nesting === 0) return child;
    if (child.nesting === 1) return undefined;
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      depth += children[j]?.nesting ?? 0;
      if (depth === 0) return children[j];
    }
    return undefined;
  }
  return undefined;
}

/**
 * reveal.js's `<!-- .element: class="fragment" -->`: on its own line it applies to the block before it;
 * inside a paragraph or list item to the nearest element before it there (an image, `*em*`, a link,
 * `code`), else to that paragraph or item — as reveal's markdown plugin walks the DOM.
 */
export function elementAttrsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('lectern_element_attrs', (state) => {
    const tokens = state.tokens;
    const trusted = (state.env as RenderEnv).meta?.html !== false;
    tokens.forEach((token, idx) => {
      if (token.type === 'html_block') {
        const m = ELEMENT_COMMENT.exec(token.content);
        if (!m) return;
        const target = previousBlock(tokens, idx);
        if (target) applyAttrs(target, safeAttrs(parseAttrList(m[1] ?? ''), trusted));
        token.content = '';
        return;
      }
      if (token.type !== 'inline' || !token.children) return;
      const children = token.children;
      children.forEach((child, c) => {
        if (child.type !== 'html_inline') return;
        const m = ELEMENT_COMMENT.exec(child.content);
        if (!m) return;
        const attrs = safeAttrs(parseAttrList(m[1] ?? ''), trusted);
        let block: Token | undefined = tokens[idx - 1];
        if (block?.hidden) block = tokens[idx - 2];
        const target = previousInlineElement(children, c) ?? block;
        if (target) applyAttrs(target, attrs);
        child.type = 'text';
        child.content = '';
        const before = children[c - 1];
        if (before?.type === 'text') before.content = before.content.trimEnd();
      });
    });
  });
}
