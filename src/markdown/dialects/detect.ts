import type { Dialect } from '../../model/types.js';
import { MARP_LOCAL_DIRECTIVES } from './marp.js';

/** Which tool a deck was written for, read from its front matter as each tool would recognise its own. */

export const DIALECTS: readonly Dialect[] = ['lectern', 'reveal', 'quarto', 'marp'];

/** Front matter keys each tool reads; accepted without an "unknown key" warning in its decks. */
export const DIALECT_KEYS: Record<Dialect, readonly string[]> = {
  lectern: [],
  reveal: [
    'separator',
    'verticalSeparator',
    'notesSeparator',
    'revealOptions',
    'highlightTheme',
    'css',
    'scripts',
    'preprocessor',
    'template',
    'listingTemplate',
    'assetsDir',
    'staticDirs',
    'static',
    'glob',
    'mermaid',
  ],
  quarto: [
    'format',
    'subtitle',
    'institute',
    'execute',
    'jupyter',
    'engine',
    'knitr',
    'bibliography',
    'csl',
    'editor',
    'slide-level',
    'filters',
    'footer',
    'logo',
    'css',
    'abstract',
    'keywords',
  ],
  marp: ['marp', ...MARP_LOCAL_DIRECTIVES, 'size', 'style', 'math', 'headingDivider', 'transition'],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Quarto's `format: revealjs`, `format: {revealjs: …}`, or a list of formats holding revealjs. */
export function quartoFormat(format: unknown): Record<string, unknown> | undefined {
  if (format === 'revealjs') return {};
  if (Array.isArray(format) && format.includes('revealjs')) return {};
  if (isRecord(format) && 'revealjs' in format) return isRecord(format.revealjs) ? format.revealjs : {};
  return undefined;
}

/**
 * `dialect:` wins; then `marp: true`; Quarto's `format: revealjs`; reveal-md's `revealOptions` or
 * separator keys. Anything else is Lectern's own Markdown.
 */
export function detectDialect(data: Record<string, unknown>): Dialect {
  const named =
    typeof data.dialect === 'string'
      ? data.dialect
          .toLowerCase()
          .replace(/[-\s]?md$/, '')
          .replace('revealjs', 'reveal')
      : '';
  if ((DIALECTS as readonly string[]).includes(named)) return named as Dialect;
  if (data.marp === true) return 'marp';
  if (quartoFormat(data.format) !== undefined) return 'quarto';
  if ('revealOptions' in data || 'separator' in data || 'verticalSeparator' in data || 'notesSeparator' in data) return 'reveal';
  return 'lectern';
}
