import type MarkdownIt from 'markdown-it';
import type { PluginSimple } from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import markdownItAttrs from 'markdown-it-attrs';
import bracketedSpans from 'markdown-it-bracketed-spans';
import { headingSlideAttrs } from '../dialects/quarto.js';
import { type RenderEnv, report, tokenLine } from '../env.js';
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
  // Quarto's `{.absolute top=200 left=0}`: placed on the slide at those offsets (px unless a unit is given).
  if ((token.attrGet('class') ?? '').split(/\s+/).includes('absolute')) {
    style.push('position: absolute');
    for (const side of ['top', 'left', 'right', 'bottom'] as const) {
      const value = token.attrGet(side);
      if (value === null || !CSS_LENGTH.test(value)) continue;
      style.push(`${side}: ${/^\d+(\.\d+)?$/.test(value) ? `${value}px` : value}`);
      token.attrs = (token.attrs ?? []).filter(([k]) => k !== side);
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
        // pandoc's ```{.python} is a class naming the language: highlight it as ```python.
        const cls = /^\{\s*\.([A-Za-z][\w+-]*)\s*\}\s*$/.exec(token.info);
        if (cls?.[1]) token.info = cls[1];
        const chunk = CHUNK.exec(token.info);
        if (chunk?.[1]) {
          const env = state.env as RenderEnv;
          token.info = chunk[1].toLowerCase();
          // Quarto's cell options (`#| echo: false`, `%%| fig-width: 6`) are for Quarto, not the audience.
          token.content = token.content.replace(/^[ \t]*(#|%%|\/\/)\|.*(\n|$)/gm, '');
          if (token.info !== 'mermaid' && !env.chunksWarned) {
            env.chunksWarned = true;
            report(
              env,
              tokenLine(env, token),
              'warning',
              `code chunks (\`\`\`{${token.info}}) are shown as highlighted code, not run: their output is not on the slides`,
              'paste the output (a figure under assets/, a table) next to the code, or render it with Quarto first',
              'dialect-chunk-not-run',
            );
          }
        }
      }
      if (token.type === 'html_block' && /<section[\s>]/i.test(token.content)) {
        const env = state.env as RenderEnv;
        report(
          env,
          tokenLine(env, token),
          'warning',
          'this raw `<section>` is shown as part of the slide, not as a slide of its own',
          "put `<section …>` and `</section>` each on a line of their own (then it is a vertical slide), or split with the deck's separator",
          'dialect-raw-section',
        );
      }
      for (const child of token.children ?? []) {
        if (child.type !== 'text' || !child.content.includes('{')) continue;
        child.content = child.content.replace(/\{[^{}]*\}/g, (group) => (VALID_GROUP.test(group) ? group : HIDE + group.slice(1)));
      }
    }
  });
  md.core.ruler.after('curly_attributes', 'lectern_attrs_after', (state) => {
    const env = state.env as RenderEnv;
    const trusted = env.meta?.html !== false;
    // Attributes of the slide's heading that belong to the slide (Quarto): `{.smaller}`, `{background-color=…}`.
    const heading = state.tokens.find((t) => t.type === 'heading_open' && t.level === 0);
    if (heading?.attrs && env.slideAttrs) {
      const { slide, keep } = headingSlideAttrs(heading.attrs);
      heading.attrs = keep.length ? keep : null;
      Object.assign(env.slideAttrs, slide);
    }
    walk(state.tokens, (t) => {
      if (t.type === 'text' && t.content.includes(HIDE)) t.content = t.content.replaceAll(HIDE, '{');
      if (t.type === 'image') sizeImage(t);
      if (!trusted && t.attrs) t.attrs = t.attrs.filter(([k, v]) => !isUnsafeAttr(k, v));
    });
  });
}
