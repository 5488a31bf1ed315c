import type { DeckMeta, SlideSource } from '../model/types.js';
import { fenceTracker, parseAttrList, unclosedFences } from './fences.js';

interface Chunk {
  startLine: number;
  lines: string[];
  vertical: boolean;
}

const HEXO_MORE = /^\s*<!--\s*more\s*-->\s*$/i;
const SLIDE_COMMENT = /<!--\s*\.slide:\s*(.*?)\s*-->/g;

/** True when the author marked slides with `---` / `--` lines (reveal.js conventions). */
export function hasSeparators(lines: string[]): boolean {
  const inFence = fenceTracker(unclosedFences(lines));
  return lines.some((l) => !inFence(l) && (l.trim() === '---' || l.trim() === '--'));
}

function splitBySeparators(lines: string[], firstLine: number): Chunk[] {
  const inFence = fenceTracker(unclosedFences(lines));
  const chunks: Chunk[] = [{ startLine: firstLine, lines: [], vertical: false }];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!inFence(line) && (t === '---' || t === '--')) {
      chunks.push({ startLine: firstLine + i + 1, lines: [], vertical: t === '--' });
    } else {
      chunks.at(-1)?.lines.push(line);
    }
  });
  return chunks;
}

function splitByHeadings(lines: string[], firstLine: number, meta: DeckMeta): Chunk[] {
  const inFence = fenceTracker(unclosedFences(lines));
  const { horizontal, vertical } = meta.splitLevels;
  const chunks: Chunk[] = [{ startLine: firstLine, lines: [], vertical: false }];
  lines.forEach((line, i) => {
    const m = inFence(line) ? null : /^(#{1,6})\s/.exec(line);
    const level = m?.[1]?.length ?? 0;
    if (level > 0 && (level <= horizontal || level === vertical)) {
      chunks.push({ startLine: firstLine + i, lines: [line], vertical: level > horizontal });
    } else {
      chunks.at(-1)?.lines.push(line);
    }
  });
  return chunks;
}

/** Takes `<!-- .slide: … -->` comments out of a slide (blanking nothing else) and returns their attributes. */
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

/**
 * Cuts a deck body into slides. Explicit `---` / `--` lines win; a file without them
 * (a blog post as it is) is cut at headings. Line numbers stay exact: body line i of a slide
 * is file line `slide.line + i`.
 */
export function splitSlides(body: string, bodyLine: number, meta: DeckMeta): SlideSource[] {
  const lines = body.split('\n').map((l) => (HEXO_MORE.test(l) ? '' : l.replace(/\r$/, '')));
  const explicit = hasSeparators(lines);
  const chunks = explicit ? splitBySeparators(lines, bodyLine) : splitByHeadings(lines, bodyLine, meta);
  const slides: SlideSource[] = [];
  let h = -1;
  let v = 0;
  chunks.forEach((chunk, index) => {
    // Heading mode: text before the first heading joins a title slide made from the front matter,
    // unless the file opens with its own `# Title`.
    if (!explicit && index === 0) {
      const opensWithH1 = isBlank(chunk.lines) && /^#\s/.test(chunks[1]?.lines[0] ?? '');
      if (opensWithH1) return;
      const attrs = takeSlideAttrs(chunk.lines);
      const body = chunk.lines.join('\n');
      const className = `title ${attrs.class ?? ''}`.trim();
      slides.push({
        h: 0,
        v: 0,
        line: chunk.startLine,
        body,
        notes: '',
        notesLine: 0,
        attrs: { ...attrs, class: className },
        kind: 'title',
      });
      h = 0;
      return;
    }
    if (!explicit && isBlank(chunk.lines)) return;
    if (explicit && index === 0 && isBlank(chunk.lines) && chunks.length > 1) return;
    if (chunk.vertical && h >= 0) v += 1;
    else {
      h += 1;
      v = 0;
    }
    const attrs = takeSlideAttrs(chunk.lines);
    slides.push({ h, v, line: chunk.startLine, body: chunk.lines.join('\n'), notes: '', notesLine: 0, attrs, kind: 'content' });
  });
  return slides;
}
