/**
 * The installed app's identity: the web app manifest (course title, theme colour, icons) and its PNG icons,
 * rendered at build from the site icon (`FAVICON_SVG`) with resvg (WebAssembly: no native module, no
 * browser needed, so a plain `lectern build` makes them).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { APP_ICONS, appIconFile, BACKGROUND_COLOR, THEME_COLOR } from '../model/offline.js';
import { FAVICON } from '../model/site.js';
import { FAVICON_SVG } from './site-files.js';

let ready: Promise<void> | undefined;
function resvg(): Promise<void> {
  ready ??= readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')).then((wasm) => initWasm(wasm));
  return ready;
}

/**
 * A maskable icon's picture must sit in the middle 80 % (launchers crop it to a circle, a squircle…): the
 * icon drawn at 80 % on a square of its own blue.
 */
export function maskableSvg(svg: string = FAVICON_SVG): string {
  const inner = svg.trim().replace('<svg ', '<svg x="6.4" y="6.4" width="51.2" height="51.2" ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${THEME_COLOR}"/>${inner}</svg>`;
}

/** The icons never change within a process: `vite build --watch` draws them once. */
let drawn: Promise<Map<string, Uint8Array>> | undefined;

/** Every icon of `APP_ICONS` as PNG bytes, by file name. */
export function renderAppIcons(): Promise<Map<string, Uint8Array>> {
  drawn ??= drawAppIcons();
  drawn.catch(() => {
    drawn = undefined;
  });
  return drawn;
}

async function drawAppIcons(): Promise<Map<string, Uint8Array>> {
  await resvg();
  const out = new Map<string, Uint8Array>();
  for (const icon of APP_ICONS) {
    const svg = icon.purpose === 'maskable' ? maskableSvg() : FAVICON_SVG;
    const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: icon.size } }).render();
    out.set(appIconFile(icon), rendered.asPng());
    rendered.free();
  }
  return out;
}

export interface ManifestInput {
  title: string;
  lang: string;
  description?: string;
}

/** The web app manifest (addresses relative to it: it sits at the site root). */
export function webManifest(input: ManifestInput): string {
  const short = input.title.length > 24 ? `${input.title.slice(0, 23).trimEnd()}…` : input.title;
  return `${JSON.stringify(
    {
      name: input.title,
      short_name: short,
      ...(input.description ? { description: input.description } : {}),
      lang: input.lang,
      id: './',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      icons: [
        { src: FAVICON, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ...APP_ICONS.map((i) => ({ src: appIconFile(i), sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
      ],
    },
    null,
    2,
  )}\n`;
}
