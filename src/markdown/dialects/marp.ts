import type { Diagnostic, SlideSource } from '../../model/types.js';
import { fenceTracker } from '../fences.js';
import { CssSyntaxError, SCOPE_ATTR, STYLE_ELEMENT, scopeCss } from './marp-style.js';

/** Marp's local directives (carried to later slides; `_name` for one slide only). */
export const MARP_LOCAL_DIRECTIVES = [
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
] as const;
/** Global directives: read from front matter; in a comment they apply to the whole deck too. */
const GLOBAL = [
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'title',
  'author',
  'description',
  'image',
  'url',
  'lang',
  'marp',
  'transition',
] as const;
const KNOWN = new Set<string>([...MARP_LOCAL_DIRECTIVES, ...GLOBAL]);

type Directives = Partial<Record<(typeof MARP_LOCAL_DIRECTIVES)[number], string>>;

const COMMENT = /<!--([\s\S]*?)-->/g;

/** A comment's YAML when every key in it is a directive (`_class: lead`, `paginate: true`), else undefined. */
function directivesIn(text: string): Record<string, unknown> | undefined {
  const body = text.trim();
  if (!body || !/^_?[A-Za-z]+\s*:/.test(body)) return undefined;
  // Marpit reads directive values loosely: `#fff` is a colour, not a YAML comment.
  const data: Record<string, unknown> = {};
  for (const line of body.split('\n')) {
    const m = /^\s*(_?[A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) {
      if (line.trim()) return undefined;
      continue;
    }
    const raw = m[2] ?? '';
    data[m[1] ?? ''] = /^["'].*["']$/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return Object.keys(data).every((k) => KNOWN.has(k.replace(/^_/, ''))) ? data : undefined;
}

const cssUrl = (value: string) => /^url\(\s*['"]?(.*?)['"]?\s*\)$/.exec(value.trim())?.[1] ?? value.trim();

/** The `<section>` attributes and extra Markdown for one slide's directives. */
function applyDirectives(slide: SlideSource, d: Directives): string[] {
  const attrs = slide.attrs;
  if (d.class) attrs.class = `${attrs.class ?? ''} ${d.class}`.trim();
  if (d.backgroundColor) attrs['data-background-color'] = d.backgroundColor;
  if (d.backgroundImage) attrs['data-background-image'] = cssUrl(d.backgroundImage);
  if (d.backgroundSize) attrs['data-background-size'] = d.backgroundSize;
  if (d.backgroundPosition) attrs['data-background-position'] = d.backgroundPosition;
  if (d.backgroundRepeat) attrs['data-background-repeat'] = d.backgroundRepeat;
  if (d.color) attrs.style = `${attrs.style ? `${attrs.style}; ` : ''}color: ${d.color}`;
  if (d.paginate === 'false') attrs['data-lectern-nonumber'] = '';
  // Marp's themes invert a slide's colours with `class: invert`: Lectern's dark look on that slide.
  if (/(^|\s)invert(\s|$)/.test(attrs.class ?? '') && !d.backgroundColor) attrs['data-background-color'] = 'var(--lectern-dark-bg)';
  const extra: string[] = [];
  if (d.header) extra.push('', '::: {.lectern-header}', d.header, ':::');
  if (d.footer) extra.push('', '::: footer', d.footer, ':::');
  return extra;
}

/**
 * Marp's slide comments: directive comments (`<!-- _class: lead -->`, `<!-- paginate: true -->`) set
 * the slide's look, `<!-- fit -->` fits a heading's text to the slide's width, every other comment is a presenter note.
 * `global` holds the front matter's local directives (they apply from the first slide).
 */
export function marpSlides(
  slides: SlideSource[],
  global: Record<string, unknown>,
  file: string,
  diagnostics: Diagnostic[],
): { slides: SlideSource[]; css: string } {
  const carried: Directives = {};
  for (const key of MARP_LOCAL_DIRECTIVES) if (global[key] !== undefined && global[key] !== null) carried[key] = String(global[key]);
  const css: string[] = [];
  const out = slides.map((source) => {
    const slide = { ...source, attrs: { ...source.attrs } };
    const lines = slide.body.split('\n');
    const inFence = fenceTracker();
    const fenced = lines.map((l) => inFence(l));
    let text = lines.join('\n');
    // `<style>` applies to the whole deck, `<style scoped>` to this slide only.
    text = text.replace(STYLE_ELEMENT, (whole: string, scoped: string | undefined, rules: string, offset: number) => {
      const line = text.slice(0, offset).split('\n').length - 1;
      if (fenced[line]) return whole;
      const scope = `${slide.h}-${slide.v}`;
      try {
        css.push(scoped ? scopeCss(rules, scope) : rules);
        if (scoped) slide.attrs[SCOPE_ATTR] = scope;
      } catch (error) {
        if (!(error instanceof CssSyntaxError)) throw error;
        diagnostics.push({
          file,
          line: slide.line + line + (error.line ?? 1) - 1,
          severity: 'warning',
          code: 'marp-style-invalid',
          message: `this \`<style>\` is not valid CSS (${error.reason}): the slide is shown without it`,
          hint: 'close every `{` and end each declaration with `;`',
        });
      }
      return '\n'.repeat(whole.split('\n').length - 1);
    });
    const scoped: Directives = {};
    const notes: string[] = [];
    text = text.replace(COMMENT, (whole: string, inner: string, offset: number) => {
      const line = text.slice(0, offset).split('\n').length - 1;
      if (fenced[line]) return whole;
      const keep = '\n'.repeat(whole.split('\n').length - 1);
      if (/^\s*fit\s*$/i.test(inner)) return `${keep}\uE001`;
      if (/^\s*\.(element|slide)\b/.test(inner)) return whole;
      const data = directivesIn(inner);
      if (!data) {
        notes.push(inner.trim());
        return keep;
      }
      for (const [key, value] of Object.entries(data)) {
        const name = key.replace(/^_/, '') as keyof Directives;
        if (!(MARP_LOCAL_DIRECTIVES as readonly string[]).includes(name)) {
          if (key !== 'marp')
            diagnostics.push({
              file,
              line: slide.line + line,
              severity: 'warning',
              code: 'marp-directive-global',
              message: `Marp directive \`${key}\` in a comment is read only from front matter here`,
              hint: 'move it to the front matter',
            });
          continue;
        }
        const target = key.startsWith('_') ? scoped : carried;
        target[name] = value === null || value === undefined ? '' : String(value);
      }
      return keep;
    });
    // `<!-- fit -->` inside a heading: the heading gets reveal's fit-text class.
    // (a span inside the heading: reveal fits to the parent's width, and the slide's padding is not room)
    const out = text.split('\n').map((l) => {
      if (!l.includes('\uE001')) return l;
      const plain = l.replace(/\uE001/g, '');
      const m = /^(#{1,6})\s+(.*?)\s*$/.exec(plain);
      return m ? `${m[1]} [${m[2]}]{.r-fit-text}` : plain;
    });
    const extra = applyDirectives(slide, { ...carried, ...scoped });
    slide.body = [...out, ...extra].join('\n');
    if (notes.length) {
      slide.notes = [slide.notes, ...notes].filter(Boolean).join('\n\n');
      slide.notesLine ||= slide.line;
    }
    return slide;
  });
  return { slides: out, css: css.join('\n') };
}
