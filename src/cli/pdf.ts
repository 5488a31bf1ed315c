/**
 * `npm run pdf [-- <slug>…] [--handout] [--slides] [--fragments] [--no-ink] [--out DIR] [--build|--no-build]`
 * Thin command line over exportPdf (src/export/pdf.ts).
 */
import { cleanStaleTemporaries, exportPdf, PdfExportError, type PdfKind, type ProgressEvent } from '../export/pdf.js';
import { commandArgs, wholeNumber } from './args.js';
import { buildLine, pdfLine, seconds, timeoutMs } from './progress.js';

const USAGE = `Usage: npm run pdf -- [slug…] [options]

Prints decks to PDF in dist/pdf/ (builds the site first when it is out of date).

  slug…          decks to print (default: all)
  --handout      A4 handout: each slide with its speaker notes (<slug>-handout.pdf)
  --slides       the slides (default; give with --handout to get both)
  --fragments    one page per fragment step instead of one per slide
  --no-ink       leave out the lecturer's saved ink (slides/<slug>.ink.json), printed by default
                 on the slides and the handout
  --out DIR      write the PDFs to DIR instead of dist/pdf
  --build        always build first;  --no-build  never build
  --timeout S    seconds to wait for a deck to become ready (default 60)
  --jobs N       pages printed at the same time (default: one per core, 2 to 4)
  -h, --help     this text`;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

let finished = 0;

function report(event: ProgressEvent): void {
  const build = buildLine(event);
  if (build) console.log(build);
  switch (event.type) {
    case 'start':
    case 'step':
      // Several decks print at once: a line per finished PDF says it all.
      break;
    case 'done': {
      const r = event.result;
      const what = r.kind === 'slides' && r.pages !== r.slides ? `${r.pages} pages, ${r.slides} slides` : `${r.pages} pages`;
      finished += 1;
      console.log(pdfLine(finished, event.total, r, `${what}, ${size(r.bytes)}`));
      for (const w of r.warnings) console.warn(`      warning: ${w}`);
      break;
    }
  }
}

async function main(): Promise<number> {
  const parsed = commandArgs(USAGE, {
    handout: { type: 'boolean' },
    slides: { type: 'boolean' },
    fragments: { type: 'boolean' },
    'no-ink': { type: 'boolean' },
    out: { type: 'string' },
    build: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    timeout: { type: 'string' },
    jobs: { type: 'string' },
  });
  if (!parsed) return Number(process.exitCode ?? 0);
  const { values, positionals } = parsed;
  const timeout = timeoutMs(values.timeout);
  if (timeout === undefined) return 2;
  const jobs = values.jobs === undefined ? undefined : wholeNumber('jobs', values.jobs, 1);
  if (values.jobs !== undefined && jobs === undefined) return 2;
  const kinds: PdfKind[] = [];
  if (values.slides || !values.handout) kinds.push('slides');
  if (values.handout) kinds.push('handout');

  const started = performance.now();
  try {
    const outDir = values.out;
    const results = await exportPdf({
      slugs: positionals,
      kinds,
      fragments: values.fragments,
      ink: !values['no-ink'],
      ...(outDir ? { outDir } : {}),
      build: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
      timeoutMs: timeout,
      ...(jobs ? { concurrency: jobs } : {}),
      onProgress: report,
    });
    if (results[0]) await cleanStaleTemporaries(results[0].file.replace(/[/\\][^/\\]+$/, ''));
    console.log(`Done: ${results.length} PDF${results.length === 1 ? '' : 's'} in ${seconds(performance.now() - started)}.`);
    return 0;
  } catch (err) {
    if (process.stdout.isTTY) process.stdout.write('\x1b[2K');
    if (err instanceof PdfExportError) console.error(`PDF export failed: ${err.message}`);
    else console.error('PDF export failed:', err);
    return 1;
  }
}

process.exitCode = await main();
