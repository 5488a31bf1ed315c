/**
 * The site check: every address in every built page (`href`, `src`, `srcset`, `poster`, `data-src`,
 * link-preview images, CSS `url()`, the deck config's links to other lectures) resolves to a file of the
 * site, and a `#fragment` to an element of the page it names. Nothing leaves the site except the lecture's
 * own external links (links written on a slide or in its notes, which `npm run check` reports by themselves).
 * Absolute paths (`/x`) are broken links too: the site must work under any sub-path.
 *
 * Reads `dist/` only (parse5 for HTML); pure otherwise.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { type DeckConfig, PAGE, parseSource } from '../model/page.js';

export interface SiteLinkProblem {
  /** The page or stylesheet, relative to the site root (`intro/index.html`). */
  page: string;
  /** The address as written. */
  url: string;
  /** What is wrong, in a few words. */
  reason: string;
  /** The slide the link is on (`slides/x.md:12`), when it is on one. */
  source?: { file: string; line: number };
}

export interface SiteLinkReport {
  problems: SiteLinkProblem[];
  /** Pages and stylesheets read, and the addresses looked at. */
  pages: number;
  links: number;
}

const ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset', 'data-src'],
  source: ['src', 'srcset', 'data-src'],
  script: ['src'],
  iframe: ['src', 'data-src'],
  video: ['src', 'poster', 'data-src'],
  audio: ['src', 'data-src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['data-index'],
  section: ['data-background-image', 'data-background-video', 'data-background-iframe'],
};
/** `<meta>` whose content is an address of the site. */
const META_URLS = new Set(['og:image', 'og:url', 'twitter:image']);
const IGNORED = /^(data:|blob:|mailto:|tel:|about:|javascript:void\(0\))/i;
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g;

function filesOf(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesOf(dir, rel));
    else out.push(rel);
  }
  return out;
}

type Node = T.Node;
const isElement = (n: Node): n is T.Element => 'tagName' in n;
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

interface Found {
  url: string;
  /** Inside a slide (a deck's own content): its source location. */
  slide?: string;
}

/** Every address in a page, with the slide it is on; and the page's element ids. */
function scanPage(html: string): { found: Found[]; ids: Set<string>; config?: DeckConfig } {
  const found: Found[] = [];
  const ids = new Set<string>();
  let config: DeckConfig | undefined;
  const walk = (node: Node, slide: string | undefined) => {
    if (isElement(node)) {
      const id = attr(node, 'id');
      if (id) ids.add(id);
      const name = node.tagName === 'a' ? attr(node, 'name') : undefined;
      if (name) ids.add(name);
      const here = node.tagName === 'section' ? (attr(node, PAGE.sourceAttr) ?? slide) : slide;
      for (const a of ATTRS[node.tagName] ?? []) {
        const value = attr(node, a);
        if (value === undefined) continue;
        const urls = a === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value.trim()];
        for (const url of urls) if (url) found.push({ url, ...(here ? { slide: here } : {}) });
      }
      const style = attr(node, 'style');
      if (style) for (const url of cssUrls(style)) found.push({ url, ...(here ? { slide: here } : {}) });
      if (node.tagName === 'meta' && META_URLS.has(attr(node, 'property') ?? attr(node, 'name') ?? '')) {
        const content = attr(node, 'content');
        if (content) found.push({ url: content });
      }
      if (node.tagName === 'style' || (node.tagName === 'script' && attr(node, 'id') === PAGE.configId)) {
        const text = node.childNodes.map((c) => ('value' in c ? String(c.value) : '')).join('');
        if (node.tagName === 'style') for (const url of cssUrls(text)) found.push({ url });
        else config = JSON.parse(text) as DeckConfig;
      }
      const children = node.tagName === 'template' ? (node as T.Template).content.childNodes : node.childNodes;
      for (const c of children) walk(c, here);
    } else if ('childNodes' in node) for (const c of (node as T.ParentNode).childNodes) walk(c, slide);
  };
  walk(parse(html), undefined);
  // The deck's links to the home and the lectures before and after it, its diagram modules and search index.
  if (config?.course) {
    const { home, prev, next } = config.course;
    for (const href of [home, prev?.href, next?.href]) if (href) found.push({ url: href });
  }
  for (const m of config?.mermaidModules ?? []) found.push({ url: m });
  if (config?.searchIndex) found.push({ url: config.searchIndex });
  return { found, ids, ...(config ? { config } : {}) };
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter(Boolean);
}

