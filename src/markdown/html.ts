import { INK_DATA_ID, inkFileOf } from '../model/ink.js';
import { type DeckConfig, EARLY_VIEW_SCRIPT, formatSource, PAGE, slideId, slideNumbers, walkStepCss } from '../model/page.js';
import type { Deck, RenderedSlide } from '../model/types.js';
import { escapeHtml } from './env.js';
import { iconTag, type SocialMeta, socialTags } from './social.js';

export interface PageOptions {
  /** Module script the page loads (resolved by Vite). */
  runtime: string;
  /** Extra tags for <head> (fonts). */
  head?: string;
  /** See `DeckConfig.mermaidModules`. */
  mermaidModules?: string[];
  /** See `DeckConfig.searchIndex`. */
  searchIndex?: string;
  /** Put this in place of the slides (the build inserts them after Vite has processed the page). */
  slidesPlaceholder?: string;
  /** See `DeckConfig.course`. */
  course?: DeckConfig['course'];
  /** Link preview tags (Open Graph); the `description` also becomes the page's meta description. */
  social?: SocialMeta;
  /** The site icon's address from this page (default: none, an empty data URL so browsers ask for nothing). */
  icon?: string;
}

/** The head tags every page shares: description, link preview, icon. */
export function pageHeadTags(options: Pick<PageOptions, 'social' | 'icon'>, description?: string): string {
  const text = description ?? options.social?.description;
  return `${text ? `<meta name="description" content="${escapeHtml(text)}">\n` : ''}${options.social ? socialTags(options.social) : ''}${
    options.icon ? iconTag(options.icon) : '<link rel="icon" href="data:,">\n'
  }`;
}

function attrString(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => (v === '' ? ` ${escapeHtml(k)}` : ` ${escapeHtml(k)}="${escapeHtml(v)}"`))
    .join('');
}

function section(deck: Deck, slide: RenderedSlide, index: number | undefined): string {
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : '';
  const attrs = {
    ...(index === undefined ? {} : { id: slideId(index) }),
    [PAGE.sourceAttr]: formatSource({ file: deck.file, line: slide.line }),
    ...(slide.title ? { [PAGE.titleAttr]: slide.title } : {}),
    ...slide.attrs,
  };
  return `<section${attrString(attrs)}>\n${slide.html}${notes}</section>`;
}

/** The markup of each top-level `<section>`: a slide, or a vertical stack with its slides nested as reveal.js expects. */
export function renderStacks(deck: Deck): string[] {
  const numbers = slideNumbers(deck.slides);
  const stacks: [RenderedSlide, number | undefined][][] = [];
  deck.slides.forEach((slide, i) => {
    stacks[slide.h] ??= [];
    stacks[slide.h]?.push([slide, numbers[i]]);
  });
  return stacks
    .filter(Boolean)
    .map((stack) =>
      stack.length === 1 && stack[0]
        ? section(deck, ...stack[0])
        : `<section>\n${stack.map(([s, n]) => section(deck, s, n)).join('\n')}\n</section>`,
    );
}

/** The `<section>` markup of every slide. */
export function renderSlides(deck: Deck): string {
  return renderStacks(deck).join('\n');
}

export function deckConfig(deck: Deck): DeckConfig {
  return {
    slug: deck.slug,
    title: deck.meta.title,
    inkFile: inkFileOf(deck.file),
    lang: deck.meta.lang,
    ...(deck.meta.durationMinutes ? { durationMinutes: deck.meta.durationMinutes } : {}),
    hasMermaid: deck.hasMermaid,
    ...(deck.meta.handoutAnswers ? { handoutAnswers: deck.meta.handoutAnswers } : {}),
    ...(Object.keys(deck.meta.reveal).length ? { reveal: deck.meta.reveal } : {}),
  };
}

/** A whole deck page. JSON in a script tag is escaped so `</script>` in a title cannot end it. */
export function renderDeckPage(deck: Deck, options: PageOptions): string {
  const config: DeckConfig = {
    ...deckConfig(deck),
    ...(deck.hasMermaid && options.mermaidModules?.length ? { mermaidModules: options.mermaidModules } : {}),
    ...(options.course ? { course: options.course } : {}),
    ...(options.searchIndex ? { searchIndex: options.searchIndex } : {}),
  };
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const meta = deck.meta;
  return `<!doctype html>
<html lang="${escapeHtml(meta.lang)}"${meta.look === 'dark' ? ' data-lectern-look="dark"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
${meta.author ? `<meta name="author" content="${escapeHtml(meta.author)}">\n` : ''}${meta.tags.length ? `<meta name="keywords" content="${escapeHtml(meta.tags.join(', '))}">\n` : ''}<meta name="generator" content="Lectern">
${EARLY_VIEW_SCRIPT}
${pageHeadTags(options)}${options.head ?? ''}<style id="lectern-walk-css">${walkStepCss(deck.walkGroups ?? 0)}</style>
${deck.css ? `<style id="lectern-deck-css">\n${deck.css}\n</style>\n` : ''}<script type="application/json" id="${PAGE.configId}">${json}</script>
${deck.ink ? `<script type="application/json" id="${INK_DATA_ID}">${JSON.stringify(deck.ink).replace(/</g, '\\u003c')}</script>\n` : ''}<script type="module" src="${options.runtime}"></script>
</head>
<body>
<div class="reveal"><div class="slides">
${options.slidesPlaceholder ?? renderSlides(deck)}
</div></div>
</body>
</html>
`;
}
