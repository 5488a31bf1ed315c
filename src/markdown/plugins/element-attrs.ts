import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { RenderEnv } from '../env.js';
import { parseAttrList, safeAttrs } from '../fences.js';

/** reveal.js reads `.element` with or without the colon (`<!-- .element class=\"fragment\" -->`). */
const ELEMENT_COMMENT = /^\s*<!--\s*\.element:?\s*(.*?)\s*-->\s*$/;

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

/**
 * reveal.js's `<!-- .element: class="fragment" -->`: on its own line it applies to the block before it;
 * inside a paragraph or list item to the image just before it, else to that paragraph or item.
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
        let prev = c - 1;
        while (prev >= 0 && children[prev]?.type === 'text' && !children[prev]?.content.trim()) prev--;
        const image = children[prev]?.type === 'image' ? children[prev] : undefined;
        let block: Token | undefined = tokens[idx - 1];
        if (block?.hidden) block = tokens[idx - 2];
        const target = image ?? block;
        if (target) applyAttrs(target, attrs);
        child.type = 'text';
        child.content = '';
        const before = children[c - 1];
        if (before?.type === 'text') before.content = before.content.trimEnd();
      });
    });
  });
}
