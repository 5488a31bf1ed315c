import { fill, type UiStrings, uiStrings } from '../model/ui-strings.js';
import { escapeHtml } from './env.js';
import { type PageOptions, pageHeadTags } from './html.js';

/** A PDF of a lecture that is in the site: its address from the home page, and whether it predates the lecture. */
export interface PdfLink {
  href: string;
  stale: boolean;
}

export interface HomeLecture {
  slug: string;
  /** Address of the deck from the home page (`./part-1/intro/`). */
  href: string;
  title: string;
  /** The lecture's language (its title and description are in it, whatever the course's is). */
  lang: string;
  date?: string;
  durationMinutes?: number;
  description?: string;
  slides: number;
  errors: number;
  /** Only the PDFs that exist in the site (see src/project/pdfs.ts). */
  pdf?: PdfLink;
  handout?: PdfLink;
}

export interface HomeSection {
  /** Folder under slides/ ('' for the top level). */
  folder: string;
  title: string;
  lectures: HomeLecture[];
}

export interface Course {
  title: string;
  description?: string;
  author?: string;
  lang: string;
  sections: HomeSection[];
}

export interface HomeOptions extends PageOptions {
  /** Address of the search index from the home page; no search box without it. */
  searchIndex?: string;
}

const e = escapeHtml;

function pdfAnchor(link: PdfLink | undefined, label: string, t: UiStrings['home']): string {
  if (!link) return '';
  const stale = link.stale ? ` <small class="lecture-stale">(${e(t.stale)})</small>` : '';
  return ` <a href="${e(link.href)}"${link.stale ? ' class="is-stale"' : ''}>${e(label)}</a>${stale}`;
}

function lectureItem(l: HomeLecture, n: number, t: UiStrings['home']): string {
  const meta = [
    l.date ? `<time datetime="${e(l.date)}">${e(l.date)}</time>` : '',
    `${l.slides} ${e(t.slides)}`,
    l.durationMinutes ? `${l.durationMinutes} ${e(t.minutes)}` : '',
    l.errors ? `<span class="lecture-errors">${l.errors} ${e(t.problems)}</span>` : '',
  ].filter(Boolean);
  return `<li class="lecture deck-card" data-slug="${e(l.slug)}" data-slides="${l.slides}">
  <span class="lecture-number" aria-hidden="true">${n}</span>
  <div class="lecture-body">
  <a class="lecture-title deck-title" href="${e(l.href)}"><span class="visually-hidden">${e(fill(t.lectureNumber, { n }))}</span><span lang="${e(l.lang)}">${e(l.title)}</span></a>
  <p class="lecture-meta">${meta.join(' · ')}</p>
  ${l.description ? `<p class="lecture-description" lang="${e(l.lang)}">${e(l.description)}</p>\n  ` : ''}<p class="lecture-links"><a href="${e(l.href)}">${e(t.present)}</a> <a href="${e(l.href)}?view=read">${e(t.read)}</a>${pdfAnchor(l.pdf, t.pdf, t)}${pdfAnchor(l.handout, t.handout, t)}</p>
  </div>
</li>`;
}

function searchBox(index: string, t: UiStrings['home']): string {
  return `<search class="course-search" role="search">
<form data-index="${e(index)}" action="#" autocomplete="off">
<label for="course-search-input">${e(t.searchLabel)}</label>
<input id="course-search-input" type="search" name="q" placeholder="${e(t.searchPlaceholder)}" enterkeyhint="search">
</form>
<p class="course-search-status" role="status" aria-live="polite"></p>
<ol class="course-search-results"></ol>
</search>`;
}

/** The course home at `/`: title, search, and the lectures in course order, grouped by folder. */
export function renderHomePage(course: Course, options: HomeOptions): string {
  const t = uiStrings(course.lang).home;
  let n = 0;
  const sections = course.sections
    .map((s) => {
      const items = s.lectures.map((l) => lectureItem(l, ++n, t)).join('\n');
      const heading = s.folder ? `<h2 id="part-${e(s.folder)}">${e(s.title)}</h2>\n` : '';
      return `<section class="course-section"${s.folder ? ` aria-labelledby="part-${e(s.folder)}"` : ` aria-label="${e(t.lectures)}"`}>\n${heading}<ol class="lecture-list" start="${n - s.lectures.length + 1}">\n${items}\n</ol>\n</section>`;
    })
    .join('\n');
  const byline = [course.author, course.description].filter(Boolean);
  return `<!doctype html>
<html lang="${e(course.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(course.title)}</title>
<meta name="generator" content="Lectern">
${pageHeadTags(options, course.description)}${options.head ?? ''}<script type="module" src="${options.runtime}"></script>
</head>
<body class="lectern-index">
<main>
<header class="course-header">
<h1>${e(course.title)}</h1>
${byline.map((b) => `<p class="course-byline">${e(b ?? '')}</p>`).join('\n')}
</header>
${options.searchIndex && n ? searchBox(options.searchIndex, t) : ''}
${n ? sections : `<p>${e(t.empty)}</p>`}
</main>
</body>
</html>
`;
}
