import type { DeckMeta, SlideSource } from '../model/types.js';
import { fenceTracker, parseAttrList, unclosedFences } from './fences.js';

interface Chunk {
  startLine: number;
  lines: string[];
  vertical: boolean;
  /** Opens with a heading above the slide level (Quarto's `#` section slides). */
  section?: boolean;
}

const HEXO_MORE = /^\s*<!--\s*more\s*-->\s*$/i;
const SLIDE_COMMENT = /<!--\s*\.slide:\s*(.*?)\s*-->/g;
const HR = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
/** Pandoc's fenced div lines: `::: name` / `:::: {.columns}` open, a line of colons alone closes. */
const DIV_FENCE = /^\s{0,3}:{3,}/;
const DIV_CLOSE = /^\s{0,3}:{3,}\s*$/;

/** True when the author marked slides with `---` / `--` lines (reveal.js conventions). */
export function hasSeparators(lines: string[]): boolean {
  const inFence = fenceTracker(unclosedFences(lines));
  return lines.some((l) => !inFence(l) && (l.trim() === '---' || l.trim() === '--'));
}

/** Cuts where `cut` says, skipping code: a cut line starts the next chunk and is left out of it. */
function cutLines(lines: string[], firstLine: number, cut: (line: string, i: number) => 'h' | 'v' | undefined): Chunk[] {
  const inFence = fenceTracker(unclosedFences(lines));
  const chunks: Chunk[] = [{ startLine: firstLine, lines: [], vertical: false }];
  lines.forEach((line, i) => {
    const kind = inFence(line) ? undefined : cut(line, i);
    if (kind) chunks.push({ startLine: firstLine + i + 1, lines: [], vertical: kind === 'v' });
    else chunks.at(-1)?.lines.push(line);
  });
  return chunks;
}

/**
 * reveal.js's slidify: the separators are regular expressions matched against the whole text
 * (flags `mg`); a match is vertical unless the horizontal expression matches it. Matches inside
 * code fences do not cut. Each chunk starts at the line where its text starts.
 */
function splitByRegex(lines: string[], firstLine: number, horizontal: string, vertical?: string): Chunk[] {
  const text = lines.join('\n');
  const inFence = fenceTracker(unclosedFences(lines));
  const fenced = lines.map((l) => inFence(l));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const all = new RegExp(`${horizontal}${vertical ? `|${vertical}` : ''}`, 'gm');
  const isHorizontal = new RegExp(horizontal, 'm');
  const chunks: Chunk[] = [];
  let last = 0;
  let lastVertical = false;
  for (let m = all.exec(text); m; m = all.exec(text)) {
    if (m[0] === '') {
      all.lastIndex += 1;
      continue;
    }
    const firstVisible = m.index + (m[0].length - m[0].replace(/^[\r\n]+/, '').length);
    if (fenced[lineOf(firstVisible)]) continue;
    chunks.push({ startLine: firstLine + lineOf(last), lines: text.slice(last, m.index).split('\n'), vertical: lastVertical });
    lastVertical = !isHorizontal.test(m[0]);
    last = m.index + m[0].length;
  }
  chunks.push({ startLine: firstLine + lineOf(last), lines: text.slice(last).split('\n'), vertical: lastVertical });
  return chunks;
}

