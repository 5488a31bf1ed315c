import { isMap, LineCounter, parseDocument } from 'yaml';
import type { DeckMeta, Diagnostic } from '../model/types.js';
import { DIALECT_KEYS, detectDialect } from './dialects/detect.js';
import { applyDialect } from './dialects/options.js';
import { LOOK_NAMES, lookOf } from './dialects/themes.js';

export interface FrontMatterResult {
  meta: DeckMeta;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
  diagnostics: Diagnostic[];
  /** The front matter as written (empty when there is none or it is broken), for the dialect stages. */
  data: Record<string, unknown>;
}

const KNOWN_KEYS = new Set([
  'title',
  'subtitle',
  'author',
  'date',
  'lang',
  'tags',
  'duration',
  'source',
  'split',
  'incremental',
  'html',
  'notes',
  'theme',
  'description',
  'order',
  'handout-answers',
  // Hexo's keys, accepted so a blog post works as it is.
  'categories',
  'mathjax',
  'updated',
  'comments',
  'layout',
  'permalink',
  'excerpt',
  'toc',
  'dialect',
  'css',
  // Every code block numbered: Slidev's headmatter, Quarto's option.
  'lineNumbers',
  'code-line-numbers',
]);

export function defaultMeta(fallbackTitle: string): DeckMeta {
  return {
    title: fallbackTitle,
    lang: 'en',
    tags: [],
    splitLevels: { horizontal: 2, vertical: 3 },
    incremental: false,
    html: true,
    notesRequired: false,
    theme: 'lectern',
    look: 'light',
    cssFiles: [],
    dialect: 'lectern',
    slideRules: { kind: 'lectern' },
    titleFromFrontMatter: false,
    reveal: {},
  };
}

