/** The course home for the Vite plugin: its model (order, sections, PDFs in the site), markup, search index. */
import { join } from 'node:path';
import { type Course, renderHomePage } from '../markdown/home.js';
import type { SocialMeta } from '../markdown/social.js';
import type { Deck, Diagnostic } from '../model/types.js';
import { courseHome, readCourseSettings } from '../project/course.js';
import { pdfFileName, pdfPresence } from '../project/pdfs.js';
import { buildSearchIndex, searchFileName } from '../project/search-index.js';

export interface HomeBuild {
  html: string;
  course: Course;
  /** What the home page shows at once (for its font subset). */
  text: string;
  /** The search index file (build): name under the output directory and contents. */
  search?: { fileName: string; source: string };
  diagnostics: Diagnostic[];
}

export interface HomeInput {
  root: string;
  decks: Deck[];
  runtime: string;
  head: string;
  /** The built site's PDF directory (build); the dev server serves no PDFs. */
  pdfDir?: string;
  /** `lectern site`: every lecture's PDF and handout are made right after this build, so all are linked. */
  publish?: boolean;
  /** Vite's cache folder: the search index is made from the last build's there (see search-cache.ts). */
  cacheDir?: string;
  /** Where the search index is: `file` (build: a content-hashed file) or a fixed dev-server URL. */
  search: { kind: 'file'; assetsDir: string } | { kind: 'url'; url: string };
  /** The site icon's address from the home page. */
  icon?: string;
  /** The home's link preview (build). */
  social?: (course: Course) => SocialMeta;
}

export function homePage(input: HomeInput): HomeBuild {
  const { settings, diagnostics } = readCourseSettings(input.root);
  const pdfDir = input.pdfDir;
  const course = courseHome(input.decks, settings, (deck) => {
    if (!pdfDir) return {};
    const path = join(input.root, deck.file);
    const link = (kind: 'slides' | 'handout') => {
      const found = input.publish ? { file: pdfFileName(deck.slug, kind), stale: false } : pdfPresence(pdfDir, deck.slug, kind, path);
      return found ? { href: `./pdf/${found.file.split('/').map(encodeURIComponent).join('/')}`, stale: found.stale } : undefined;
    };
    const [pdf, handout] = [link('slides'), link('handout')];
    return { ...(pdf ? { pdf } : {}), ...(handout ? { handout } : {}) };
  });
  let search: HomeBuild['search'];
  let searchHref: string;
  if (input.search.kind === 'file') {
    const source = buildSearchIndex(
      course.sections.flatMap((s) => s.lectures.map((l) => input.decks.find((d) => d.slug === l.slug) as Deck)),
      input.cacheDir,
    );
    const fileName = searchFileName(input.search.assetsDir, source);
    search = { fileName, source };
    searchHref = `./${fileName}`;
  } else searchHref = input.search.url;
  const html = renderHomePage(course, {
    runtime: input.runtime,
    head: input.head,
    searchIndex: searchHref,
    ...(input.icon ? { icon: input.icon } : {}),
    ...(input.social ? { social: input.social(course) } : {}),
  });
  return { html, course, text: homeText(course), ...(search ? { search } : {}), diagnostics };
}

/** What the home page shows at once (for its font subset); its PDF links add no text. */
export function homeText(course: Course): string {
  return [
    course.title,
    course.description ?? '',
    course.author ?? '',
    ...course.sections.flatMap((s) => [s.title, ...s.lectures.flatMap((l) => [l.title, l.description ?? '', l.date ?? ''])]),
  ].join('\n');
}
