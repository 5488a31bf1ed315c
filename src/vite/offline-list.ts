/**
 * What each built page needs to open offline, read from the built site (`dist/`) after every other build
 * step has written it (Vite's hashed chunks and images, the font subsets, Mermaid's prebuilt modules): the
 * files a page names in its markup, its stylesheets' fonts, and its diagrams' modules (the deck config).
 * Links to other pages, PDFs and media (streamed with range requests) are not part of a page.
 *
 * Node only (parse5 over `dist/`), no Vite.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import postcss, { type Root } from 'postcss';
import { type DeckConfig, PAGE } from '../model/page.js';
import { PDF_DIR } from '../model/site.js';
import { codeVersion, sha } from '../project/deck-cache.js';

/** Attributes that name a file the page itself loads (not a link to follow). */
const LOADS: Record<string, string[]> = {
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset', 'data-src'],
  source: ['srcset'],
  input: ['src'],
  image: ['href'],
  video: ['poster'],
  section: ['data-background-image'],
  form: ['data-index'],
};
/** `<link rel>` values whose file the page uses (not `canonical`, `alternate`, `next`…). */
const LINK_RELS = new Set(['stylesheet', 'preload', 'modulepreload', 'icon', 'manifest', 'apple-touch-icon']);
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g;

export interface PageFiles {
  /** The page, relative to the site root (`part-1/intro/index.html`). */
  file: string;
  /** Its deck config (lecture pages). */
  config?: DeckConfig;
  /** Its `<title>`, `<html lang>`. */
  title: string;
  lang: string;
  /** Files of the site it loads, relative to the site root, in the order first named. */
  files: string[];
  /** Those it asks for at once (`<link rel=preload|modulepreload>`, scripts, stylesheets): the rest loads when needed. */
  eager: string[];
}

const isElement = (n: T.Node): n is T.Element => 'tagName' in n;
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (el: T.Element) => el.childNodes.map((c) => ('value' in c ? String(c.value) : '')).join('');

export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter(Boolean);
}

/** `url` as written in `from` (a file relative to the root), as a file relative to the root; undefined when outside. */
export function siteFile(from: string, url: string): string | undefined {
  if (!url || url.startsWith('data:') || url.startsWith('blob:') || EXTERNAL.test(url)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.split('#')[0]?.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  if (!path) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), path));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined;
}

/** Media are streamed in ranges, and PDFs are downloads: neither is kept with a page. */
const KEPT = (file: string) => !file.startsWith(`${PDF_DIR}/`) && !/\.(mp4|webm|ogv|mov|m4v|mp3|ogg|oga|wav|m4a|flac)$/i.test(file);

const parsed = new Map<string, Root>();

/**
 * The woff2 files a stylesheet's `@font-face` rules name for a page with `classes`: every family but KaTeX's,
 * and a KaTeX family only when a rule that sets it applies to classes the page has (`.katex` → KaTeX_Main,
 * `.katex .mathnormal` → KaTeX_Math, `.katex .delimsizing.size2` → KaTeX_Size2…): KaTeX's 19 fonts are
 * ~260 KB, a lecture's math uses a few of them.
 */
