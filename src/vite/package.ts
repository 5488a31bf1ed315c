/**
 * Where Lectern's own files are. The browser code and the fonts are resolved from here, never from the
 * course folder, so a course in any folder (with Lectern in its node_modules, or linked) builds the same.
 */
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Lectern package: this checkout, or `node_modules/lectern` in a course. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[/\\]$/, '');

/** The browser code (src/runtime), served and bundled from the package. */
export const RUNTIME_DIR = join(PACKAGE_ROOT, 'src', 'runtime');

/** True when the package sits inside a node_modules/ (installed from git or a tarball, not linked). */
export const INSTALLED = PACKAGE_ROOT.split(sep).includes('node_modules');
