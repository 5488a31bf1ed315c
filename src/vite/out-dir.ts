import { existsSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ResolvedConfig } from 'vite';

/** Where the PDFs go in the site (`dist/pdf/`), see src/export/pdf.ts. */
export const PDF_DIR = 'pdf';

/**
 * What Vite's `emptyOutDir` does, except for `pdf/`: a plain `npm run build` must not delete the PDFs the
 * lecturer exported (the home page links those that are there). Only an output directory inside the
 * project is emptied, as Vite does.
 */
export function emptyKeepingPdfs(config: ResolvedConfig): void {
  const out = resolve(config.root, config.build.outDir);
  const rel = relative(config.root, out);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || !existsSync(out)) return;
  for (const name of readdirSync(out)) {
    if (name === PDF_DIR) continue;
    rmSync(resolve(out, name), { recursive: true, force: true });
  }
}
