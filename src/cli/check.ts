/**
 * `npm run check [-- --json] [-- --no-browser] [-- <slug>…]`: every problem in every deck, as
 * `slides/x.md:12: message`. Build-time diagnostics and Mermaid syntax first; then, when a Chromium is
 * available, every slide as a viewer sees it (src/check/visual.ts). Exit 1 on any error, 0 with warnings only.
 */
import { withoutRepeats } from '../check/repeats.js';
import { siteLinkDiagnostics } from '../check/site-diagnostics.js';
import { canCheckVisually, checkVisual, type VisualReport } from '../check/visual.js';
import type { Diagnostic } from '../model/types.js';
import { checkDiagrams } from '../project/mermaid-check.js';
import { DeckStore, formatDiagnostic } from '../project/store.js';
import { glyphDiagnostics } from '../vite/fonts.js';
import { commandArgs } from './args.js';

const USAGE = `Usage: lectern check [DIR] [slug…] [options]

Every problem in every deck (or in the slugs given), as slides/x.md:12: message. Exit code 1 on any error.

  --json         the decks and diagnostics as JSON
  --no-browser   skip looking at every slide in Chromium (overflow, undrawn diagrams, missing glyphs…)
  -h, --help     this text`;

const parsed = commandArgs(USAGE, {
  json: { type: 'boolean', default: false },
  'no-browser': { type: 'boolean', default: false },
  root: { type: 'string', default: process.cwd() },
});
if (!parsed) process.exit();
const { values, positionals } = parsed;

const store = new DeckStore(values.root);
const decks = (await store.all()).filter((d) => positionals.length === 0 || positionals.includes(d.slug));
const diagnostics: Diagnostic[] = [];
for (const deck of decks)
  diagnostics.push(...deck.diagnostics, ...(await checkDiagrams(deck)), ...(await glyphDiagnostics(deck.file, store.text(deck.file))));

let visual: VisualReport | undefined;
let skipped: string | undefined;
if (values['no-browser']) skipped = 'asked to skip (--no-browser)';
else if (!canCheckVisually()) skipped = 'no Chromium found (set LECTERN_CHROMIUM or run `npx playwright install chromium`)';
else {
  const log = (msg: string) => values.json || console.error(msg);
  visual = await checkVisual({
    root: values.root,
    slugs: decks.map((d) => d.slug),
    onProgress: (e) => (e.type === 'build' ? log(`building the site first: ${e.reason}`) : undefined),
  });
  const fences = decks.flatMap((d) =>
    d.diagrams.map((g) => ({ file: d.file, line: g.line, lines: g.source.split('\n').length - g.srcLines + 1 })),
  );
  diagnostics.push(...withoutRepeats(visual.diagnostics, diagnostics, fences));
}

// Every address in every built page resolves (the site as it would be published), once dist/ is up to date.
const links = siteLinkDiagnostics(values.root);
diagnostics.push(...links.diagnostics);

diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;

if (values.json) {
  const browser = visual ? { ms: visual.ms, ...(visual.buildMs !== undefined ? { buildMs: visual.buildMs } : {}) } : { skipped };
  console.log(
    JSON.stringify(
      {
        decks: decks.map((d) => ({ slug: d.slug, file: d.file, slides: d.slides.length })),
        diagnostics,
        errors,
        warnings,
        browser,
        siteLinks: links.checked ?? { skipped: links.skipped },
      },
      null,
      2,
    ),
  );
} else {
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const slides = decks.reduce((n, d) => n + d.slides.length, 0);
  const looked = visual
    ? `, every slide looked at in Chromium in ${(visual.ms / 1000).toFixed(1)} s`
    : `; slides not looked at: ${skipped}`;
  const linked = links.checked
    ? `; ${links.checked.links} addresses in ${links.checked.pages} built pages and stylesheets checked`
    : `; site links not checked: ${links.skipped}`;
  console.log(
    `${decks.length} deck${decks.length === 1 ? '' : 's'}, ${slides} slide${slides === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${looked}${linked}`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
