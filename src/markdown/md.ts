import type { PluginSimple } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import cjkBreaks from 'markdown-it-cjk-breaks';
import cjkFriendly from 'markdown-it-cjk-friendly';
import markdownItFootnote from 'markdown-it-footnote';
import { type Highlighter, highlightToHtml } from './highlight.js';
import { attributesPlugin } from './plugins/attributes.js';
import { calloutsPlugin } from './plugins/callouts.js';
import { codeWalkPlugin } from './plugins/code-walk.js';
import { containersPlugin } from './plugins/containers.js';
import { elementAttrsPlugin } from './plugins/element-attrs.js';
import { hexoPlugin } from './plugins/hexo.js';
import { linksPlugin, safeHtmlPlugin } from './plugins/links.js';
import { localFilesPlugin } from './plugins/local-files.js';
import { marpImagesPlugin } from './plugins/marp-images.js';
import { mathPlugin } from './plugins/math.js';
import { mermaidPlugin } from './plugins/mermaid.js';
import { nestingPlugin } from './plugins/nesting.js';
import { stepsPlugin } from './plugins/steps.js';

// @types/markdown-it-footnote describes another copy of markdown-it's types; the runtime API is the same.
const footnote = markdownItFootnote as unknown as PluginSimple;

function dropEmptyText(md: MarkdownIt): void {
  md.core.ruler.push('lectern_drop_empty_text', (state) => {
    for (const t of state.tokens) if (t.children) t.children = t.children.filter((c) => c.type !== 'text' || c.content !== '');
  });
}

/**
 * The one Markdown renderer, its plugins in one visible order. Pure: no Vite, no DOM.
 * `highlighter` must already have loaded the languages the deck uses (see compile.ts).
 */
export function createMarkdown(highlighter?: Highlighter): MarkdownIt {
  const md = new MarkdownIt({
    html: true,
    linkify: true,
    typographer: false,
    highlight: (code, lang) => {
      if (!highlighter || !lang || !highlighter.getLoadedLanguages().includes(lang)) return '';
      return highlightToHtml(highlighter, code, lang);
    },
  });
  md.use(nestingPlugin) // input nested past maxNesting is reported, not dropped silently
    .use(cjkFriendly) // **bold** next to CJK punctuation
    .use(dropEmptyText) // markdown-it-cjk-breaks crashes on empty text tokens
    .use(cjkBreaks) // a line break inside Chinese adds no space
    .use(hexoPlugin) // {% post_link %}
    .use(mathPlugin) // KaTeX at build time
    .use(mermaidPlugin) // ```mermaid -> lazily drawn figure
    .use(containersPlugin) // ::: fenced divs of any length: fragment / incremental / columns / Quarto classes
    .use(calloutsPlugin) // Quarto's ::: {.callout-note} boxes with their titles
    .use(attributesPlugin) // {.class key=value} on headings, images, spans; ```{r} chunks
    .use(footnote) // pandoc footnotes[^1]
    .use(elementAttrsPlugin) // <!-- .element: … -->
    .use(codeWalkPlugin, highlighter) // ```js {1|3-4}, [1|3-4], code-line-numbers, data-line-numbers: line steps
    .use(stepsPlugin) // Q&A and incremental lists step
    .use(marpImagesPlugin) // Marp: ![bg] backgrounds, ![w:600] sizes
    .use(linksPlugin) // images and deck links checked
    .use(localFilesPlugin) // backgrounds, lazy media and raw <img> beside the deck: found, copied into the site
    .use(safeHtmlPlugin); // html: false decks
  return md;
}
