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

/** `dist/assets/`: the built scripts and styles (Vite's `build.assetsDir`) and the copied `assets/` files. */
export const SITE_ASSETS_DIR = 'assets';

/** `dist/icons/`: the app icons rendered from the favicon (see src/model/offline.ts). */
export const ICONS_DIR = 'icons';

/**
 * Top-level folders of the site that are not lectures: a deck may not take one as its address
 * (`slides/assets.md` would be served at /assets/, over the site's own files).
 */
export const RESERVED_FOLDERS: readonly string[] = [SITE_ASSETS_DIR, PDF_DIR, OG_DIR, ICONS_DIR];

/** The reserved folder a deck's address starts with (`pdf` for `pdf/notes`), if any; case-blind, as hosts may be. */
export function reservedFolderOf(slug: string): string | undefined {
  const top = (slug.split('/')[0] ?? '').toLowerCase();
  return RESERVED_FOLDERS.find((f) => f === top);
}

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