/** `45min`, `45`, `1h`, `1h30m`, `90 minutes` -> minutes; undefined when unreadable. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(?:(\d+(?:\.\d+)?)\s*h(?:ours?)?)?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)?)?\s*$/i.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return minutes > 0 ? minutes : undefined;
}

function asString(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  return undefined;
}

/** Index of the first line (from 1, before `to`) that is Markdown rather than YAML, or -1. */
function markdownStart(lines: string[], to: number): number {
  for (let i = 1; i < to; i++) {
    const line = lines[i] ?? '';
    if (/^#{1,6}\s+\S/.test(line) && !(lines[i - 1] ?? '').trim()) return i;
    if (line.trim() && !/^(\s|-\s|#|[^\s:]+\s*:(\s|$))/.test(line)) return i;
  }
  return -1;
}

/**
 * Splits YAML front matter off a deck file and reads it into DeckMeta.
 * Never throws: broken YAML becomes a diagnostic and defaults are used.
 */
export function parseFrontMatter(file: string, text: string, fallbackTitle: string): FrontMatterResult {
  const meta = defaultMeta(fallbackTitle);
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { meta, body: text, bodyLine: 1, diagnostics, data: {} };
  let end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  let bodyStart = end + 1;
  const yamlOf = (to: number) => {
    const counter = new LineCounter();
    const parsed = parseDocument(lines.slice(1, to).join('\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
    return { doc: parsed, counter };
  };
  let yaml = end < 0 ? undefined : yamlOf(end);
  // No closing line, or YAML that breaks where Markdown starts: the `---` found was the first slide
  // separator. Keep the YAML before the Markdown and every slide after it.
  if (!yaml || yaml.doc.errors.length > 0) {
    const guess = markdownStart(lines, end < 0 ? lines.length : end);
    const shorter = guess < 0 ? undefined : yamlOf(guess);
    if (!yaml || (shorter && shorter.doc.errors.length === 0)) {
      diagnostics.push({
        code: 'front-matter-unclosed',
        file,
        line: 1,
        severity: 'error',
        message: 'front matter is never closed',
        hint: guess > 0 ? `add a line \`---\` after line ${guess} to end the YAML block` : 'end the YAML block with a line `---`',
      });
      end = guess < 0 ? 1 : guess;
      bodyStart = end;
      yaml = shorter ?? yamlOf(end);
    }
  }
  const { doc, counter: lineCounter } = yaml;
  const at = (offset: number | undefined) => 1 + (offset === undefined ? 0 : lineCounter.linePos(offset).line);
  for (const err of [...doc.errors, ...doc.warnings]) {
    diagnostics.push({
      code: 'front-matter-syntax',
      file,
      line: at(err.pos[0]),
      severity: doc.errors.includes(err) ? 'error' : 'warning',
      message: `front matter: ${err.message.split('\n')[0]}`,
      hint: 'check the YAML syntax: `key: value`, one per line; quote values that contain `: `',
    });
  }
  const result: FrontMatterResult = { meta, body: lines.slice(bodyStart).join('\n'), bodyLine: bodyStart + 1, diagnostics, data: {} };
  if (doc.errors.length > 0) return result;
  if (!isMap(doc.contents)) {
    if (doc.contents !== null)
      diagnostics.push({
        code: 'front-matter-not-map',
        file,
        line: 2,
        severity: 'warning',
        message: 'front matter is not a list of `key: value` lines and is ignored',
        hint: 'write e.g. `title: My lecture` on its own line',
      });
    return result;
  }

  const data = doc.toJS() as Record<string, unknown>;
  result.data = data;
  const lineOf = (key: string) => {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => String((p.key as { value?: unknown })?.value) === key) : undefined;
    return at((pair?.key as { range?: [number] } | undefined)?.range?.[0]);
  };
  const warn = (key: string, message: string, hint: string, code: string) =>
    diagnostics.push({ code, file, line: lineOf(key), severity: 'warning', message, hint });

  const dialectKeys = new Set(DIALECT_KEYS[detectDialect(data)]);
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key) && !dialectKeys.has(key))
      warn(
        key,
        `unknown front matter key \`${key}\``,
        `known keys: ${[...KNOWN_KEYS].slice(0, 14).join(', ')}`,
        'front-matter-unknown-key',
      );
  }
  meta.title = asString(data.title) || fallbackTitle;
  meta.subtitle = asString(data.subtitle);
  meta.author = asString(data.author);
  meta.date = asString(data.date)?.slice(0, 10);
  meta.source = asString(data.source);
  meta.lang = asString(data.lang) ?? (/[\u4e00-\u9fff]/.test(text) ? 'zh-CN' : 'en');
  const tags = data.tags;
  meta.tags = Array.isArray(tags) ? tags.map(String) : typeof tags === 'string' ? [tags] : [];
  if (data.duration !== undefined) {
    meta.durationMinutes = parseDuration(data.duration);
    if (meta.durationMinutes === undefined)
      warn('duration', `cannot read duration \`${String(data.duration)}\``, 'write it like `45min`, `1h30m` or `90`', 'duration-invalid');
  }
  if (data.split !== undefined) {
    const split = asString(data.split);
    const m = split ? /^h?([1-6])(?:\s*[,/ ]\s*h?([1-6]))?$/.exec(split) : null;
    if (m) meta.splitLevels = { horizontal: Number(m[1]), vertical: Number(m[2] ?? Number(m[1]) + 1) };
    else
      warn(
        'split',
        `cannot read split \`${split}\``,
        'write `split: 2` (## starts a slide, ### a sub-slide) or `split: 1,2`',
        'split-invalid',
      );
  }
  if (typeof data.incremental === 'boolean') meta.incremental = data.incremental;
  for (const key of ['lineNumbers', 'code-line-numbers']) if (typeof data[key] === 'boolean') meta.lineNumbers = data[key];
  if (typeof data.html === 'boolean') meta.html = data.html;
  if (data.notes === 'required' || data.notes === true) meta.notesRequired = true;
  if (typeof data.theme === 'string') meta.theme = data.theme;
  if (
    data.dialect !== undefined &&
    !['lectern', 'reveal', 'reveal-md', 'revealjs', 'quarto', 'marp'].includes(String(data.dialect).toLowerCase())
  )
    warn(
      'dialect',
      `unknown dialect \`${String(data.dialect)}\`: read as Lectern's own Markdown`,
      'write `dialect: reveal`, `quarto`, `marp` or `lectern`',
      'dialect-unknown',
    );
  applyDialect(meta, data, warn);
  const css = data.css;
  meta.cssFiles = (Array.isArray(css) ? css : typeof css === 'string' ? [css] : []).map(String);
  // Quarto's theme sits in `format: revealjs: theme:` (read into meta.theme by applyDialect).
  const theme = data.theme ?? (meta.theme !== 'lectern' ? meta.theme : undefined);
  if (theme !== undefined) {
    const look = lookOf(theme);
    if (look) meta.look = look;
    else
      warn(
        data.theme !== undefined ? 'theme' : 'format',
        `theme \`${String(theme)}\` is not known here: Lectern's light theme is used`,
        `themes: ${LOOK_NAMES.slice(0, 20).join(', ')}, … (reveal.js, Marp and Quarto names map to Lectern's light or dark look)`,
        'theme-unknown',
      );
  }
  if (typeof data.description === 'string') meta.description = data.description;
  const answers = data['handout-answers'];
  if (answers === 'blank') meta.handoutAnswers = 'blank';
  else if (answers !== undefined && answers !== 'shown')
    warn(
      'handout-answers',
      `\`handout-answers: ${String(answers)}\` is not known: the handout shows the answers`,
      'write `handout-answers: blank` (ruled lines to fill in) or `shown` (the default)',
      'handout-answers-invalid',
    );
  if (data.order !== undefined) {
    const order = typeof data.order === 'number' ? data.order : Number(asString(data.order));
    if (Number.isFinite(order)) meta.order = order;
    else
      warn(
        'order',
        `cannot read order \`${String(data.order)}\``,
        'write a number, e.g. `order: 3` (lectures are listed by it on the course home)',
        'order-invalid',
      );
  }
  return result;
}
