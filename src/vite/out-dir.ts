import { existsSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ResolvedConfig } from 'vite';
import { EXPORTED_DIRS, PDF_DIR } from '../model/site.js';

/** Where the PDFs go in the site (`dist/pdf/`), see src/export/pdf.ts. */
export { PDF_DIR };

/**
 * What Vite's `emptyOutDir` does, except for what the exporters made (`pdf/`, `og/`): a plain
 * `npm run build` must not delete the PDFs and preview images the lecturer exported (the pages link those
 * that are there). Only an output directory inside the project is emptied, as Vite does.
 */
export function emptyKeepingPdfs(config: ResolvedConfig): void {
  const out = resolve(config.root, config.build.outDir);
  const rel = relative(config.root, out);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || !existsSync(out)) return;
  for (const name of readdirSync(out)) {
    if (EXPORTED_DIRS.includes(name)) continue;
    rmSync(resolve(out, name), { recursive: true, force: true });
  }
}
