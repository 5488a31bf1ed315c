import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE } from '../model/page.js';
import { maskableSvg, webManifest } from './app-icons.js';
import { offlineHead, offlineList, shellFiles } from './offline.js';
import { pageFiles, readBuiltPages, sheetFonts, siteFile } from './offline-list.js';
import { writeServiceWorker } from './service-worker.js';

const deckPage = (slug: string, math: boolean) => `<!doctype html><html lang="zh-CN"><head><title>Deck ${slug}</title>
<link rel="icon" href="../../favicon.svg"><link rel="stylesheet" href="../../assets/main-AAAAAAAA.css">
<link rel="preload" as="font" type="font/woff2" crossorigin href="../../assets/fonts/noto-400-0123456789.woff2">
<link rel="canonical" href="https://example.org/x/">
<style>@font-face{src:url(../../assets/fonts/noto-400-abcdefabcd.woff2) format('woff2')}</style>
<script type="module" src="../../assets/main-BBBBBBBB.js"></script>
<script type="application/json" id="${PAGE.configId}">${JSON.stringify({ slug, title: `T ${slug}`, lang: 'zh-CN', hasMermaid: true, mermaidModules: ['../../assets/mermaid/chunks/m/chunk-ABCDEFGH.mjs'], searchIndex: '../../assets/search-abcdef0123.json' })}</script>
</head><body><section data-background-image="../../assets/bg.jpg"><img src="../../assets/fig-CCCCCCCC.png" srcset="../../assets/fig-CCCCCCCC.png 1x, ../../assets/fig2x.png 2x">
<a href="../../other/">next</a><a href="../../pdf/x.pdf">pdf</a><video src="../../assets/talk.mp4" poster="../../assets/poster.png"></video>
<img src="https://example.org/external.png">${math ? '<span class="katex">x</span>' : ''}</section></body></html>`;
const css = [
  '.katex{font:1.21em/1.2 KaTeX_Main,math,serif}.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}',
  '.katex .delimsizing.size2{font-family:KaTeX_Size2}',
  '@font-face{font-family:KaTeX_Main;src:url(./KaTeX_Main-Regular-B22Nviop.woff2) format("woff2"),url(./KaTeX_Main-Regular.woff) format("woff")}',
  '@font-face{font-family:KaTeX_Math;font-style:italic;src:url(./KaTeX_Math-Italic-t53AETM-.woff2) format("woff2")}',
  '@font-face{font-family:KaTeX_Size2;src:url(./KaTeX_Size2-Regular-Dy4dx90m.woff2) format("woff2")}',
  '@font-face{font-family:"JetBrains Mono";src:url(./jetbrains-mono-V6pRDFza.woff2)}',
].join('');

