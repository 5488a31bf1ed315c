import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { type RenderEnv, tokenLine } from '../env.js';
import { resolveLocalFile } from './links.js';

/** One `![bg …](url)` of a Marp slide. */
export interface MarpBackground {
  url: string;
  /** `cover` (default), `contain`/`fit`, `auto`, or a percentage / `w h` size. */
  size: string;
  /** `left` / `right` split the slide: the images take that side, the content the rest. */
  split?: 'left' | 'right';
  /** Share of the slide a split takes (`bg left:40%`), default 50%. */
  share: string;
  filter: string;
  /** `bg vertical`: the slide's images stack top to bottom instead of side by side. */
  vertical: boolean;
}

const FILTERS = ['blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia'];

/** Marp's image keywords in alt text: `bg`, `left:30%`, `contain`, `w:600`, `height:30%`, `sepia`, … */
function readKeywords(alt: string) {
  const words = alt.split(/\s+/).filter(Boolean);
  const rest: string[] = [];
  const kw = {
    bg: false,
    size: 'cover',
    split: undefined as 'left' | 'right' | undefined,
    share: '50%',
    width: '',
    height: '',
    filter: [] as string[],
    vertical: false,
  };
  for (const word of words) {
    const [name = '', value] = word.split(/:(.*)/s);
    const lower = name.toLowerCase();
    if (lower === 'bg') kw.bg = true;
    else if (lower === 'left' || lower === 'right') {
      kw.split = lower;
      if (value) kw.share = value;
    } else if (['cover', 'contain', 'auto'].includes(lower)) kw.size = lower;
    else if (lower === 'fit') kw.size = 'contain';
    else if (/^\d+(\.\d+)?%$/.test(word)) kw.size = word;
    else if ((lower === 'w' || lower === 'width') && value) kw.width = value;
    else if ((lower === 'h' || lower === 'height') && value) kw.height = value;
    else if (FILTERS.includes(lower))
      kw.filter.push(`${lower}(${value ?? (lower === 'blur' ? '10px' : lower === 'hue-rotate' ? '180deg' : '')})`.replace('()', ''));
    else if (lower === 'vertical') kw.vertical = true;
    else rest.push(word);
  }
  return { kw, alt: rest.join(' ') };
}

const px = (v: string) => (/^\d+(\.\d+)?$/.test(v) ? `${v}px` : v);

/** Empties the paragraph around removed images when nothing else is left in it. */
function hideEmptyParagraph(tokens: Token[], idx: number): void {
  const inline = tokens[idx];
  if (!inline?.children?.every((c) => (c.type === 'text' && !c.content.trim()) || c.type === 'softbreak')) return;
  for (const i of [idx - 1, idx + 1]) {
    const t = tokens[i];
    if (t && (t.type === 'paragraph_open' || t.type === 'paragraph_close')) t.hidden = true;
  }
  inline.children = [];
}

/**
 * Marp decks only: `![bg …](url)` images become slide backgrounds (collected in `env.backgrounds`),
 * and `![w:600 h:300](url)` sizes an image.
 */
export function marpImagesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('lectern_marp_images', (state) => {
    const env = state.env as RenderEnv;
    if (env.meta?.dialect !== 'marp') return;
    state.tokens.forEach((token, idx) => {
      if (token.type !== 'inline' || !token.children?.some((c) => c.type === 'image')) return;
      token.children = token.children.filter((child) => {
        if (child.type !== 'image') return true;
        const { kw, alt } = readKeywords(child.content);
        if (kw.bg) {
          const src = child.attrGet('src') ?? '';
          // Checked like any image; a missing one is reported and left out (the slide shows without it).
          const file = resolveLocalFile(env, src, tokenLine(env, token), 'background image');
          if (file && !('url' in file)) return false;
          env.backgrounds.push({
            url: src,
            size: kw.size,
            split: kw.split,
            share: kw.share,
            filter: kw.filter.join(' '),
            vertical: kw.vertical,
          });
          return false;
        }
        child.content = alt;
        if (child.children) for (const c of child.children) if (c.type === 'text') c.content = readKeywords(c.content).alt;
        const style = [
          kw.width && `width: ${px(kw.width)}`,
          kw.height && `height: ${px(kw.height)}`,
          kw.filter.length && `filter: ${kw.filter.join(' ')}`,
        ].filter(Boolean);
        if (style.length) child.attrSet('style', [child.attrGet('style'), ...style].filter(Boolean).join('; '));
        return true;
      });
      hideEmptyParagraph(state.tokens, idx);
    });
  });
}

const esc = (s: string) => s.replace(/["<>&]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A slide's Marp backgrounds as `<section>` attributes (one full-slide image: reveal's own background)
 * or as markup behind the content (several images side by side, or a `left`/`right` split).
 */
export function marpBackgroundMarkup(bgs: MarpBackground[], attrs: Record<string, string>): string {
  if (bgs.length === 0) return '';
  const first = bgs[0];
  if (bgs.length === 1 && first && !first.split && !first.filter) {
    attrs['data-background-image'] = first.url;
    attrs['data-background-size'] = first.size;
    return '';
  }
  const split = bgs.find((b) => b.split);
  const images = bgs
    .map(
      (b) =>
        `<div class="lectern-bg" style="background-image: url(&quot;${esc(b.url)}&quot;); background-size: ${esc(b.size)};${b.filter ? ` filter: ${esc(b.filter)};` : ''}"></div>`,
    )
    .join('');
  if (split) {
    attrs.class = `${attrs.class ?? ''} lectern-split-${split.split}`.trim();
    attrs.style = `${attrs.style ? `${attrs.style}; ` : ''}--lectern-bg-share: ${esc(split.share)}`;
  }
  const vertical = bgs.some((b) => b.vertical) ? ' lectern-bgs-vertical' : '';
  return `<div class="lectern-bgs${split ? ` lectern-bgs-${split.split}` : ''}${vertical}" aria-hidden="true">${images}</div>`;
}
