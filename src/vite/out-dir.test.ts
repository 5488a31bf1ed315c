import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { keptFolders } from './build-plugins.js';
import { emptyKeepingPdfs } from './out-dir.js';

describe('a build empties its output folder', () => {
  it('but for the exported PDFs and preview images, and the folders a build step reuses itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'lectern-out-'));
    try {
      const dist = join(root, 'dist');
      for (const f of ['index.html', 'a/index.html', 'assets/main-AAAAAAAA.js', 'assets/mermaid/chunks/x.mjs', 'pdf/a.pdf', 'og/a.png']) {
        mkdirSync(join(dist, f, '..'), { recursive: true });
        writeFileSync(join(dist, f), 'x');
      }
      emptyKeepingPdfs({ root, build: { outDir: 'dist' } } as ResolvedConfig, keptFolders('assets'));
      expect(readdirSync(dist).sort()).toEqual(['assets', 'og', 'pdf']);
      expect(readdirSync(join(dist, 'assets'))).toEqual(['mermaid']);
      expect(existsSync(join(dist, 'assets/mermaid/chunks/x.mjs'))).toBe(true);
      emptyKeepingPdfs({ root, build: { outDir: 'dist' } } as ResolvedConfig);
      expect(readdirSync(dist).sort()).toEqual(['og', 'pdf']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