describe('what a built page needs offline', () => {
  it("names every file the page loads, its stylesheets' woff2 fonts, its diagram modules and search index, not links, PDFs or media", () => {
    const read = (f: string) => (f === 'assets/main-AAAAAAAA.css' ? css : undefined);
    const p = pageFiles('part-1/intro/index.html', deckPage('part-1/intro', true), read);
    expect(p.config?.slug).toBe('part-1/intro');
    expect(p.title).toBe('Deck part-1/intro');
    expect(p.lang).toBe('zh-CN');
    expect(p.files.sort()).toEqual(
      [
        'favicon.svg',
        'assets/main-AAAAAAAA.css',
        'assets/fonts/noto-400-0123456789.woff2',
        'assets/fonts/noto-400-abcdefabcd.woff2',
        'assets/main-BBBBBBBB.js',
        'assets/bg.jpg',
        'assets/fig-CCCCCCCC.png',
        'assets/fig2x.png',
        'assets/poster.png',
        'assets/mermaid/chunks/m/chunk-ABCDEFGH.mjs',
        'assets/search-abcdef0123.json',
        'assets/KaTeX_Main-Regular-B22Nviop.woff2',
        'assets/jetbrains-mono-V6pRDFza.woff2',
      ].sort(),
    );
    // What the page asks for at once (the shell takes the home's): not its icon, lazy images or @font-face files.
    expect(p.eager.sort()).toEqual(['assets/fonts/noto-400-0123456789.woff2', 'assets/main-AAAAAAAA.css', 'assets/main-BBBBBBBB.js']);
  });

  it("takes of KaTeX only the families the page's math uses", () => {
    const fonts = (classes: string[]) => sheetFonts('assets/main.css', css, new Set(classes)).sort();
    expect(fonts(['katex'])).toEqual(['assets/KaTeX_Main-Regular-B22Nviop.woff2', 'assets/jetbrains-mono-V6pRDFza.woff2']);
    expect(fonts(['katex', 'mathnormal', 'delimsizing', 'size2'])).toEqual([
      'assets/KaTeX_Main-Regular-B22Nviop.woff2',
      'assets/KaTeX_Math-Italic-t53AETM-.woff2',
      'assets/KaTeX_Size2-Regular-Dy4dx90m.woff2',
      'assets/jetbrains-mono-V6pRDFza.woff2',
    ]);
    // `size2` alone (not on a delimiter) does not need the font.
    expect(fonts(['katex', 'size2'])).not.toContain('assets/KaTeX_Size2-Regular-Dy4dx90m.woff2');
  });

  it('leaves KaTeX fonts out of a page without math', () => {
    const p = pageFiles('intro/index.html', deckPage('intro', false).replaceAll('../../', '../'), () => css.replaceAll('./', './'));
    expect(p.files.filter((f) => f.includes('KaTeX'))).toEqual([]);
    expect(p.files).toContain('assets/jetbrains-mono-V6pRDFza.woff2');
  });

  it('resolves addresses inside the site only', () => {
    expect(siteFile('a/b/index.html', '../../x.png')).toBe('x.png');
    expect(siteFile('a/index.html', '../../x.png')).toBeUndefined();
    expect(siteFile('index.html', '/abs.png')).toBeUndefined();
    expect(siteFile('index.html', 'data:image/png;base64,xx')).toBeUndefined();
    expect(siteFile('index.html', './assets/a%20b.png?x=1#y')).toBe('assets/a b.png');
  });
});