function splitByHeadings(lines: string[], firstLine: number, meta: DeckMeta): Chunk[] {
  const inFence = fenceTracker(unclosedFences(lines));
  const rules = meta.slideRules;
  const quarto = rules.kind === 'quarto';
  const { horizontal, vertical } = quarto ? { horizontal: rules.slideLevel, vertical: 0 } : meta.splitLevels;
  const chunks: Chunk[] = [{ startLine: firstLine, lines: [], vertical: false }];
  // Quarto's `navigation-mode: vertical`: once a section has begun, its slides stack below it.
  let inSection = false;
  const stacked = () => quarto && rules.verticalSections === true && inSection;
  // A heading inside a fenced div (`::: {.callout-tip}` / `## Try it`) belongs to the div, as pandoc reads it.
  let divDepth = 0;
  lines.forEach((line, i) => {
    const fenced = inFence(line);
    if (!fenced && DIV_FENCE.test(line)) divDepth = DIV_CLOSE.test(line) ? Math.max(0, divDepth - 1) : divDepth + 1;
    if (divDepth > 0) {
      chunks.at(-1)?.lines.push(line);
      return;
    }
    // Quarto: a horizontal rule (after a blank line, so not a setext underline) starts a slide with no title.
    if (quarto && !fenced && HR.test(line) && !(lines[i - 1] ?? '').trim()) {
      chunks.push({ startLine: firstLine + i + 1, lines: [], vertical: stacked() });
      return;
    }
    const m = fenced ? null : /^(#{1,6})\s/.exec(line);
    const level = m?.[1]?.length ?? 0;
    if (level > 0 && (level <= horizontal || level === vertical)) {
      const section = quarto && level < horizontal;
      if (section) inSection = true;
      chunks.push({ startLine: firstLine + i, lines: [line], vertical: level > horizontal || (!section && stacked()), section });
    } else {
      chunks.at(-1)?.lines.push(line);
    }
  });
  return chunks;
}

const SECTION_OPEN = /^\s*<section(\s[^>]*)?>\s*$/i;
const SECTION_CLOSE = /^\s*<\/section>\s*$/i;

interface Piece {
  chunk: Chunk;
  attrs: Record<string, string>;
}

/** Removes the indentation every non-blank line shares (HTML authors indent what a `<section>` holds). */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return cut ? lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)?.[0].length ?? 0))) : lines;
}

/**
 * reveal.js: `<section>` elements written into a slide's Markdown (each tag on a line of its own) are
 * slides of their own, below the slide they stand in — how reveal-md decks build auto-animate stacks.
 * Each becomes a vertical slide with the tag's attributes; text around them stays a slide. A `<section>`
 * that is never closed is left as it is (the attributes stage warns about it).
 */
function rawSections(chunk: Chunk): Piece[] {
  const inFence = fenceTracker(unclosedFences(chunk.lines));
  const pieces: Piece[] = [{ chunk: { ...chunk, lines: [] }, attrs: {} }];
  let depth = 0;
  chunk.lines.forEach((line, i) => {
    const fenced = inFence(line);
    const open = fenced ? null : SECTION_OPEN.exec(line);
    const current = pieces.at(-1) as Piece;
    if (open && depth++ === 0) {
      pieces.push({ chunk: { startLine: chunk.startLine + i + 1, lines: [], vertical: true }, attrs: parseAttrList(open[1] ?? '') });
      return;
    }
    if (!open && !fenced && depth > 0 && SECTION_CLOSE.test(line) && --depth === 0) {
      current.chunk.lines = dedent(current.chunk.lines);
      pieces.push({ chunk: { startLine: chunk.startLine + i + 1, lines: [], vertical: true }, attrs: {} });
      return;
    }
    current.chunk.lines.push(line);
  });
  if (depth > 0 || pieces.length === 1) return [{ chunk, attrs: {} }];
  const kept = pieces.filter((p, i) => i % 2 === 1 || !isBlank(p.chunk.lines));
  const first = kept[0];
  if (first) first.chunk.vertical = chunk.vertical;
  return kept;
}

/** Takes `<!-- .slide: … -->` comments (also `<!--.slide:`) out of a slide and returns their attributes. */
function takeSlideAttrs(lines: string[]): Record<string, string> {
  const attrs: Record<string, string> = {};
  const inFence = fenceTracker();
  lines.forEach((line, i) => {
    if (inFence(line) || !line.includes('.slide:')) return;
    lines[i] = line.replace(SLIDE_COMMENT, (_, list: string) => {
      for (const [k, v] of Object.entries(parseAttrList(list))) {
        attrs[k] = k === 'class' && attrs.class ? `${attrs.class} ${v}` : v;
      }
      return '';
    });
  });
  return attrs;
}

const isBlank = (lines: string[]) => lines.every((l) => l.trim() === '');

