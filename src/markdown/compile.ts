import { slugOf } from '../model/deck-path.js';
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
import { FILE_ATTRS, pageFileUrl } from './plugins/local-files.js';
import { marpBackgroundMarkup } from './plugins/marp-images.js';
import { splitSlides } from './split.js';

export { slugOf };

/** Text compared loosely: case, spaces, punctuation and quotes ignored (「」, “”, ", … all alike). */
const loose = (text: string) => text.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');

/** What a title slide already shows, to add from front matter only what is missing. */
interface Shown {
  h1: boolean;
  text: string;
  hrefs: Set<string>;
}

function shownOn(tokens: ReturnType<ReturnType<typeof createMarkdown>['parse']>): Shown {
  const shown: Shown = { h1: false, text: '', hrefs: new Set() };
  let inHeading = false;
  for (const t of tokens) {
    if (t.type === 'heading_open' && t.tag === 'h1') shown.h1 = true;
    if (t.type === 'heading_open' || t.type === 'heading_close') inHeading = t.type === 'heading_open';
    // The heading is the title: an author named in it ("Lectern" in "Lectern demo") is not a byline.
    if (inHeading) continue;
    for (const c of t.children ?? []) {
      if (c.type === 'text' || c.type === 'code_inline') shown.text += c.content;
      if (c.type === 'link_open') shown.hrefs.add(c.attrGet('href') ?? '');
    }
  }
  shown.text = loose(shown.text);
  return shown;
}

/**
 * The title slide's parts from front matter: title, subtitle, author · date, source. `shown` leaves out
 * what the slide already says in its own words (a sample lecture writes its author line by hand).
 */
function titleParts(meta: DeckMeta, md: ReturnType<typeof createMarkdown>, env: RenderEnv, shown: Shown): { h1: string; rest: string } {
  const missing = (value: string | undefined): value is string => !!value && !shown.text.includes(loose(value));
  const byline = [meta.author, meta.date].filter(missing).map((s) => escapeHtml(String(s)));
  const subtitle = missing(meta.subtitle) ? `<p class="lectern-subtitle">${escapeHtml(meta.subtitle)}</p>` : '';
  const source =
    meta.source && !shown.hrefs.has(meta.source) && missing(meta.source)
      ? `<p class="lectern-source">${md.renderInline(`<${meta.source}>`, env)}</p>`
      : '';
  return {
    h1: shown.h1 ? '' : `<h1>${escapeHtml(meta.title)}</h1>`,
    rest: `${subtitle}${byline.length ? `<p class="lectern-byline">${byline.join(' · ')}</p>` : ''}${source}`,
  };
}

/** The first slide is the title slide when marked `class="title"` or when its `# heading` is the deck's title. */
function isTitleSlide(
  source: SlideSource,
  attrs: Record<string, string>,
  tokens: ReturnType<ReturnType<typeof createMarkdown>['parse']>,
  meta: DeckMeta,
): boolean {
  if (source.h !== 0 || source.v !== 0) return false;
  if ((attrs.class ?? '').split(/\s+/).includes('title')) return true;
  const first = tokens.findIndex((t) => t.type === 'heading_open');
  return tokens[first]?.tag === 'h1' && loose(tokens[first + 1]?.content ?? '') === loose(meta.title);
}

/** Validates the raw file before any parsing: empty files and binary files get one clear message. */
function checkRaw(file: string, text: string): Diagnostic | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what marks a binary file
  const junk = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (text.includes('\u0000') || junk > Math.max(3, text.length / 10))
    return {
      code: 'file-not-text',
      file,
      line: 1,
      severity: 'error',
      message: 'file is not text (binary or UTF-16)',
      hint: 'save it as UTF-8 text; images and other binary files belong in assets/',
    };
  if (!text.trim())
    return {
      code: 'file-empty',
      file,
      line: 1,
      severity: 'error',
      message: 'file is empty',
      hint: 'write a title in front matter and at least one slide',
    };
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
      code: 'encoding-invalid',
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
      code: 'code-fence-unclosed',
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
  for (const name of Object.keys(attrs)) if (FILE_ATTRS.has(name)) attrs[name] = pageFileUrl(env, name, attrs[name] ?? '', slide.line);
  if (meta.slideClass) attrs.class = `${attrs.class ?? ''} ${meta.slideClass}`.trim();
  html = marpBackgroundMarkup(bodyEnv.backgrounds, attrs) + html;
  if (meta.footer && !html.includes('lectern-footer')) html += `<div class="lectern-footer">${md.renderInline(meta.footer, bodyEnv)}</div>`;
  const auto = slide.kind === 'title';
  if (auto || isTitleSlide(slide, attrs, tokens, meta)) {
    const parts = titleParts(meta, md, bodyEnv, auto ? { h1: false, text: '', hrefs: new Set() } : shownOn(tokens));
    const h1End = html.indexOf('</h1>');
    html = parts.h1 || h1End < 0 ? parts.h1 + parts.rest + html : `${html.slice(0, h1End + 5)}${parts.rest}${html.slice(h1End + 5)}`;
    if (!title) title = meta.title;
    if (!(attrs.class ?? '').split(/\s+/).includes('title')) attrs.class = `${attrs.class ?? ''} title`.trim();
  }
  const notesEnv = Object.assign(env, { line: slide.notesLine, source: slide.notes });
  const notesHtml = slide.notes ? md.render(slide.notes, notesEnv) : '';
  if (!slide.notes && meta.notesRequired)
    env.diagnostics.push({
      code: 'notes-missing',
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

/** Marp's `style:` and its slides' `<style>` elements, and the `css:` files (beside the deck or under assets/), inlined: nothing loads from elsewhere. */
function deckCss(file: string, meta: DeckMeta, ctx: CompileContext, diagnostics: Diagnostic[], slideCss?: string): string {
  const parts = meta.css ? [meta.css] : [];
  if (slideCss) parts.push(slideCss);
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
    files: new Set(),
    ids: { next: 1 },
    slideAttrs: {},
    backgrounds: [],
    chunksWarned: false,
  };
  const split = splitSlides(front.body, front.bodyLine, front.meta);
  const marp = front.meta.dialect === 'marp' ? marpSlides(split, front.data, file, diagnostics) : undefined;
  const sources = marp?.slides ?? split;
  const slides = sources.map((s) => renderSlide(s, md, env, front.meta));
  if (raw || sources.every((s) => !s.body.trim())) {
    const problem = raw ?? {
      code: 'deck-empty',
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
    css: deckCss(file, front.meta, ctx, diagnostics, marp?.css),
    hasMermaid: slides.some((s) => s.hasMermaid),
    hasMath: env.hasMath,
    files: [...env.files].sort(),
    diagrams: env.diagrams,
    ...(env.walkGroups ? { walkGroups: env.walkGroups } : {}),
  };
}
