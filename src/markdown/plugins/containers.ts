import type MarkdownIt from 'markdown-it';
import type { PluginWithParams } from 'markdown-it';
import markdownItContainer from 'markdown-it-container';
import { type RenderEnv, report, tokenLine } from '../env.js';

// markdown-it-container's types describe an older markdown-it; the runtime API is the same.
const container = markdownItContainer as unknown as PluginWithParams;

type ContainerTokens = { info: string; nesting: number }[];

const wrap = (className: string) => (tokens: ContainerTokens, idx: number) =>
  tokens[idx]?.nesting === 1 ? `<div class="${className}">\n` : '</div>\n';

/**
 * `::: fragment [effect]` steps a block; `::: incremental` steps each list item inside;
 * `::: columns` with `::: column` children lays blocks side by side.
 */
export function containersPlugin(md: MarkdownIt): void {
  md.use(container, 'fragment', {
    render: (tokens: ContainerTokens, idx: number) => {
      const token = tokens[idx];
      if (token?.nesting !== 1) return '</div>\n';
      const effect = token.info
        .trim()
        .replace(/^fragment\s*/, '')
        .replace(/[^\w\s-]/g, '');
      return `<div class="fragment${effect ? ` ${effect}` : ''}">\n`;
    },
  });
  md.use(container, 'incremental', { render: wrap('lectern-incremental') });
  md.use(container, 'columns', { render: wrap('lectern-columns') });
  md.use(container, 'column', { render: wrap('lectern-column') });
  // A closing `:::` right under a list, quote or table is swallowed by it (lazy continuation) and shows as text.
  md.core.ruler.push('lectern_stray_container', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !/(^|\n)\s*:{3,}\s*($|\n)/.test(token.content)) continue;
      const env = state.env as RenderEnv;
      report(env, tokenLine(env, token), 'warning', '`:::` is shown as text', 'leave a blank line before the closing `:::` of a container');
    }
  });
}
