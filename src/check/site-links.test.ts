import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSiteLinks } from './site-links.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-links-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const deck = (body: string, head = '') =>
  `<!doctype html><html><head>${head}<link rel="icon" href="../favicon.svg"></head><body><div class="reveal"><div class="slides">${body}</div></div></body></html>`;

describe('site link check', () => {
  it('accepts a site whose every address resolves, and a lecture’s own external links', () => {
    const dir = site({
      'index.html':
        '<a href="./intro/">x</a> <a href="./intro/?view=read#slide-2">y</a> <img src="./assets/a.png" srcset="./assets/a.png 1x, ./assets/a.png 2x">',
      'favicon.svg': '<svg/>',
      'assets/a.png': 'png',
      'assets/s.css': '@font-face{src:url(./f.woff2)} .x{background:url("a.png")}',
      'assets/f.woff2': 'w',
      'intro/index.html': deck(
        '<section id="slide-1" data-source="slides/intro.md:3"><a href="https://example.org/paper">paper</a><aside class="notes"><a href="http://x.org">n</a></aside></section><section id="slide-2"><a href="#slide-1">back</a><a href="../">home</a></section>',
        '<link rel="stylesheet" href="../assets/s.css"><script type="application/json" id="lectern-deck">{"slug":"intro","title":"t","lang":"en","hasMermaid":false,"course":{"home":"../"}}</script>',
      ),
    });
    const r = checkSiteLinks(dir);
    expect(r.problems).toEqual([]);
    expect(r.links).toBeGreaterThan(10);
  });

  it('names each broken address: missing file, missing slide anchor, absolute path, outside the site, out of the root', () => {
    const dir = site({
      'index.html': '<a href="./pdf/intro.pdf">PDF</a> <a href="./intro/?view=read#slide-9">s</a> <link rel="icon" href="/favicon.svg">',
      'intro/index.html': deck(
        '<section id="slide-1" data-source="slides/intro.md:7"><img src="../assets/gone.png"></section>',
        '<script src="https://cdn.example.org/x.js"></script><meta property="og:image" content="../../og/intro.png"><script type="application/json" id="lectern-deck">{"slug":"intro","title":"t","lang":"en","hasMermaid":false,"course":{"home":"../","next":{"href":"../two/","title":"Two"}},"searchIndex":"../assets/search-0123456789.json"}</script>',
      ),
      'assets/s.css': '.x{background:url(./missing.woff2)}',
    });
    const r = checkSiteLinks(dir);
    const got = r.problems.map(
      (p) => `${p.page} ${p.url}: ${p.reason.split(' (')[0]}${p.source ? ` @${p.source.file}:${p.source.line}` : ''}`,
    );
    expect(got.sort()).toEqual(
      [
        'assets/s.css ./missing.woff2: no such file in the site',
        'index.html ./pdf/intro.pdf: no such file in the site',
        'index.html ./intro/?view=read#slide-9: no element #slide-9 in intro/index.html',
        'index.html /favicon.svg: absolute path: breaks when the site is served under a sub-path; use a relative address',
        'intro/index.html ../favicon.svg: no such file in the site',
        'intro/index.html https://cdn.example.org/x.js: points outside the site',
        'intro/index.html ../../og/intro.png: leads out of the site',
        'intro/index.html ../two/: no such file in the site',
        'intro/index.html ../assets/search-0123456789.json: no such file in the site',
        'intro/index.html ../assets/gone.png: no such file in the site @slides/intro.md:7',
      ].sort(),
    );
  });

  it('reads addresses under the published url as the site’s own files', () => {
    const dir = site({
      'index.html':
        '<meta property="og:image" content="https://me.github.io/course/og/a.png"><meta property="og:url" content="https://me.github.io/course/">',
      'og/a.png': 'png',
      'intro/index.html': '<meta property="og:image" content="https://me.github.io/course/og/b.png">',
    });
    const r = checkSiteLinks(dir, 'https://me.github.io/course/');
    expect(r.problems.map((p) => `${p.page} ${p.url}`)).toEqual(['intro/index.html https://me.github.io/course/og/b.png']);
  });
});
