/**
 * The site's own files beside the lecture pages: the icon, the 404 page, and what each page tells link
 * previews (Open Graph). The build links a preview image only when it is in the site, or when it is made
 * for this build (`lectern site`, which writes every lecture's image and checks every link afterwards).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml as e } from '../markdown/env.js';
import type { SocialMeta } from '../markdown/social.js';
import { FAVICON, OG_SIZE, ogImageFile, sitePath } from '../model/site.js';
import type { Deck } from '../model/types.js';
import { fill, uiStrings } from '../model/ui-strings.js';
import type { CourseSettings } from '../project/course.js';
import { plainText } from '../project/search-index.js';
import { fontFaceRule, subsetWhole } from './fonts.js';

export interface SiteContext {
  /** The site's output directory (`dist/`). */
  outDir: string;
  settings: CourseSettings;
  /** `lectern site`: every lecture's preview image is being made for this build. */
  publish: boolean;
}

/** The icon: a lectern (a slanted desk on a stand) in the theme's accent colour. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1f5fbf"/><path d="M14 20 50 14v12L14 32z" fill="#fff"/><path d="M28 31h8v19h-8z" fill="#fff"/><path d="M20 50h24v5H20z" fill="#fff"/></svg>
`;

/** A page's path from the site root to the site root again (`''` for the home, `../` for `intro/`). */
const upFrom = (slug: string) => '../'.repeat(slug.split('/').length);

/** The icon's address from a deck page (slug) or the home (undefined). */
export const iconHref = (slug?: string) => `${slug ? upFrom(slug) : './'}${FAVICON}`;

/** What the first slide says besides its heading (a title slide's byline), up to about 200 characters. */
function openingWords(deck: Deck): string | undefined {
  const first = deck.slides[0];
  if (!first) return undefined;
  const text = plainText(first.html.replace(/<h[1-6]\b[\s\S]*?<\/h[1-6]>/gi, ' '));
  if (!text) return undefined;
  return text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text;
}

/** The link preview of a lecture: its title, description, the course, and its title slide's image. */
export function deckSocial(deck: Deck, ctx: SiteContext, courseTitle: string | undefined): SocialMeta {
  const file = ogImageFile(deck.slug);
  const made = ctx.publish || existsSync(join(ctx.outDir, file));
  const { url } = ctx.settings;
  const description = deck.meta.description ?? deck.meta.subtitle ?? openingWords(deck) ?? ctx.settings.description;
  return {
    title: deck.meta.title,
    lang: deck.meta.lang,
    ...(description ? { description } : {}),
    ...(courseTitle && courseTitle !== deck.meta.title ? { siteName: courseTitle } : {}),
    ...(url ? { url: `${url}${sitePath(deck.slug)}/` } : {}),
    ...(made
      ? {
          image: {
            href: url ? `${url}${sitePath(file)}` : `${upFrom(deck.slug)}${sitePath(file)}`,
            ...OG_SIZE,
            alt: fill(uiStrings(deck.meta.lang).site.preview, { title: deck.meta.title }),
          },
        }
      : {}),
  };
}

/** The home page's link preview: the course, with the first lecture's title slide when there is one. */
export function homeSocial(course: { title: string; description?: string; lang: string }, ctx: SiteContext, first?: Deck): SocialMeta {
  const image = first ? deckSocial(first, ctx, course.title).image : undefined;
  const { url } = ctx.settings;
  return {
    title: course.title,
    lang: course.lang,
    ...(course.description ? { description: course.description } : {}),
    ...(url ? { url } : {}),
    ...(image ? { image: { ...image, href: url ? image.href : `./${sitePath(ogImageFile(first?.slug ?? ''))}` } } : {}),
  };
}

/**
 * `404.html`: served by static hosts for any missing address, at any depth, so it refers to no file of the
 * site: its styles and its font (a subset of the few characters it shows) are inline. Its link home is the
 * site's `url` path when known, else `./` (right for a missing page one level down, the usual case).
 */
export async function notFoundPage(lang: string, courseTitle: string, settings: CourseSettings, fontCache: string): Promise<string> {
  const t = uiStrings(lang).site;
  const home = settings.url ? new URL(settings.url).pathname : './';
  const text = [t.notFoundTitle, t.notFound, t.home, courseTitle].join('\n');
  const fonts = await subsetWhole(text, 'woff2', fontCache);
  const faces = fonts
    .map((f) => fontFaceRule(f, 'Lectern UI', `data:font/woff2;base64,${Buffer.from(f.source).toString('base64')}`))
    .join('\n');
  return `<!doctype html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(t.notFoundTitle)} · ${e(courseTitle)}</title>
<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(FAVICON_SVG.trim())}">
<style>
${faces}
body{margin:0;min-height:100vh;display:grid;place-items:center;font-family:'Lectern UI',system-ui,sans-serif;color:#1d2433;background:#fff}
main{max-width:36rem;padding:2rem;line-height:1.6}
h1{font-size:1.8rem;margin:0 0 .5rem}
a{color:#1f5fbf;font-weight:700}
@media (prefers-color-scheme:dark){body{color:#e8ecf3;background:#161b26}a{color:#7fb2ff}}
</style>
</head>
<body>
<main>
<p>${e(courseTitle)}</p>
<h1>${e(t.notFoundTitle)}</h1>
<p>${e(t.notFound)}</p>
<p><a href="${e(home)}">${e(t.home)}</a></p>
</main>
</body>
</html>
`;
}
