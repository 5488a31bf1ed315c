import type MarkdownIt from 'markdown-it';
import type { RenderEnv } from '../env.js';
import { report, tokenLine } from '../env.js';

const TAG = /\{%\s*(\w+)\s*(.*?)\s*%\}/g;

/** A Hexo post name (`LLM/Post Title`) -> the slug of a deck with that file name, if any. */
export function resolvePostLink(name: string, slugs: ReadonlySet<string>): string | undefined {
  const base = name.trim().replace(/\.md$/, '').split('/').pop() ?? '';
  for (const candidate of [base, base.toLowerCase(), base.replace(/\s+/g, '-').toLowerCase()]) {
    if (slugs.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Hexo tags, so a blog post works as it is: `{% post_link NAME [title] %}` links to that deck when one
 * exists (plain text otherwise); other tags are reduced to their text with a warning.
 */
export function hexoPlugin(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'lectern_hexo', (state) => {
    const env = state.env as RenderEnv;
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.content.includes('{%')) continue;
      token.content = token.content.replace(TAG, (_all, tag: string, args: string) => {
        const line = tokenLine(env, token);
        const [name = '', ...rest] = args.match(/"[^"]*"|'[^']*'|\S+/g)?.map((a) => a.replace(/^["']|["']$/g, '')) ?? [];
        if (tag === 'post_link' || tag === 'post_path') {
          const title = rest.join(' ') || name.split('/').pop() || name;
          const slug = resolvePostLink(name, env.ctx.slugs);
          if (slug) return tag === 'post_path' ? `../${slug}/` : `[${title}](../${slug}/)`;
          report(
            env,
            line,
            'warning',
            `post_link \`${name}\` names no deck in slides/`,
            'add that post to slides/ to make it a link; it shows as plain text',
            'post-link-missing',
          );
          return title;
        }
        report(
          env,
          line,
          'warning',
          `Hexo tag \`${tag}\` is not supported`,
          'it is shown as its arguments; rewrite it as Markdown',
          'hexo-tag-unsupported',
        );
        return args;
      });
    }
  });
}
