/**
 * The one Vite configuration of a course. A course is any folder with
 * `slides/` and `assets/`; it has no vite.config of its own: `lectern dev|build|preview` and the exporters
 * pass `courseConfig(dir)` to Vite's JS API, and this checkout's vite.config.ts returns the same.
 */
import { join } from 'node:path';
import type { InlineConfig } from 'vite';
import { katexWoff2Only, prebuiltMermaid } from './build-plugins.js';
import { offline } from './offline.js';
import { lectern } from './plugin.js';

/**
 * Vite's configuration for the course in `root`: pages from `root/slides`, output in `root/dist`, caches
 * (optimized deps, font subsets) in `root/node_modules/.vite`, nothing written into the package. `publish`: see
 * `LecternOptions.publish`.
 */
export function courseConfig(root: string, options: { publish?: boolean } = {}): InlineConfig {
  return {
    root,
    configFile: false,
    cacheDir: join(root, 'node_modules', '.vite'),
    plugins: [lectern({ root, ...options }), prebuiltMermaid(), katexWoff2Only(), offline()],
  };
}
