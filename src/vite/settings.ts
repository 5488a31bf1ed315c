/** The Vite settings every course gets from the plugin's `config` hook. */
import { join } from 'node:path';
import { searchForWorkspaceRoot, type UserConfig } from 'vite';
import { INSTALLED, PACKAGE_ROOT, RUNTIME_DIR } from './package.js';

/**
 * The Vite settings the plugin gives every course in `root`: a multi-page app of the generated pages (`input`),
 * served on loopback, the browser code read from the package. `open`: the page `vite --open` opens.
 */
export function viteSettings(root: string, input: Record<string, string>, open: string | undefined): UserConfig {
  return {
    appType: 'mpa',
    base: './',
    // The browser code lives in the package, which may be outside the course (a linked install).
    server: { host: '127.0.0.1', fs: { allow: [searchForWorkspaceRoot(root), PACKAGE_ROOT] }, ...(open ? { open } : {}) },
    // Pages are virtual, so Vite's dependency scan would find nothing and re-optimize (and reload the
    // open deck) on the first visit: scan the browser code instead. Vite's scan skips node_modules/,
    // so an installed package names the browser's packages (hoisted beside it) instead.
    optimizeDeps: INSTALLED
      ? { include: ['reveal.js', 'mermaid'] }
      : { entries: [join(RUNTIME_DIR, '*.ts'), `!${join(RUNTIME_DIR, '*.test.ts')}`] },
    preview: { host: '127.0.0.1' },
    // The build empties the output directory itself, keeping the PDFs `npm run pdf` exported (see buildStart).
    build: { rollupOptions: { input }, emptyOutDir: false },
  };
}
