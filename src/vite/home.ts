/** The course home for the Vite plugin: its model (order, sections, PDFs in the site), markup, search index. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { renderHomePage } from '../markdown/home.js';
import type { Deck, Diagnostic } from '../model/types.js';
import { courseHome, readCourseSettings } from '../project/course.js';
import { pdfPresence } from '../project/pdfs.js';
import { buildSearchIndex } from '../project/search-index.js';

export interface HomeBuild {
  html: string;
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
  /** Where the search index is: `file` (build: a content-hashed file) or a fixed dev-server URL. */
  search: { kind: 'file'; assetsDir: string } | { kind: 'url'; url: string };
}

export function homePage(input: HomeInput): HomeBuild {
  const { settings, diagnostics } = readCourseSettings(input.root);
  const pdfDir = input.pdfDir;
  const course = courseHome(input.decks, settings, (deck) => {
    if (!pdfDir) return {};
    const path = join(input.root, deck.file);
    const link = (kind: 'slides' | 'handout') => {
      const found = pdfPresence(pdfDir, deck.slug, kind, path);
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
    );
    const fileName = `${input.search.assetsDir}/search-${createHash('sha256').update(source).digest('hex').slice(0, 10)}.json`;
    search = { fileName, source };
    searchHref = `./${fileName}`;
  } else searchHref = input.search.url;
  const html = renderHomePage(course, { runtime: input.runtime, head: input.head, searchIndex: searchHref });
  const text = [
    course.title,
    course.description ?? '',
    course.author ?? '',
    ...course.sections.flatMap((s) => [s.title, ...s.lectures.flatMap((l) => [l.title, l.description ?? '', l.date ?? ''])]),
  ].join('\n');
  return { html, text, ...(search ? { search } : {}), diagnostics };
}
