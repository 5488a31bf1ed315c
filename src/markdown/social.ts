/**
 * What a page says about itself to link previews (chat apps, social sites, search engines): the Open
 * Graph and Twitter card tags, and the site icon. Pure markup from data; the build decides what exists.
 */
import { escapeHtml as e } from './env.js';

export interface SocialMeta {
  title: string;
  description?: string;
  /** The course title (`og:site_name`). */
  siteName?: string;
  lang?: string;
  /** The page's own address, when the site's public URL is known (`url:` in lectern.yml). */
  url?: string;
  /** The preview image (absolute when the site's URL is known, else relative to the page). */
  image?: { href: string; width: number; height: number; alt: string };
}

/** `zh-CN` -> `zh_CN`: Open Graph's locale spelling. */
const ogLocale = (lang: string) => lang.replace('-', '_');

export function socialTags(s: SocialMeta): string {
  const tags: [string, string, string][] = [
    ['property', 'og:type', 'website'],
    ['property', 'og:title', s.title],
  ];
  if (s.description) tags.push(['property', 'og:description', s.description]);
  if (s.siteName) tags.push(['property', 'og:site_name', s.siteName]);
  if (s.lang) tags.push(['property', 'og:locale', ogLocale(s.lang)]);
  if (s.url) tags.push(['property', 'og:url', s.url]);
  if (s.image) {
    tags.push(
      ['property', 'og:image', s.image.href],
      ['property', 'og:image:type', 'image/png'],
      ['property', 'og:image:width', String(s.image.width)],
      ['property', 'og:image:height', String(s.image.height)],
      ['property', 'og:image:alt', s.image.alt],
    );
  }
  tags.push(['name', 'twitter:card', s.image ? 'summary_large_image' : 'summary']);
  return tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${e(value)}">\n`).join('');
}

/** The icon link of a page `up` levels below the site root ('' for the root, '../' for a deck). */
export function iconTag(href: string): string {
  return `<link rel="icon" href="${e(href)}" type="image/svg+xml">\n`;
}
