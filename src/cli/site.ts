/**
 * `npm run site [-- --jobs N] [--force]` / `lectern site [DIR]`: the complete deployable site in dist/
 * (see src/export/publish.ts). Exit 1 when an export fails or a link in the site is broken.
 */
import { parseArgs } from 'node:util';
import { problemToDiagnostic } from '../check/site-diagnostics.js';
import { PdfExportError } from '../export/print-page.js';
import { type PublishEvent, publishSite } from '../export/publish.js';
import { formatDiagnostic } from '../project/store.js';
import { buildLine, pdfLine, seconds, shown, timeoutMs } from './progress.js';

const USAGE = `Usage: npm run site -- [options]      (lectern site [DIR] [options])

Builds the complete site to publish in dist/: the pages, every lecture's PDF and handout (dist/pdf/), its
link preview image (dist/og/), the search index, 404.html and the icon; then checks every link in it.
Only what changed since the last run is redone.

  --jobs N       pages printed at the same time (default: one per core, 2 to 4)
  --force        redo everything
  --timeout S    seconds to wait for a page to become ready (default 60)
  -h, --help     this text`;

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function report(e: PublishEvent): void {
  const build = buildLine(e);
  if (build) console.log(build);
  switch (e.type) {
    case 'up-to-date':
      console.log(`PDFs, handouts and previews of all ${e.decks} lecture${e.decks === 1 ? '' : 's'} are up to date.`);
      break;
    case 'export':
      console.log(`Exporting ${e.slugs.length} lecture${e.slugs.length === 1 ? '' : 's'}: ${e.slugs.join(', ')}`);
      break;
    case 'pdf': {
      const r = e.result;
      console.log(pdfLine(e.done, e.total, r, `${r.pages} pages, ${kb(r.bytes)}`));
      for (const w of r.warnings) console.warn(`      warning: ${w}`);
      break;
    }
    case 'preview':
      console.log(`      preview ${e.slug} → ${shown(e.file)}  (${kb(e.bytes)})`);
      break;
    case 'links':
      if (e.cached) console.log('Links: unchanged since they were last found whole.');
      else
        console.log(`Links: ${e.report.links} addresses in ${e.report.pages} pages and stylesheets, ${e.report.problems.length} broken.`);
      for (const p of e.report.problems) console.error(formatDiagnostic(problemToDiagnostic(p)));
      break;
  }
}

async function main(): Promise<number> {
  let values: { jobs?: string; force?: boolean; timeout?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        jobs: { type: 'string' },
        force: { type: 'boolean' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) {
    console.error(`--jobs wants a whole number above 0, got ${values.jobs}`);
    return 2;
  }
  const timeout = timeoutMs(values.timeout);
  if (timeout === undefined) return 2;
  try {
    const r = await publishSite({ force: !!values.force, ...(jobs ? { jobs } : {}), timeoutMs: timeout, onProgress: report });
    const broken = r.links.problems.length;
    console.log(
      `${broken ? 'Site has broken links' : 'Site ready'} in dist/: ${r.decks.length} lecture${r.decks.length === 1 ? '' : 's'}${
        r.exported.length ? `, ${r.exported.length} exported` : ''
      }${r.built ? ', rebuilt' : ''} (${seconds(r.ms)}).`,
    );
    return broken ? 1 : 0;
  } catch (err) {
    if (err instanceof PdfExportError) console.error(`lectern site: ${err.message}`);
    else console.error('lectern site failed:', err);
    return 1;
  }
}

process.exitCode = await main();