describe('the shell and the list', () => {
  it('precaches the home, what it loads at once and all runtime code; lists each lecture (any depth) without them', () => {
    const dist = mkdtempSync(join(tmpdir(), 'lectern-offline-'));
    try {
      const w = (f: string, text: string) => {
        mkdirSync(join(dist, f, '..'), { recursive: true });
        writeFileSync(join(dist, f), text);
      };
      w(
        'index.html',
        `<html lang="en"><head><title>My course</title><link rel="stylesheet" href="./assets/index-DDDDDDDD.css"><link rel="preload" as="font" href="./assets/fonts/noto-400-0123456789.woff2"><style>@font-face{src:url(./assets/fonts/noto-400-9999999999.woff2)}</style></head><body><form data-index="./assets/search-0123456789.json"></form></body></html>`,
      );
      w('part-1/intro/index.html', deckPage('part-1/intro', true));
      for (const f of [
        'assets/index-DDDDDDDD.css',
        'assets/main-AAAAAAAA.css',
        'assets/main-BBBBBBBB.js',
        'assets/fonts/noto-400-0123456789.woff2',
        'favicon.svg',
        'assets/mermaid/mermaid.esm.min.mjs',
      ])
        w(f, f.endsWith('.css') ? '' : 'x');
      w('assets/main-AAAAAAAA.css', css);
      const pages = readBuiltPages(dist);
      expect(pages.map((p) => p.file)).toEqual(['index.html', 'part-1/intro/index.html']);
      // Kept between builds, a page's answer is the same; a page whose markup changed is read again.
      const cache = join(dist, '.cache');
      expect(readBuiltPages(dist, cache)).toEqual(pages);
      expect(readBuiltPages(dist, cache)).toEqual(pages);
      w('part-1/intro/index.html', deckPage('part-1/intro', false));
      expect(readBuiltPages(dist, cache)[1]?.files).not.toContain('assets/KaTeX_Main-Regular-B22Nviop.woff2');
      expect(readBuiltPages(dist, cache)[1]).toEqual(readBuiltPages(dist)[1]);
      w('part-1/intro/index.html', deckPage('part-1/intro', true));
      const home = pages[0];
      const shell = shellFiles(dist, 'assets', home, 'assets/search-0123456789.json');
      expect(shell.sort()).toEqual(
        [
          'index.html',
          'favicon.svg',
          'assets/index-DDDDDDDD.css',
          'assets/main-AAAAAAAA.css',
          'assets/main-BBBBBBBB.js',
          'assets/fonts/noto-400-0123456789.woff2',
          'assets/mermaid/mermaid.esm.min.mjs',
        ].sort(),
      );
      const list = offlineList(pages, new Set(shell));
      expect(list.home.sort()).toEqual(['assets/fonts/noto-400-9999999999.woff2', 'assets/search-0123456789.json']);
      expect(list.code.sort()).toEqual(['assets/index-DDDDDDDD.css', 'assets/main-AAAAAAAA.css', 'assets/main-BBBBBBBB.js']);
      expect(list.lectures).toHaveLength(1);
      const [intro] = list.lectures;
      expect(intro?.slug).toBe('part-1/intro');
      expect(intro?.page).toBe('part-1/intro/');
      expect(intro?.files).toContain('assets/mermaid/chunks/m/chunk-ABCDEFGH.mjs');
      expect(intro?.files).not.toContain('assets/main-BBBBBBBB.js');
      expect(intro?.files).not.toContain('favicon.svg');
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the service worker', () => {
  it('precaches the shell, unhashed files by their content; is made once and only listed anew by later builds', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'lectern-sw-dist-'));
    const cache = mkdtempSync(join(tmpdir(), 'lectern-sw-cache-'));
    try {
      const w = (f: string, text: string) => {
        mkdirSync(join(dist, f, '..'), { recursive: true });
        writeFileSync(join(dist, f), text);
      };
      const md5 = (text: string) => createHash('md5').update(text).digest('hex');
      w('index.html', '<p>first</p>');
      w('assets/main-BBBBBBBB.js', 'x');
      const shell = ['index.html', 'assets/main-BBBBBBBB.js'];
      expect((await writeServiceWorker(dist, shell, cache)).count).toBe(2);
      const first = readFileSync(join(dist, 'sw.js'), 'utf8');
      expect(first).toContain(`{"revision":"${md5('<p>first</p>')}","url":"index.html"}`);
      expect(first).toContain('{"revision":null,"url":"assets/main-BBBBBBBB.js"}');
      expect(first).toContain('precache');
      expect(first).not.toContain('__WB_MANIFEST');
      expect(first).not.toContain('__lectern');
      const [template] = readdirSync(join(cache, 'lectern-sw'));
      const made = statSync(join(cache, 'lectern-sw', template ?? '')).mtimeMs;

      w('index.html', '<p>second</p>');
      await writeServiceWorker(dist, shell, cache);
      const second = readFileSync(join(dist, 'sw.js'), 'utf8');
      expect(second).toContain(`{"revision":"${md5('<p>second</p>')}","url":"index.html"}`);
      expect(second.replace(md5('<p>second</p>'), md5('<p>first</p>'))).toBe(first);
      expect(readdirSync(join(cache, 'lectern-sw'))).toEqual([template]);
      expect(statSync(join(cache, 'lectern-sw', template ?? '')).mtimeMs).toBe(made);
    } finally {
      rmSync(dist, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('install', () => {
  it('links the manifest from any depth', () => {
    expect(offlineHead(0)).toContain('href="./manifest.webmanifest"');
    expect(offlineHead(2)).toContain('href="../../manifest.webmanifest"');
    expect(offlineHead(1)).toContain('<meta name="theme-color"');
  });

  it('writes a manifest with the course title, relative start and scope, and every icon', () => {
    const m = JSON.parse(webManifest({ title: '大语言模型导论', lang: 'zh-CN', description: '2026 春季学期' }));
    expect(m).toMatchObject({
      name: '大语言模型导论',
      short_name: '大语言模型导论',
      lang: 'zh-CN',
      start_url: './',
      scope: './',
      display: 'standalone',
    });
    expect(m.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
      'any any',
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    expect(JSON.parse(webManifest({ title: 'x'.repeat(40), lang: 'en' })).short_name).toHaveLength(24);
  });

  it('draws the maskable icon inside the safe zone', () => {
    expect(maskableSvg()).toMatch(
      /^<svg [^>]*viewBox="0 0 64 64"><rect width="64" height="64" fill="#1f5fbf"\/><svg x="6.4" y="6.4" width="51.2" height="51.2" /,
    );
  });
});
