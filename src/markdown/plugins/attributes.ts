import type MarkdownIt from 'markdown-it';
import type { PluginSimple } from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import markdownItAttrs from 'markdown-it-attrs';
import bracketedSpans from 'markdown-it-bracketed-spans';
import type { RenderEnv } from '../env.js';
import { isUnsafeAttr } from '../fences.js';

/** A pandoc attribute list: every word is `.class`, `#id` or `key=value` (quoted or not). */
const VALID_GROUP = /^\{\s*(?:(?:[.#][^\s{}"'=]+|[^\s{}"'=]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+))\s*)+\}$/;
// markdown-it-attrs' types describe another copy of markdown-it's types; the runtime API is the same.
const attrs = markdownItAttrs as unknown as PluginSimple;
const HIDE = '\uE000';
/** Quarto's executable chunks: ```{r}, ```{python echo=FALSE}, ```{mermaid}. */
const CHUNK = /^\{\s*([A-Za-z][\w+-]*)\s*(?:[,\s][^}]*)?\}\s*$/;

const CSS_LENGTH = /^\d+(\.\d+)?(px|%|em|rem|vw|vh|in|cm|mm|pt)?$/;

/** `{width=60% fig-align=center}` on an image: sizes and places it as Quarto does. */
function sizeImage(token: Token): void {
  const style: string[] = [];
  for (const dim of ['width', 'height'] as const) {
    const value = token.attrGet(dim);
    if (value === null) continue;
    if (CSS_LENGTH.test(value) && !/^\d+$/.test(value)) {
      style.push(`${dim}: ${value}`);
      token.attrs = (token.attrs ?? []).filter(([k]) => k !== dim);
    }
  }
  const align = token.attrGet('fig-align');
  if (align !== null) {
    token.attrs = (token.attrs ?? []).filter(([k]) => k !== 'fig-align');
    if (align === 'center') style.push('display: block', 'margin-left: auto', 'margin-right: auto');
    else if (align === 'right') style.push('display: block', 'margin-left: auto');
    else if (align === 'left') style.push('display: block', 'margin-right: auto');
  }
  if (style.length) token.attrSet('style', [token.attrGet('style'), ...style].filter(Boolean).join('; '));
}

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

/**
 * Pandoc-style attributes (`## Title {.smaller}`, `![](x.png){width=60%}`, `[text]{.fragment}`) through
 * markdown-it-attrs and markdown-it-bracketed-spans. Braces that are not an attribute list (`the set {a, b}`)
 * stay text, as in pandoc; untrusted decks cannot add event handlers this way.
 */
export function attributesPlugin(md: MarkdownIt): void {
  md.use(bracketedSpans).use(attrs);
  md.core.ruler.before('curly_attributes', 'lectern_attrs_guard', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'fence') {
        const chunk = CHUNK.exec(token.info);
        if (chunk?.[1]) {
          token.info = chunk[1];
          token.meta = { ...(token.meta ?? {}), chunk: true };
        }
      }
      for (const child of token.children ?? []) {
        if (child.type !== 'text' || !child.content.includes('{')) continue;
        child.content = child.content.replace(/\{[^{}]*\}/g, (group) => (VALID_GROUP.test(group) ? group : HIDE + group.slice(1)));
      }
    }
  });
  md.core.ruler.after('curly_attributes', 'lectern_attrs_after', (state) => {
    const trusted = (state.env as RenderEnv).meta?.html !== false;
    walk(state.tokens, (t) => {
      if (t.type === 'text' && t.content.includes(HIDE)) t.content = t.content.replaceAll(HIDE, '{');
      if (t.type === 'image') sizeImage(t);
      if (!trusted && t.attrs) t.attrs = t.attrs.filter(([k, v]) => !isUnsafeAttr(k, v));
    });
  });
}
