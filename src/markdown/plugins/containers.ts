import type MarkdownIt from 'markdown-it';
import type { PluginWithOptions } from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import markdownItDiv from 'markdown-it-div';
import { type RenderEnv, report, tokenLine } from '../env.js';
import { safeAttrs } from '../fences.js';
import { parseDivInfo } from '../pandoc-attrs.js';

const divPlugin = markdownItDiv as PluginWithOptions<{ validate?: (params: string) => boolean }>;

/** Lectern's and Quarto's container names -> the classes the theme styles. */
const CLASS_OF: Record<string, string> = {
  incremental: 'lectern-incremental',
  nonincremental: 'lectern-nonincremental',
  columns: 'lectern-columns',
  column: 'lectern-column',
  footer: 'lectern-footer',
};
/** Attributes that keep their name; any other `key=value` becomes `data-key`, as pandoc writes HTML. */
const HTML_ATTRS = new Set(['style', 'title', 'lang', 'dir', 'role']);

/** Reads one div's info string into the attributes of its `<div>`. */
function divAttrs(info: string, trusted: boolean): Record<string, string> {
  const { id, classes, attrs } = parseDivInfo(info);
  const out: Record<string, string> = {};
  if (id) out.id = id;
  const cls = classes.map((c) => CLASS_OF[c] ?? c);
  const style: string[] = attrs.style ? [attrs.style.replace(/;?\s*$/, '')] : [];
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'style') continue;
    if (key === 'width' && classes.includes('column'))
      style.unshift(`width: ${/^\d+(\.\d+)?$/.test(value) ? `${value}px` : value}; flex: none`);
    else if (key === 'fragment-index') out['data-fragment-index'] = value;
    else out[HTML_ATTRS.has(key) || key.startsWith('data-') ? key : `data-${key}`] = value;
  }
  if (cls.length) out.class = cls.join(' ');
  if (style.length) out.style = style.join('; ');
  return safeAttrs(out, trusted);
}

/**
 * Pandoc's fenced divs, as Quarto and Lectern write them: three or more colons and a name or an
 * attribute list (`::: fragment fade-up`, `:::: {.columns}`, `::: {.column width="40%"}`); a line of
 * colons alone closes the innermost open div, so containers nest with fences of any length.
 */
export function containersPlugin(md: MarkdownIt): void {
  md.use(divPlugin, { validate: (params: string) => /[^\s:]/.test(params) });
  md.core.ruler.after('block', 'lectern_div_attrs', (state) => {
    const trusted = (state.env as RenderEnv).meta?.html !== false;
    for (const token of state.tokens as Token[]) {
      if (token.type !== 'container' || token.nesting !== 1) continue;
      token.attrs = null;
      for (const [name, value] of Object.entries(divAttrs(token.info, trusted))) token.attrSet(name, value);
      // Read once: markdown-it-attrs would read `{…}` in the info again.
      token.meta = { ...(token.meta ?? {}), info: token.info };
      token.info = '';
    }
  });
  md.renderer.rules.container = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
  // A closing `:::` inside a quote or indented under a list item belongs to that block and shows as text.
  md.core.ruler.push('lectern_stray_container', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !/(^|\n)\s*:{3,}\s*($|\n)/.test(token.content)) continue;
      const env = state.env as RenderEnv;
      report(
        env,
        tokenLine(env, token),
        'warning',
        '`:::` is shown as text',
        'a closing `:::` must stand on a line of its own, not after `>` (inside a quote) nor indented under a list item, and match an open `::: name` above it',
        'container-stray',
      );
    }
  });
}

/** True when the token opens a `<div>` with the given class (after `lectern_div_attrs`). */
export const isDivWith = (token: Token | undefined, className: string): boolean =>
  token?.type === 'container' && token.nesting === 1 && (token.attrGet('class') ?? '').split(/\s+/).includes(className);
