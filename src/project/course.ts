/**
 * The course: its settings (`lectern.yml` at the project root, like Quarto's `_quarto.yml` or MkDocs'
 * `mkdocs.yml`) and its lectures in a deliberate order, grouped by folder. Pure apart from reading the
 * settings file; the home page, the font plan and previous/next links all take their order from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { parseDuration } from '../markdown/frontmatter.js';
import type { Course, HomeLecture, HomeSection } from '../markdown/home.js';
import { baseName, deckHref, folderTitle, hrefBetween, rootFrom, sectionOf, slugOf } from '../model/deck-path.js';
import type { DeckConfig } from '../model/page.js';
import type { Deck, Diagnostic } from '../model/types.js';
import { uiStrings } from '../model/ui-strings.js';

export const COURSE_FILE = 'lectern.yml';

export interface CourseSettings {
  title?: string;
  description?: string;
  author?: string;
  /** UI language of the home page (`zh-CN`, `en`, …); default: the lectures' most common language. */
  lang?: string;
  /** Default lecture length in minutes, for lectures without their own `duration`. */
  durationMinutes?: number;
  theme?: string;
  /**
   * Section titles by folder under slides/ (`part-1: 第一部分`), listed in the order the home shows them;
   * default: the folder's name made readable (`02-part_two` -> `Part two`), folders by name.
   */
  sections: Record<string, string>;
  /** Where the site is published (`https://me.github.io/course/`): link previews need absolute image URLs. */
  url?: string;
}

const KEYS = ['title', 'description', 'author', 'lang', 'duration', 'theme', 'sections', 'url'];

/** Reads `lectern.yml`; every problem is a diagnostic and the rest of the settings still apply. */
export function readCourseSettings(root: string): { settings: CourseSettings; diagnostics: Diagnostic[] } {
  const settings: CourseSettings = { sections: {} };
  const diagnostics: Diagnostic[] = [];
  const path = join(root, COURSE_FILE);
  if (!existsSync(path)) return { settings, diagnostics };
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line);
  for (const err of doc.errors)
    diagnostics.push({
      code: 'course-settings-syntax',
      file: COURSE_FILE,
      line: lineAt(err.pos[0]),
      severity: 'error',
      message: `course settings: ${err.message.split('\n')[0]}`,
      hint: 'check the YAML syntax: `key: value`, one per line; quote values that contain `: `',
    });
  if (doc.errors.length || !isMap(doc.contents)) return { settings, diagnostics };
  const data = doc.toJS() as Record<string, unknown>;
  const warn = (key: string, message: string, hint: string, code: string) => {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => String((p.key as { value?: unknown })?.value) === key) : undefined;
    diagnostics.push({
      code,
      file: COURSE_FILE,
      line: lineAt((pair?.key as { range?: [number] } | undefined)?.range?.[0]),
      severity: 'warning',
      message,
      hint,
    });
  };
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  for (const key of Object.keys(data))
    if (!KEYS.includes(key)) warn(key, `unknown course setting \`${key}\``, `known settings: ${KEYS.join(', ')}`, 'course-setting-unknown');
  const title = str(data.title);
  if (title) settings.title = title;
  const description = str(data.description);
  if (description) settings.description = description;
  const author = str(data.author);
  if (author) settings.author = author;
  const lang = str(data.lang);
  if (lang) settings.lang = lang;
  const theme = str(data.theme);
  if (theme) settings.theme = theme;
  const url = str(data.url);
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {}
    if (parsed && /^https?:$/.test(parsed.protocol)) settings.url = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
    else
      warn(
        'url',
        `\`url\` is not an http(s) address: \`${url}\``,
        'write the address the site is published at, e.g. `url: https://me.github.io/course/`',
        'url-invalid',
      );
  }
  if (data.duration !== undefined) {
    const minutes = parseDuration(data.duration);
    if (minutes) settings.durationMinutes = minutes;
    else
      warn('duration', `cannot read duration \`${String(data.duration)}\``, 'write it like `45min`, `1h30m` or `90`', 'duration-invalid');
  }
  if (data.sections !== undefined) {
    if (data.sections && typeof data.sections === 'object' && !Array.isArray(data.sections))
      for (const [folder, name] of Object.entries(data.sections))
        if (str(name)) settings.sections[folder] = String(name);
        else
          warn(
            'sections',
            '`sections` is not a list of `folder: title` lines',
            'write e.g.\nsections:\n  part-1: Part one',
            'sections-invalid',
          );
  }
  return { settings, diagnostics };
}

/** `slides/part-1/03-intro.md` -> 3: a numeric prefix of the deck's name (`03-`, `3_`, `03.`; a deck folder's name), or undefined. */
export function numericPrefix(file: string): number | undefined {
  const m = /^(\d+)(?:[-_. ]|$)/.exec(baseName(slugOf(file)));
  return m ? Number(m[1]) : undefined;
}

/**
 * Lectures in course order: grouped by folder (the top level first, then the folders in the order the
 * settings' `sections:` lists them, then the rest by name, numbers read as numbers), and within a folder by
 * front matter `order:`, then a numeric file-name prefix, then date, then file name. A lecture with an
 * `order:` comes before one without.
 */