export function sheetFonts(sheet: string, css: string, classes: Set<string>): string[] {
  let root = parsed.get(css);
  if (!root) {
    root = postcss.parse(css);
    parsed.set(css, root);
  }
  const used = new Set<string>();
  root.walkRules((rule) => {
    const families: string[] = [];
    rule.walkDecls(/^font(-family)?$/, (d) => {
      families.push(...(d.value.match(/KaTeX_\w+/g) ?? []));
    });
    if (!families.length) return;
    const applies = rule.selectors.some((sel) => [...sel.matchAll(/\.([\w-]+)/g)].every((m) => classes.has(m[1] ?? '')));
    if (applies) for (const f of families) used.add(f);
  });
  const files: string[] = [];
  root.walkAtRules('font-face', (face) => {
    let family = '';
    const urls: string[] = [];
    face.walkDecls((d) => {
      if (d.prop === 'font-family') family = d.value.replace(/["']/g, '').trim();
      if (d.prop === 'src') urls.push(...cssUrls(d.value));
    });
    if (family.startsWith('KaTeX_') && !used.has(family)) return;
    for (const u of urls) {
      const f = siteFile(sheet, u);
      if (f?.endsWith('.woff2')) files.push(f);
    }
  });
  return files;
}

/** The files one built page loads (see the module comment). `read` gives a site file's text (stylesheets). */
export function pageFiles(file: string, html: string, read: (file: string) => string | undefined): PageFiles {
  const found: string[] = [];
  const eager: string[] = [];
  const add = (from: string, url: string, atOnce = false) => {
    const f = siteFile(from, url);
    if (f && KEPT(f)) found.push(f);
    if (f && atOnce) eager.push(f);
  };
  let config: DeckConfig | undefined;
  let title = '';
  let lang = '';
  const classes = new Set<string>();
  const walk = (node: T.Node) => {
    if (!isElement(node)) {
      if ('childNodes' in node) for (const c of (node as T.ParentNode).childNodes) walk(c);
      return;
    }
    if (node.tagName === 'html') lang = attr(node, 'lang') ?? '';
    if (node.tagName === 'title' && !title) title = textOf(node).trim();
    for (const c of (attr(node, 'class') ?? '').split(/\s+/)) if (c) classes.add(c);
    const rels = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (node.tagName !== 'link' || rels.some((r) => LINK_RELS.has(r)))
      for (const a of LOADS[node.tagName] ?? []) {
        const value = attr(node, a);
        if (!value) continue;
        const urls = a === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value.trim()];
        const atOnce = node.tagName === 'script' || (node.tagName === 'link' && !rels.includes('icon'));
        for (const u of urls) add(file, u, atOnce);
      }
    const style = attr(node, 'style');
    if (style) for (const u of cssUrls(style)) add(file, u);
    if (node.tagName === 'style') for (const u of cssUrls(textOf(node))) add(file, u);
    if (node.tagName === 'script' && attr(node, 'id') === PAGE.configId) config = JSON.parse(textOf(node)) as DeckConfig;
    const children = node.tagName === 'template' ? (node as T.Template).content.childNodes : node.childNodes;
    for (const c of children) walk(c);
  };
  walk(parse(html));
  for (const m of config?.mermaidModules ?? []) add(file, m);
  // The lecture's search index: loaded on the first search, and kept with the lecture so search works offline.
  if (config?.searchIndex) add(file, config.searchIndex);
  // The stylesheets' fonts: woff2 only (every browser that runs the page takes it; see katexWoff2Only), and
  // of KaTeX's only the families the page's math uses.
  for (const sheet of found.filter((f) => f.endsWith('.css'))) {
    const css = read(sheet);
    if (css) found.push(...sheetFonts(sheet, css, classes));
  }
  return { file, ...(config ? { config } : {}), title, lang, files: [...new Set(found)], eager: [...new Set(eager)] };
}

/** Every `index.html` under `dist` (the home and each lecture, at any depth), relative to it. */
export function builtPages(dist: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dist, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!base && (entry.name === PDF_DIR || entry.name === 'assets')) continue;
      out.push(...builtPages(dist, rel));
    } else if (entry.name === 'index.html') out.push(rel);
  }
  return out.sort();
}

/**
 * Reads every built page's files (see `pageFiles`). With `cacheDir`, each page's answer is kept there
 * (one file per page, `lectern-pages/`) and reused while the page's markup and Lectern's code are what they
 * were: the stylesheets it reads are named by their content. A rebuild after one lecture was edited parses
 * that lecture's page and the home, not all thirty.
 */
export function readBuiltPages(dist: string, cacheDir?: string): PageFiles[] {
  const read = (file: string) => {
    try {
      return readFileSync(join(dist, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  return builtPages(dist).map((file) => {
    const html = read(file) ?? '';
    if (!cacheDir) return pageFiles(file, html, read);
    const path = join(cacheDir, 'lectern-pages', `${sha(file)}.json`);
    const key = sha(`${codeVersion()}\n${OWN_CODE}\n${file}\n${html}`);
    try {
      const hit = JSON.parse(readFileSync(path, 'utf8')) as { key: string; page: PageFiles };
      if (hit.key === key) return hit.page;
    } catch {}
    const page = pageFiles(file, html, read);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ key, page }));
    return page;
  });
}

/** This module's own version (its size and time), beside `codeVersion()`'s (the compile's code). */
const OWN_CODE = (() => {
  const st = statSync(fileURLToPath(import.meta.url));
  return `${st.size}:${st.mtimeMs}`;
})();
