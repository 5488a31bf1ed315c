import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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
export function emptyKeepingPdfs(config: ResolvedConfig, keep: readonly string[] = []): void {
  const out = resolve(config.root, config.build.outDir);
  const rel = relative(config.root, out);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || !existsSync(out)) return;
  // `keep`: folders (paths under the output directory) a later step checks and reuses itself.
  const sweep = (dir: string, under: string) => {
    for (const name of readdirSync(dir)) {
      const path = under ? `${under}/${name}` : name;
      if ((!under && EXPORTED_DIRS.includes(name)) || keep.includes(path)) continue;
      const full = resolve(dir, name);
      if (keep.some((k) => k.startsWith(`${path}/`)) && statSync(full).isDirectory()) sweep(full, path);
      else rmSync(full, { recursive: true, force: true });
    }
  };
  sweep(out, '');
}
