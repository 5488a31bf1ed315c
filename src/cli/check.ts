/**
 * `npm run check [-- --json]`: every authoring problem in every deck, as `slides/x.md:12: message`.
 * Exit status 1 when any is an error, 0 with warnings only.
 */
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../model/types.js';
import { checkDiagrams } from '../project/mermaid-check.js';
import { DeckStore, formatDiagnostic } from '../project/store.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, root: { type: 'string', default: process.cwd() } } });

const store = new DeckStore(values.root);
const decks = await store.all();
const diagnostics: Diagnostic[] = [];
for (const deck of decks) diagnostics.push(...deck.diagnostics, ...(await checkDiagrams(deck)));
diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;

if (values.json) {
  console.log(
    JSON.stringify(
      { decks: decks.map((d) => ({ slug: d.slug, file: d.file, slides: d.slides.length })), diagnostics, errors, warnings },
      null,
      2,
    ),
  );
} else {
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const slides = decks.reduce((n, d) => n + d.slides.length, 0);
  console.log(
    `${decks.length} deck${decks.length === 1 ? '' : 's'}, ${slides} slides: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