export function courseOrder<T extends Pick<Deck, 'file' | 'meta'>>(decks: T[], sectionOrder: readonly string[] = []): T[] {
  const key = (d: T): [number, number, string, string] => [
    d.meta.order ?? Number.POSITIVE_INFINITY,
    numericPrefix(d.file) ?? Number.POSITIVE_INFINITY,
    d.meta.date ?? '\uffff',
    d.file,
  ];
  const listed = (s: string) => {
    const i = sectionOrder.indexOf(s);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const cmp = (a: T, b: T) => {
    const [sa, sb] = [sectionOf(slugOf(a.file)), sectionOf(slugOf(b.file))];
    if (sa !== sb) {
      if (sa === '' || sb === '') return sa === '' ? -1 : 1;
      const [la, lb] = [listed(sa), listed(sb)];
      if (la !== lb) return la < lb ? -1 : 1;
      return sa.localeCompare(sb, 'en', { numeric: true });
    }
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) {
      const [x, y] = [ka[i] as number | string, kb[i] as number | string];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return [...decks].sort(cmp);
}

/**
 * The course's decks in course order (settings' `sections:` order included): the one deck list the site is
 * made from — pages, home, previous/next, search index, font plan, and what the service worker precaches.
 */
export async function courseDecks(root: string, decks: Promise<Deck[]>): Promise<Deck[]> {
  return courseOrder(await decks, Object.keys(readCourseSettings(root).settings.sections));
}

/** The home page's language: the settings' `lang`, else the language most lectures are in. */
export function courseLang(settings: CourseSettings, decks: Pick<Deck, 'meta'>[]): string {
  if (settings.lang) return settings.lang;
  const counts = new Map<string, number>();
  for (const d of decks) counts.set(d.meta.lang, (counts.get(d.meta.lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
}

/**
 * The home page's model: lectures in course order grouped by folder, each with what the home shows.
 * `pdfs` says which PDFs of a deck are in the site (links relative to the home page).
 */
export function courseHome(decks: Deck[], settings: CourseSettings, pdfs: (deck: Deck) => Pick<HomeLecture, 'pdf' | 'handout'>): Course {
  const lang = courseLang(settings, decks);
  const sections: HomeSection[] = [];
  for (const d of courseOrder(decks, Object.keys(settings.sections))) {
    const folder = sectionOf(d.slug);
    let section = sections[sections.length - 1];
    if (!section || section.folder !== folder) {
      section = { folder, title: settings.sections[folder] ?? folderTitle(folder), lectures: [] };
      sections.push(section);
    }
    const duration = d.meta.durationMinutes ?? settings.durationMinutes;
    section.lectures.push({
      slug: d.slug,
      href: deckHref(d.slug),
      title: d.meta.title,
      lang: d.meta.lang,
      ...(d.meta.date ? { date: d.meta.date } : {}),
      ...(duration ? { durationMinutes: duration } : {}),
      ...(d.meta.description ? { description: d.meta.description } : {}),
      slides: d.slides.length,
      errors: d.diagnostics.filter((x) => x.severity === 'error').length,
      ...pdfs(d),
    });
  }
  const title = settings.title ?? uiStrings(lang).home.lectures;
  return {
    title,
    lang,
    sections,
    ...(settings.description ? { description: settings.description } : {}),
    ...(settings.author ? { author: settings.author } : {}),
  };
}

/**
 * The lecture slot a deck fills: editions of one lecture (a Chinese deck and its English edition) share a
 * folder and an `order:` (or numeric file-name prefix) and differ in language. Undefined: a slot of its own.
 */
function slotKey(d: Pick<Deck, 'slug' | 'file' | 'meta'>): string | undefined {
  const n = d.meta.order ?? numericPrefix(d.file);
  return n === undefined ? undefined : `${sectionOf(d.slug)}\u0000${n}`;
}

/**
 * A deck's neighbours in course order and the way home, as links relative to the deck's page. Previous and
 * next step from lecture to lecture: editions of the deck's own lecture are skipped, and of the neighbouring
 * lecture the edition in the deck's language is linked (else its first edition), so the English edition's
 * "next" is the next lecture in English, never the Chinese edition of the same lecture.
 */
export function courseLinks(slug: string, ordered: Pick<Deck, 'slug' | 'file' | 'meta'>[]): NonNullable<DeckConfig['course']> {
  type D = (typeof ordered)[number];
  const slots: D[][] = [];
  for (const d of ordered) {
    const last = slots[slots.length - 1];
    const key = slotKey(d);
    if (last && key !== undefined && slotKey(last[0] as D) === key && !last.some((e) => e.meta.lang === d.meta.lang)) last.push(d);
    else slots.push([d]);
  }
  const i = slots.findIndex((s) => s.some((d) => d.slug === slug));
  const self = slots[i]?.find((d) => d.slug === slug);
  const pick = (slot: D[] | undefined) => slot?.find((d) => d.meta.lang === self?.meta.lang) ?? slot?.[0];
  const link = (d: D | undefined) => (d ? { href: hrefBetween(slug, d.slug), title: d.meta.title, lang: d.meta.lang } : undefined);
  const prev = i > 0 ? link(pick(slots[i - 1])) : undefined;
  const next = i >= 0 ? link(pick(slots[i + 1])) : undefined;
  return { home: rootFrom(slug), ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