function chunksOf(lines: string[], bodyLine: number, meta: DeckMeta): { chunks: Chunk[]; explicit: boolean } {
  const rules = meta.slideRules;
  if (rules.kind === 'regex') return { chunks: splitByRegex(lines, bodyLine, rules.horizontal, rules.vertical), explicit: true };
  if (rules.kind === 'marp') {
    const divider = rules.headingDivider;
    const chunks = cutLines(lines, bodyLine, (line) => (HR.test(line) ? 'h' : undefined));
    if (!divider) return { chunks, explicit: true };
    // headingDivider: a heading of that level or above starts a slide, unless it already opens one.
    const out: Chunk[] = [];
    for (const chunk of chunks) {
      let current: Chunk = { ...chunk, lines: [] };
      out.push(current);
      chunk.lines.forEach((line, i) => {
        const level = /^(#{1,6})\s/.exec(line)?.[1]?.length ?? 0;
        if (level > 0 && level <= divider && !isBlank(current.lines)) {
          current = { startLine: chunk.startLine + i, lines: [], vertical: false };
          out.push(current);
        }
        current.lines.push(line);
      });
    }
    return { chunks: out, explicit: true };
  }
  if (rules.kind === 'quarto') return { chunks: splitByHeadings(lines, bodyLine, meta), explicit: false };
  const explicit = hasSeparators(lines);
  return {
    chunks: explicit
      ? cutLines(lines, bodyLine, (line) => (line.trim() === '---' ? 'h' : line.trim() === '--' ? 'v' : undefined))
      : splitByHeadings(lines, bodyLine, meta),
    explicit,
  };
}

/**
 * Cuts a deck body into slides by its dialect's rules (`meta.slideRules`). Lectern's own: explicit
 * `---` / `--` lines win; a file without them (a blog post as it is) is cut at headings. Line numbers
 * stay exact: body line i of a slide is file line `slide.line + i`.
 */
export function splitSlides(body: string, bodyLine: number, meta: DeckMeta): SlideSource[] {
  const lines = body.split('\n').map((l) => (HEXO_MORE.test(l) ? '' : l.replace(/\r$/, '')));
  const { chunks, explicit } = chunksOf(lines, bodyLine, meta);
  const quarto = meta.slideRules.kind === 'quarto';
  const slides: SlideSource[] = [];
  let h = -1;
  let v = 0;
  chunks.forEach((chunk, index) => {
    // Heading mode: text before the first heading joins a title slide made from the front matter,
    // unless the file opens with its own `# Title` (Quarto always makes one when there is a title).
    if (!explicit && index === 0) {
      const next = chunks[1];
      const opensWithH1 = !quarto && isBlank(chunk.lines.map((l) => l.replace(SLIDE_COMMENT, ''))) && /^#\s/.test(next?.lines[0] ?? '');
      if (opensWithH1) {
        // `<!-- .slide: class="title" -->` above the `# Title` belongs to that slide.
        if (next && !isBlank(chunk.lines)) {
          next.lines.unshift(...chunk.lines);
          next.startLine = chunk.startLine;
        }
        return;
      }
      if (quarto && !meta.titleFromFrontMatter && isBlank(chunk.lines)) return;
      const attrs = takeSlideAttrs(chunk.lines);
      const className = `title ${attrs.class ?? ''}`.trim();
      slides.push({
        h: 0,
        v: 0,
        line: chunk.startLine,
        body: chunk.lines.join('\n'),
        notes: '',
        notesLine: 0,
        attrs: { ...meta.titleSlideAttrs, ...attrs, class: className },
        kind: 'title',
      });
      h = 0;
      return;
    }
    if (isBlank(chunk.lines) && (!explicit || (index === 0 && chunks.length > 1) || quarto)) return;
    const pieces = meta.html === false ? [{ chunk, attrs: {} }] : rawSections(chunk);
    for (const { chunk: piece, attrs: sectionAttrs } of pieces) {
      if (piece.vertical && h >= 0) v += 1;
      else {
        h += 1;
        v = 0;
      }
      const own = takeSlideAttrs(piece.lines);
      const attrs = { ...sectionAttrs, ...own };
      if (sectionAttrs.class && own.class) attrs.class = `${sectionAttrs.class} ${own.class}`;
      if (chunk.section && piece === pieces[0]?.chunk) attrs.class = `divider ${attrs.class ?? ''}`.trim();
      slides.push({ h, v, line: piece.startLine, body: piece.lines.join('\n'), notes: '', notesLine: 0, attrs, kind: 'content' });
    }
  });
  return slides;
}
