import { cpSync } from 'node:fs';
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

export function prebuiltMermaid(): Plugin {
  const dist = MERMAID_DIST;
  let assetsDir = 'assets';
  return {
    name: PREBUILT_MERMAID,
    apply: 'build',
    config: () => ({
      build: { rollupOptions: { external: ['mermaid'], output: { paths: { mermaid: `./mermaid/${MERMAID_ENTRY}` } } } },
    }),
    configResolved(config) {
      assetsDir = config.build.assetsDir;
    },
    writeBundle(options) {
      const out = join(options.dir ?? 'dist', assetsDir, 'mermaid');
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
