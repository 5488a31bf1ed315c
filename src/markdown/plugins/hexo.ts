import type MarkdownIt from 'markdown-it';
import { type DeckRef, hrefBetween, resolveDeck } from '../../model/deck-path.js';
import type { RenderEnv } from '../env.js';
import { report, tokenLine } from '../env.js';

const TAG = /\{%\s*(\w+)\s*(.*?)\s*%\}/g;

/**
 * A Hexo post name (`LLM/Post Title`, Hexo's path under source/_posts) -> the deck of that file name anywhere
 * in slides/: the post's path is tried first, then its last segment as written, lower-cased, spaces as dashes.
 */
export function resolvePostLink(name: string, slugs: ReadonlySet<string>): DeckRef {
  const path = name.trim().replace(/\.md$/, '');
  const base = path.split('/').pop() ?? '';
  const names = [path, base, base.toLowerCase(), base.replace(/\s+/g, '-').toLowerCase()];
  for (const candidate of names) {
    const found = resolveDeck(candidate, '', slugs);
    if (found.slug !== undefined) return found;
  }
  return { missing: true };
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
          const found = resolvePostLink(name, env.ctx.slugs);
          if (found.ambiguous)
            report(
              env,
              line,
              'warning',
              `post_link \`${name}\`: ${found.ambiguous.length} decks have that name (${found.ambiguous.join(', ')}); linked to ${found.slug}`,
              "rename one of the decks, or write the link as Markdown with the deck's path: [title](part-2/name.md)",
              'post-link-ambiguous',
            );
          if (found.slug !== undefined) {
            const href = hrefBetween(env.slug, found.slug);
            return tag === 'post_path' ? href : `[${title}](${href})`;
          }
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
