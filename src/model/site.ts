/**
 * The published site's own files beside the pages: where the exported PDFs and the social preview images
 * live, the favicon and the 404 page. The build links them, `lectern site` writes them, the link check and
 * the tests look for them: every name comes from here.
 *
 * Pure: no Node, no DOM.
 */

/** `dist/pdf/`: PDFs and handouts (see src/project/pdfs.ts for the file names). */
export const PDF_DIR = 'pdf';

/** `dist/og/`: one social preview image per lecture (its title slide), written by `lectern site`. */
export const OG_DIR = 'og';

/** Folders of `dist/` that the build keeps (they are made by the exporters, not by the build). */
export const EXPORTED_DIRS: readonly string[] = [PDF_DIR, OG_DIR];

/** The preview image's size: the 16:9 slide at 1200 px wide (what link previews show large). */
export const OG_SIZE = { width: 1200, height: 675 } as const;

/** `og/<slug>.png` (slug may hold folders: `part-1/intro`), relative to the site root. */
export function ogImageFile(slug: string): string {
  return `${OG_DIR}/${slug}.png`;
}

/** The site icon (SVG), at the site root; also the icon a phone's home screen uses. */
export const FAVICON = 'favicon.svg';

/** What static hosts (GitHub Pages, Netlify, Cloudflare Pages, …) serve for a missing address. */
export const NOT_FOUND_PAGE = '404.html';

/** A file path relative to the site root, as a URL path: each segment encoded. */
export function sitePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
