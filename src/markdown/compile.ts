import { errorBoxHtml } from '../model/page.js';
import type { CompileContext, Deck, DeckMeta, Diagnostic, RenderedSlide, SlideSource } from '../model/types.js';
import { marpSlides } from './dialects/marp.js';
import { quartoPauses } from './dialects/quarto.js';
import { escapeHtml, type RenderEnv } from './env.js';
import { safeAttrs, unclosedFences } from './fences.js';
import { parseFrontMatter } from './frontmatter.js';
import { highlighterFor } from './highlight.js';
import { createMarkdown } from './md.js';
import { extractNotes } from './notes.js';
import { assetCandidates } from './plugins/links.js';
import { marpBackgroundMarkup } from './plugins/marp-images.js';
import { splitSlides } from './split.js';

export function slugOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '');
}

function titleSlideHeader(meta: DeckMeta, md: ReturnType<typeof createMarkdown>, env: RenderEnv): string {
  const subtitle = meta.subtitle ? `<p class="lectern-subtitle">${escapeHtml(meta.subtitle)}</p>` : '';
  const byline = [meta.author, meta.date].filter(Boolean).map((s) => escapeHtml(String(s)));
  const source = meta.source ? `<p class="lectern-source">${md.renderInline(`<${meta.source}>`, env)}</p>` : '';
  return `<h1>${escapeHtml(meta.title)}</h1>${subtitle}${byline.length ? `<p class="lectern-byline">${byline.join(' · ')}</p>` : ''}${source}`;
}

/** Validates the raw file before any parsing: empty files and binary files get one clear message. */
function checkRaw(file: string, text: string): Diagnostic | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what marks a binary file
  const junk = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (text.includes('\u0000') || junk > Math.max(3, text.length / 10))
    return {
      file,
      line: 1,
      severity: 'error',
      message: 'file is not text (binary or UTF-16)',
      hint: 'save it as UTF-8 text; images and other binary files belong in assets/',
    };
  if (!text.trim())
    return { file, line: 1, severity: 'error', message: 'file is empty', hint: 'write a title in front matter and at least one slide' };
  return undefined;
}

const lineAt = (text: string, index: number) => 1 + (text.slice(0, index).match(/\n/g)?.length ?? 0);

/** Problems in a text file that still renders: bytes that are not UTF-8, code fences never closed. */
function checkText(file: string, text: string, body: string, bodyLine: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    const count = text.match(/\ufffd/g)?.length ?? 0;
    out.push({
      file,
      line: lineAt(text, bad),
      severity: 'error',
      message: `${count} character${count === 1 ? ' is' : 's are'} not valid UTF-8 and show${count === 1 ? 's' : ''} as �`,
      hint: 'the file was saved in another encoding (Latin-1, GBK, …): save it as UTF-8',
    });
  }
  const lines = body.split('\n');
  for (const i of unclosedFences(lines))
    out.push({
      file,
      line: bodyLine + i,
      severity: 'error',
      message: `code block ${lines[i]?.trim()} is never closed`,
      hint: 'end it with a line of the same fence (```); until then the rest of its slide is shown as code',
    });
  return out;
}

