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
 * none. The heading becomes the box's title, so it is never taken for the slide's title.
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
      if (open.attrGet('data-appearance') === 'minimal') continue;
      const next = tokens[i + 1];
      if (next?.type === 'heading_open' && title === null) {
        const close = closeOf(tokens, i + 1);
        for (const t of [next, close]) {
          if (!t) continue;
          t.type = t === next ? 'callout_title_open' : 'callout_title_close';
          t.tag = 'div';
          t.markup = '';
        }
        next.attrs = [['class', 'lectern-callout-title']];
        continue;
      }
      const titleOpen = new state.Token('callout_title_open', 'div', 1);
      titleOpen.attrSet('class', 'lectern-callout-title');
      const text = new state.Token('inline', '', 0);
      text.content = title ?? uiStrings(lang).callouts[kind];
      text.children = [];
      text.map = open.map;
      const titleClose = new state.Token('callout_title_close', 'div', -1);
      tokens.splice(i + 1, 0, titleOpen, text, titleClose);
      i += 3;
    }
  });
}
