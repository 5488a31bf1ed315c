import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { uiStrings } from '../../model/ui-strings.js';
import type { RenderEnv } from '../env.js';

const KINDS = ['note', 'tip', 'warning', 'important', 'caution'] as const;
type Kind = (typeof KINDS)[number];

/** The callout kind of a div opened by `::: {.callout-note}` (after `lectern_div_attrs`), if it is one. */
function calloutKind(token: Token): Kind | undefined {
  if (token.type !== 'container' || token.nesting !== 1) return undefined;
  const classes = (token.attrGet('class') ?? '').split(/\s+/);
  return KINDS.find((k) => classes.includes(`callout-${k}`));
}

/**
 * Each kind's icon, drawn inline at build (no icon font, so no glyph can go missing): Quarto's, simplified —
 * an "i" in a circle, a light bulb, a "!" in a triangle, a "!" in a circle, a "!" in an octagon.
 */
const ICON_PATHS: Record<Kind, string> = {
  note: '<circle cx="8" cy="8" r="7"/><path d="M8 7v5M8 4.2v.1"/>',
  tip: '<path d="M5.5 11.5c0-2-2.5-3-2.5-5.5a5 5 0 0 1 10 0c0 2.5-2.5 3.5-2.5 5.5zM6 14h4"/>',
  warning: '<path d="M8 1.5 15 14H1zM8 6v4M8 12v.1"/>',
  important: '<circle cx="8" cy="8" r="7"/><path d="M8 4v5M8 11.8v.1"/>',
  caution: '<path d="M5 1h6l4 4v6l-4 4H5l-4-4V5zM8 4.5v5M8 11.8v.1"/>',
};
const icon = (kind: Kind) =>
  `<svg class="lectern-callout-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${ICON_PATHS[kind]}</svg>`;

/** Quarto's `collapse="true"` / `collapse="false"`: folded / open, or undefined when the callout does not fold. */
function collapseOf(open: Token): 'closed' | 'open' | undefined {
  const value = open.attrGet('data-collapse');
  if (value === null) return undefined;
  open.attrs = (open.attrs ?? []).filter(([name]) => name !== 'data-collapse');
  return value === 'true' ? 'closed' : value === 'false' ? 'open' : undefined;
}

/** The close token of the block opened at `open`. */
function closeOf(tokens: Token[], open: number): Token | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return tokens[i];
  }
  return undefined;
}

/**
 * Quarto's callouts (`::: {.callout-note}` … `.callout-caution`): a box with a title — the callout's first
 * heading, else its `title="…"`, else the kind's name in the deck's language; `appearance="minimal"` has
 * none. The heading becomes the box's title, so it is never taken for the slide's title. The title starts
 * with the kind's icon (`icon="false"` leaves it out). `collapse="true"` folds the callout behind its title
 * (a `<details>` the viewer opens; printing opens it), `collapse="false"` makes it foldable and open —
 * which Quarto's own revealjs format does not do yet (quarto-cli#1328).
 */
export function calloutsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('lectern_div_attrs', 'lectern_callouts', (state) => {
    const tokens = state.tokens;
    const lang = (state.env as RenderEnv).meta?.lang;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i] as Token;
      const kind = calloutKind(open);
      if (!kind) continue;
      open.attrJoin('class', `lectern-callout lectern-callout-${kind}`);
      const title = open.attrGet('title');
      if (title !== null) open.attrs = (open.attrs ?? []).filter(([name]) => name !== 'title');
      const collapse = collapseOf(open);
      const withIcon = open.attrGet('data-icon') !== 'false';
      if (open.attrGet('data-appearance') === 'minimal') continue;
      const titleTag = collapse ? 'summary' : 'div';
      if (collapse) {
        const close = closeOf(tokens, i);
        open.tag = 'details';
        if (close) close.tag = 'details';
        if (collapse === 'open') open.attrSet('open', '');
      }
      const iconToken = new state.Token('html_block', '', 0);
      iconToken.content = withIcon ? icon(kind) : '';
      iconToken.hidden = true; // no line break after the title's opening tag (markdown-it's renderToken)
      const next = tokens[i + 1];
      if (next?.type === 'heading_open' && title === null) {
        const close = closeOf(tokens, i + 1);
        for (const t of [next, close]) {
          if (!t) continue;
          t.type = t === next ? 'callout_title_open' : 'callout_title_close';
          t.tag = titleTag;
          t.markup = '';
        }
        next.attrs = [['class', 'lectern-callout-title']];
        tokens.splice(i + 2, 0, iconToken);
        continue;
      }
      const titleOpen = new state.Token('callout_title_open', titleTag, 1);
      titleOpen.attrSet('class', 'lectern-callout-title');
      const text = new state.Token('inline', '', 0);
      text.content = title ?? uiStrings(lang).callouts[kind];
      text.children = [];
      text.map = open.map;
      const titleClose = new state.Token('callout_title_close', titleTag, -1);
      tokens.splice(i + 1, 0, titleOpen, iconToken, text, titleClose);
      i += 4;
    }
  });
}
