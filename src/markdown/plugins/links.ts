import { posix } from 'node:path';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { baseName, hrefBetween, resolveDeck, SLIDES_DIR } from '../../model/deck-path.js';
import { reservedFolderOf } from '../../model/site.js';
import { errorBox, type RenderEnv, report, tokenLine } from '../env.js';
import { nearMatch } from '../near-match.js';

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** A local image path as written in a slide -> project-relative path candidates, best first. */
export function assetCandidates(file: string, src: string): string[] {
  const clean = decodeURI(src.split(/[?#]/)[0] ?? '');
  const fromFile = posix.normalize(posix.join(posix.dirname(file), clean));
  const fromRoot = posix.normalize(clean.replace(/^(\.?\.?\/)+/, ''));
  return [...new Set([fromFile, fromRoot, posix.join('assets', fromRoot)])].filter((p) => !p.startsWith('..'));
}

/**
 * A link as written -> the deck it may name: `other.md`, `../part-2/b.md` (a file, relative to the deck's
 * file), `../other/`, `/part-2/b/` (an address, relative to the deck's page or the site root); `rest` is
 * what follows (`#slide-3`, `?view=read`). Undefined for links that are not deck links.
 */
export function deckLink(href: string): { name: string; base: 'file' | 'page' | 'root'; rest: string } | undefined {
  const md = /^((?:\.{1,2}\/)*(?:[^/#?]+\/)*[^/#?]+)\.md([?#].*)?$/i.exec(href);
  if (md) return { name: decodeURI(md[1] ?? ''), base: 'file', rest: md[2] ?? '' };
  const dir = /^((?:\.\.\/)+|\/)((?:[^/#?.]+\/)*[^/#?.]+)\/?(?:index\.html)?([?#].*)?$/.exec(href);
  if (!dir || reservedFolderOf(dir[2] ?? '')) return undefined;
  const up = dir[1] ?? '';
  return { name: decodeURI(`${up === '/' ? '' : up}${dir[2] ?? ''}`), base: up === '/' ? 'root' : 'page', rest: dir[3] ?? '' };
}

/** A file link pointing outside slides/ (`../assets/notes.md`) is a link to that file, not to a deck. */
function underSlides(env: RenderEnv, link: NonNullable<ReturnType<typeof deckLink>>): boolean {
  if (link.base !== 'file' || !link.name.includes('/')) return true;
  return posix.normalize(posix.join(posix.dirname(env.file), link.name)).startsWith(`${SLIDES_DIR}/`);
}

/** The folder under slides/ a link of that kind is relative to. */
function linkBase(env: RenderEnv, base: 'file' | 'page' | 'root'): string {
  if (base === 'root') return '';
  if (base === 'page') return env.slug;
  return posix.dirname(env.file).split('/').slice(1).join('/');
}

/** A deck link's target (reported at `line` when it names no deck, or more than one by that name). */
export function deckHrefFor(env: RenderEnv, link: NonNullable<ReturnType<typeof deckLink>>, line: number): string | undefined {
  const found = resolveDeck(link.name, linkBase(env, link.base), env.ctx.slugs);
  const shown = link.name.replace(/^(\.\.?\/)+/, '');
  if (found.slug === undefined) {
    const wanted = baseName(shown);
    const near = nearMatch(wanted, [...env.ctx.slugs].map(baseName));
    report(
      env,
      line,
      'error',
      `link to deck \`${shown}\` but no deck in slides/ has that name`,
      `${near ? `did you mean \`${near}.md\`? ` : ''}decks here: ${[...env.ctx.slugs].join(', ')}`,
      'deck-link-missing',
    );
    return undefined;
  }
  if (found.ambiguous)
    report(
      env,
      line,
      'warning',
      `link to deck \`${shown}\`: ${found.ambiguous.length} decks have that name (${found.ambiguous.join(', ')}); linked to ${found.slug}`,
      `write the deck's path to choose, e.g. \`${found.ambiguous[1]}.md\``,
      'deck-link-ambiguous',
    );
  return hrefBetween(env.slug, found.slug);
}

/** The asset a mistyped path probably meant, written the way the author wrote the path. */
export function nearAsset(env: RenderEnv, written: string): string | undefined {
  const name = posix.basename(written.split(/[?#]/)[0] ?? '');
  const files = env.ctx.assetFiles?.() ?? [];
  const match = nearMatch(
    name,
    files.map((f) => posix.basename(f)),
  );
  return match === undefined ? undefined : `${written.slice(0, written.length - name.length)}${match}`;
}

/** Where a local file a slide names is served from (`/assets/x.png`), or undefined (reported) when it is missing. */
export function resolveLocalFile(
  env: RenderEnv,
  src: string,
  line: number,
  what = 'image',
): { url: string } | { missing: true } | undefined {
  if (src.startsWith('data:')) return undefined;
  if (EXTERNAL.test(src) || src.startsWith('//')) {
    report(
      env,
      line,
      'warning',
      `${what} \`${src}\` is loaded from the network`,
      'it will not show offline; save it under assets/ and link that',
      'image-external',
    );
    return undefined;
  }
  const found = assetCandidates(env.file, src).find((p) => env.ctx.assetExists(p));
  if (found) return { url: `/${found}` };
  const near = nearAsset(env, src);
  report(
    env,
    line,
    'error',
    `${what} \`${src}\` not found`,
    near ? `did you mean \`${near}\`?` : 'put the file beside the deck (write figs/name.png) or under assets/ (write ../assets/name.png)',
    'image-missing',
  );
  return { missing: true };
}

function checkImage(token: Token, env: RenderEnv, line: number): Token | undefined {
  const src = token.attrGet('src') ?? '';
  if (!token.content.trim())
    report(env, line, 'warning', `image \`${src}\` has no alt text`, 'describe the picture: ![what it shows](path)', 'image-no-alt');
  const file = resolveLocalFile(env, src, line);
  if (!file) return undefined;
  if ('url' in file) {
    token.attrSet('src', file.url);
    token.attrSet('loading', 'lazy');
    return undefined;
  }
  const box = new (token.constructor as new (type: string, tag: string, nesting: number) => Token)('html_inline', '', 0);
  box.content = errorBox('Image missing', src, { file: env.file, line });
  return box;
}

/** Local images must exist (and get bundled); links to other decks must name a deck; external links open a new tab. */
export function linksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('lectern_links', (state) => {
    const env = state.env as RenderEnv;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const line = tokenLine(env, block);
      block.children = block.children.map((t) => {
        if (t.type === 'image') return checkImage(t, env, line) ?? t;
        if (t.type !== 'link_open') return t;
        const href = t.attrGet('href') ?? '';
        if (EXTERNAL.test(href)) {
          t.attrSet('target', '_blank');
          t.attrSet('rel', 'noopener');
          return t;
        }
        const link = deckLink(href);
        if (!link || !underSlides(env, link)) return t;
        const target = deckHrefFor(env, link, line);
        if (target) t.attrSet('href', `${target}${link.rest}`);
        return t;
      });
    }
  });
}

/** For decks from untrusted sources (`html: false`): raw HTML is shown as text, never run. */
export function safeHtmlPlugin(md: MarkdownIt): void {
  const escapeText = md.utils.escapeHtml;
  const guard =
    (fallback: NonNullable<MarkdownIt['renderer']['rules']['html_block']>) =>
    (...args: Parameters<typeof fallback>) => {
      const [tokens, idx, , rawEnv] = args;
      const env = rawEnv as RenderEnv;
      const content = tokens[idx]?.content ?? '';
      if (env.meta.html || /^\s*<!--[\s\S]*-->\s*$/.test(content)) return env.meta.html ? fallback(...args) : '';
      return escapeText(content);
    };
  const rules = md.renderer.rules;
  const block = rules.html_block ?? ((tokens, idx) => tokens[idx]?.content ?? '');
  const inline = rules.html_inline ?? ((tokens, idx) => tokens[idx]?.content ?? '');
  rules.html_block = guard(block);
  rules.html_inline = guard(inline);
}
