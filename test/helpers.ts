import { JSDOM } from 'jsdom';
import { compileDeck } from '../src/markdown/compile.js';
import type { CompileContext, Deck } from '../src/model/types.js';

/** A project in memory: asset files by project-relative path, and the decks that exist. */
export function memoryContext(assets: Record<string, string> = {}, slugs: string[] = ['deck']): CompileContext {
  return {
    root: '/project',
    slugs: new Set(slugs),
    readAsset: (rel) => assets[rel],
    assetExists: (rel) => rel in assets,
    assetFiles: () => Object.keys(assets).filter((p) => p.startsWith('assets/')),
  };
}

export async function compile(markdown: string, ctx = memoryContext()): Promise<Deck> {
  return compileDeck('slides/deck.md', markdown, ctx);
}

/** A slide's HTML as a DOM fragment, to query like a viewer would see it. */
const { document } = new JSDOM('<!doctype html>', { url: 'http://127.0.0.1/deck/' }).window;

export function dom(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = `<div>${html}</div>`;
  return template.content;
}

export function messages(deck: Deck): string[] {
  return deck.diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`);
}
