/**
 * Offline and install (build only; the dev server is untouched): after every other plugin has written the
 * site, the list of each lecture's files (`offline.json`), the web app manifest and its icons, and the
 * Workbox service worker precaching the shell. Each page's head links the manifest; the page registers the
 * worker itself once it is ready (src/runtime/offline.ts).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { APP_ICONS, appIconFile, cacheFor, OFFLINE_FILES, type OfflineList, THEME_COLOR } from '../model/offline.js';
import { FAVICON, ICONS_DIR } from '../model/site.js';
import { readCourseSettings } from '../project/course.js';
import { renderAppIcons, webManifest } from './app-icons.js';
import { type PageFiles, readBuiltPages } from './offline-list.js';
import { writeServiceWorker } from './service-worker.js';

/** The head tags of a page `depth` folders below the site root. */
export function offlineHead(depth: number): string {
  const up = depth ? '../'.repeat(depth) : './';
  return `<link rel="manifest" href="${up}${OFFLINE_FILES.manifest}">\n<meta name="theme-color" content="${THEME_COLOR}">\n<link rel="apple-touch-icon" href="${up}${appIconFile(APP_ICONS[0])}">\n`;
}

/**
 * The shell: the home and what it loads at once (its code, styles and the fonts of its first screen), the
 * site's own files, and all runtime code. The home's other fonts (search results' characters) and the
 * search index are kept when used, or by "Keep for offline".
 */
export function shellFiles(dist: string, assetsDir: string, home: PageFiles | undefined, searchIndex: string | undefined): string[] {
  const runtime = readdirSync(join(dist, assetsDir))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `${assetsDir}/${f}`);
  const mermaid = `${assetsDir}/mermaid/mermaid.esm.min.mjs`;
  const icons = existsSync(join(dist, ICONS_DIR)) ? readdirSync(join(dist, ICONS_DIR)).map((f) => `${ICONS_DIR}/${f}`) : [];
  const own = [home?.file ?? 'index.html', FAVICON, OFFLINE_FILES.manifest, OFFLINE_FILES.list, ...icons];
  const fromHome = (home?.eager ?? []).filter((f) => f !== searchIndex);
  return [...new Set([...own, ...runtime, ...fromHome, ...(existsSync(join(dist, mermaid)) ? [mermaid] : [])])].filter((f) =>
    existsSync(join(dist, f)),
  );
}

/** `offline.json`: each lecture's page and files not in the shell; the home's files not in it (search). */
export function offlineList(pages: PageFiles[], shell: Set<string>): OfflineList {
  const home = pages.find((p) => p.file === 'index.html');
  const lectures = pages
    .filter((p) => p.config)
    .map((p) => ({
      slug: p.config?.slug ?? '',
      title: p.config?.title ?? p.title,
      page: p.file.replace(/index\.html$/, ''),
      // Only what the worker keeps (not media, PDFs): see CACHE_RULES.
      files: p.files.filter((f) => !shell.has(f) && cacheFor(`https://site/${f}`)),
    }));
  const code = [...shell].filter((f) => /\.(js|css)$/.test(f) && cacheFor(`https://site/${f}`) === 'hashed');
  return { home: (home?.files ?? []).filter((f) => !shell.has(f)), code, lectures };
}

export function offline(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lectern:offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const depth = relative(config.root, ctx.filename).split(sep).length - 1;
        return html.replace('</head>', () => `${offlineHead(depth)}</head>`);
      },
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const dist = resolve(config.root, config.build.outDir);
        if (!existsSync(join(dist, 'index.html'))) return;
        const pages = readBuiltPages(dist, config.cacheDir);
        const home = pages.find((p) => p.file === 'index.html');
        const searchIndex = home?.files.find((f) => /\/search-[0-9a-f]+\.json$/.test(f));
        const { settings } = readCourseSettings(config.root);
        writeFileSync(
          join(dist, OFFLINE_FILES.manifest),
          webManifest({
            title: home?.title || 'Lectern',
            lang: home?.lang || 'en',
            ...(settings.description ? { description: settings.description } : {}),
          }),
        );
        for (const [file, png] of await renderAppIcons()) {
          mkdirSync(dirname(join(dist, file)), { recursive: true });
          writeFileSync(join(dist, file), png);
        }
        // The list is in the shell: written (empty of itself) before the shell is listed, filled after.
        writeFileSync(join(dist, OFFLINE_FILES.list), '{}');
        const shell = shellFiles(dist, config.build.assetsDir, home, searchIndex);
        writeFileSync(join(dist, OFFLINE_FILES.list), `${JSON.stringify(offlineList(pages, new Set(shell)))}\n`);
        const sw = await writeServiceWorker(dist, shell, config.cacheDir);
        for (const w of sw.warnings) config.logger.warn(`service worker: ${w}`);
        config.logger.info(
          `offline: ${sw.count} files precached (${(sw.size / 1024).toFixed(0)} KiB raw), ${pages.length - 1} lectures listed`,
        );
      },
    },
  };
}
