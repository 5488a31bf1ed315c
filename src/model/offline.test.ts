import { describe, expect, it } from 'vitest';
import { appIconFile, cacheFor, pageKey } from './offline.js';

describe('offline cache rules', () => {
  it('sends pages, hashed files and images to their caches, whatever the sub-path and query', () => {
    expect(cacheFor('https://me.github.io/course/part-1/intro/?view=read#slide-3')).toBe('pages');
    expect(cacheFor('http://127.0.0.1:4173/intro/')).toBe('pages');
    expect(cacheFor('http://127.0.0.1:4173/404.html')).toBe('pages');
    expect(cacheFor('https://me.github.io/course/assets/main-Cnc4M3cV.js')).toBe('hashed');
    expect(cacheFor('https://h/assets/mermaid/chunks/mermaid.esm.min/chunk-NYALJP3A.mjs')).toBe('hashed');
    expect(cacheFor('https://h/assets/fonts/noto-sans-sc-400-58e5067de1.woff2')).toBe('hashed');
    expect(cacheFor('https://h/assets/search-157b45c207.json')).toBe('hashed');
    expect(cacheFor('https://h/assets/figure.png')).toBe('files');
    expect(cacheFor('https://h/intro/figs/Plot.JPG?v=2')).toBe('files');
  });

  it('keeps no PDF, media or other file', () => {
    expect(cacheFor('https://h/pdf/intro.pdf')).toBeUndefined();
    expect(cacheFor('https://h/pdf/cover.png')).toBeUndefined();
    expect(cacheFor('https://h/assets/talk.mp4')).toBeUndefined();
    expect(cacheFor('https://h/sw.js')).toBeUndefined();
  });

  it('one key per page whatever its view', () => {
    expect(pageKey('https://h/c/intro/?view=read#slide-2')).toBe('https://h/c/intro/');
    expect(pageKey('https://h/c/intro/#/slide-4')).toBe('https://h/c/intro/');
  });

  it('names the icons by size and purpose', () => {
    expect(appIconFile({ size: 192, purpose: 'any' })).toBe('icons/icon-192.png');
    expect(appIconFile({ size: 512, purpose: 'maskable' })).toBe('icons/maskable-512.png');
  });
});