/**
 * Checks the built site in `dist`. `siteUrl` (lectern.yml's `url`) is where it is published: addresses under
 * it are the site's own files.
 */
export function checkSiteLinks(dist: string, siteUrl?: string): SiteLinkReport {
  const files = new Set(filesOf(dist));
  const pages = [...files].filter((f) => f.endsWith('.html'));
  const sheets = [...files].filter((f) => f.endsWith('.css'));
  const scanned = new Map<string, ReturnType<typeof scanPage>>();
  const scan = (page: string) => {
    let s = scanned.get(page);
    if (!s) {
      s = scanPage(readFileSync(join(dist, page), 'utf8'));
      scanned.set(page, s);
    }
    return s;
  };
  const problems: SiteLinkProblem[] = [];
  let links = 0;

  const resolveIn = (from: string, url: string, slide: string | undefined, isPage: boolean) => {
    links += 1;
    const problem = (reason: string) => {
      const source = slide ? parseSource(slide) : undefined;
      problems.push({ page: from, url, reason, ...(source ? { source } : {}) });
    };
    if (IGNORED.test(url)) return;
    let local = url;
    if (siteUrl && url.startsWith(siteUrl)) local = `${'../'.repeat(from.split('/').length - 1)}${url.slice(siteUrl.length)}` || './';
    else if (EXTERNAL.test(url)) {
      // A lecture's own links (on a slide, in its notes) may leave the site; nothing else may.
      if (!slide) problem('points outside the site');
      return;
    } else if (url.startsWith('/')) {
      problem('absolute path: breaks when the site is served under a sub-path; use a relative address');
      return;
    }
    const [beforeHash, hash] = local.split('#', 2) as [string, string | undefined];
    const pathPart = beforeHash.split('?')[0] ?? '';
    let target: string;
    if (pathPart === '') target = from;
    else {
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathPart);
      } catch {
        problem('does not decode as a URL');
        return;
      }
      const joined = posix.normalize(posix.join(posix.dirname(from), decoded));
      if (joined === '..' || joined.startsWith('../')) {
        problem('leads out of the site');
        return;
      }
      target = joined === '.' || decoded.endsWith('/') ? posix.join(joined === '.' ? '' : joined, 'index.html') : joined;
      if (!files.has(target) && files.has(posix.join(target, 'index.html'))) target = posix.join(target, 'index.html');
    }
    if (!files.has(target)) {
      problem(`no such file in the site (${target})`);
      return;
    }
    // A fragment must name an element of the page (reveal's own `#/3` routes are its slide numbers).
    if (isPage && hash && !hash.startsWith('/') && target.endsWith('.html')) {
      let id: string;
      try {
        id = decodeURIComponent(hash);
      } catch {
        id = hash;
      }
      if (!scan(target).ids.has(id)) problem(`no element #${id} in ${target}`);
    }
  };

  for (const page of pages) for (const f of scan(page).found) resolveIn(page, f.url, f.slide, true);
  for (const sheet of sheets)
    for (const url of cssUrls(readFileSync(join(dist, sheet), 'utf8'))) if (!url.startsWith('#')) resolveIn(sheet, url, undefined, false);
  return { problems, pages: pages.length + sheets.length, links };
}

/** `dist/` exists and holds a built site. */
export function isBuiltSite(dist: string): boolean {
  return existsSync(join(dist, 'index.html')) && statSync(dist).isDirectory();
}