function renderSlide(source: SlideSource, md: ReturnType<typeof createMarkdown>, env: RenderEnv, meta: DeckMeta): RenderedSlide {
  const noted = extractNotes(source, meta.notesSeparator);
  const slide = meta.dialect === 'quarto' ? quartoPauses(noted) : noted;
  // markdown-it-footnote keeps its list in env: one list per slide, ids unique in the deck.
  const bodyEnv = Object.assign(env, {
    line: slide.line,
    source: slide.body,
    hasMermaid: false,
    slideAttrs: {},
    backgrounds: [],
    footnotes: undefined,
    docId: `s${slide.h + 1}-${slide.v + 1}`,
  });
  const tokens = md.parse(slide.body, bodyEnv);
  const heading = tokens.findIndex((t) => t.type === 'heading_open');
  let title = heading >= 0 ? (tokens[heading + 1]?.content ?? '') : '';
  let html = md.renderer.render(tokens, md.options, bodyEnv);
  const hasMermaid = bodyEnv.hasMermaid;
  const attrs = { ...safeAttrs(slide.attrs, meta.html) };
  for (const [name, value] of Object.entries(safeAttrs(bodyEnv.slideAttrs, meta.html)))
    attrs[name] = name === 'class' && attrs.class ? `${attrs.class} ${value}` : value;
  if (meta.slideClass) attrs.class = `${attrs.class ?? ''} ${meta.slideClass}`.trim();
  html = marpBackgroundMarkup(bodyEnv.backgrounds, attrs) + html;
  if (meta.footer && !html.includes('lectern-footer')) html += `<div class="lectern-footer">${md.renderInline(meta.footer, bodyEnv)}</div>`;
  if (slide.kind === 'title') {
    html = titleSlideHeader(meta, md, bodyEnv) + html;
    title = meta.title;
  }
  const notesEnv = Object.assign(env, { line: slide.notesLine, source: slide.notes });
  const notesHtml = slide.notes ? md.render(slide.notes, notesEnv) : '';
  if (!slide.notes && meta.notesRequired)
    env.diagnostics.push({
      file: env.file,
      line: slide.line,
      severity: 'warning',
      message: 'slide has no speaker notes',
      hint: 'add a `Note:` line',
    });
  return {
    h: slide.h,
    v: slide.v,
    line: slide.line,
    title: title
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s*\{[^{}]*\}\s*$/, '')
      .replace(/[*_`]/g, '')
      .trim(),
    html,
    notesHtml,
    attrs,
    hasMermaid,
  };
}

/** Marp's `style:` and the `css:` files (beside the deck or under assets/), inlined: nothing loads from elsewhere. */
function deckCss(file: string, meta: DeckMeta, ctx: CompileContext, diagnostics: Diagnostic[]): string {
  const parts = meta.css ? [meta.css] : [];
  for (const name of meta.cssFiles) {
    const found = assetCandidates(file, name).find((p) => ctx.assetExists(p));
    const text = found ? ctx.readAsset(found) : undefined;
    if (text !== undefined) parts.push(text);
    else
      diagnostics.push({
        file,
        line: 2,
        severity: 'warning',
        code: 'css-missing',
        message: `stylesheet \`${name}\` not found: the deck is shown without it`,
        hint: 'put the file under assets/ (or beside the deck) and write `css: name.css`',
      });
  }
  // A stylesheet must not end the <style> element it is put in.
  return parts.join('\n').replace(/<\/style/gi, '<\\/style');
}

/**
 * source -> slide model -> HTML for one deck file. Never throws for anything an author wrote:
 * problems come back as `deck.diagnostics` and are shown in place on their slide.
 */
export async function compileDeck(file: string, text: string, ctx: CompileContext): Promise<Deck> {
  const slug = slugOf(file);
  const raw = checkRaw(file, text);
  const front = parseFrontMatter(file, raw ? '' : text, slug);
  const diagnostics = raw ? [raw] : [...front.diagnostics, ...checkText(file, text, front.body, front.bodyLine)];
  const md = createMarkdown(await highlighterFor(text));
  const env: RenderEnv = {
    file,
    slug,
    line: front.bodyLine,
    source: '',
    meta: front.meta,
    ctx,
    diagnostics,
    hasMermaid: false,
    hasMath: false,
    diagrams: [],
    ids: { next: 1 },
    slideAttrs: {},
    backgrounds: [],
    chunksWarned: false,
  };
  const split = splitSlides(front.body, front.bodyLine, front.meta);
  const sources = front.meta.dialect === 'marp' ? marpSlides(split, front.data, file, diagnostics) : split;
  const slides = sources.map((s) => renderSlide(s, md, env, front.meta));
  if (raw || sources.every((s) => !s.body.trim())) {
    const problem = raw ?? {
      file,
      line: front.bodyLine,
      severity: 'error' as const,
      message: 'deck has no slides',
      hint: 'write Markdown after the front matter',
    };
    if (!raw) diagnostics.push(problem);
    slides.splice(0, slides.length, {
      h: 0,
      v: 0,
      line: problem.line,
      title: front.meta.title,
      html: `<h1>${escapeHtml(front.meta.title)}</h1>${errorBoxHtml({ title: problem.message, ...(problem.hint ? { hint: problem.hint } : {}), at: { file, line: problem.line } })}`,
      notesHtml: '',
      attrs: {},
      hasMermaid: false,
    });
  }
  return {
    slug,
    file,
    meta: front.meta,
    slides,
    diagnostics,
    css: deckCss(file, front.meta, ctx, diagnostics),
    hasMermaid: slides.some((s) => s.hasMermaid),
    hasMath: env.hasMath,
    diagrams: env.diagrams,
  };
}
