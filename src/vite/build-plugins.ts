import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { MERMAID_DIST, MERMAID_ENTRY } from './mermaid-modules.js';

/**
 * Mermaid ships a minified, self-contained ES module build (`dist/mermaid.esm.min.mjs` and its
 * chunks). Bundling Mermaid again was most of `vite build`'s time and memory (a hundred chunks, ELK's
 * 1.6 MB), so the build copies that prebuilt build to `assets/mermaid/` unchanged and points
 * `import('mermaid')` at it. It is still loaded only when a diagram is near. The dev server keeps
 * Vite's usual pre-bundled copy.
 */
export const PREBUILT_MERMAID = 'lectern:prebuilt-mermaid';
/** Mermaid's folder in the site's assets folder. */
export const MERMAID_DIR = 'mermaid';

/** Folders of the output directory a build does not empty: the plugins below check and reuse them. */
export const keptFolders = (assetsDir: string): string[] => [`${assetsDir}/${MERMAID_DIR}`];

export function prebuiltMermaid(): Plugin {
  const dist = MERMAID_DIST;
  let assetsDir = 'assets';
  return {
    name: PREBUILT_MERMAID,
    apply: 'build',
    config: () => ({
      build: { rollupOptions: { external: ['mermaid'], output: { paths: { mermaid: `./${MERMAID_DIR}/${MERMAID_ENTRY}` } } } },
    }),
    configResolved(config) {
      assetsDir = config.build.assetsDir;
    },
    writeBundle(options) {
      const out = join(options.dir ?? 'dist', assetsDir, MERMAID_DIR);
      // The last build's copy is kept (see `keptFolders`) and reused when it is this Mermaid's: the same entry
      // module and the same chunk files (named by content). Copying its ~100 files was most of a rebuild's writing.
      const chunks = (root: string) => {
        const dir = join(root, 'chunks', 'mermaid.esm.min');
        return existsSync(dir)
          ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
              .filter((f) => !f.endsWith('.map'))
              .sort()
          : [];
      };
      const entry = (root: string) => (existsSync(join(root, MERMAID_ENTRY)) ? readFileSync(join(root, MERMAID_ENTRY)) : undefined);
      const kept = entry(out);
      if (kept?.equals(entry(dist) ?? Buffer.alloc(0)) && chunks(out).join('\n') === chunks(dist).join('\n')) return;
      rmSync(out, { recursive: true, force: true });
      cpSync(join(dist, MERMAID_ENTRY), join(out, MERMAID_ENTRY));
      cpSync(join(dist, 'chunks', 'mermaid.esm.min'), join(out, 'chunks', 'mermaid.esm.min'), {
        recursive: true,
        filter: (src) => !src.endsWith('.map'),
      });
    },
  };
}

/**
 * KaTeX's CSS lists each of its fonts as woff2, woff and ttf; every browser that runs reveal.js takes
 * the woff2, so the other two (40 files) are left out of the build.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'lectern:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.woff\) format\("woff"\),\s*url\([^)]*\.ttf\) format\("truetype"\)/g, '');
    },
  };
}
