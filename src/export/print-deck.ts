/**
 * One deck printed to one PDF file: load the built page in Chromium, wait until everything is drawn, check
 * what a reader would miss (undrawn diagrams, broken images: errors; overflow: warnings), print, set the
 * PDF's metadata and write it whole (beside the target, then renamed). `exportPdf` runs several at once.
 */
import { join } from 'node:path';
import type * as PdfLib from 'pdf-lib';
import { encodePath } from '../model/deck-path.js';
import { SLIDE_SIZE } from '../model/page.js';
import { pdfFileName } from '../project/pdfs.js';
import { setPageLabels } from './page-labels.js';
import type { PrintContexts } from './print-contexts.js';
import { inspect, PdfExportError, type PdfKind, queryFor, waitUntilReady } from './print-page.js';
import { writeAtomically } from './write-atomic.js';

export type ProgressEvent =
  | { type: 'build'; reason: string }
  | { type: 'built'; ms: number }
  | { type: 'start'; slug: string; kind: PdfKind; index: number; total: number }
  | { type: 'step'; slug: string; kind: PdfKind; step: 'loading' | 'printing' | 'writing' }
  | { type: 'done'; result: ExportResult; index: number; total: number };

export interface ExportResult {
  slug: string;
  kind: PdfKind;
  /** Absolute path of the written PDF. */
  file: string;
  pages: number;
  /** Slides in the deck (leaf sections). */
  slides: number;
  bytes: number;
  ms: number;
  /** Problems that did not stop the export (a diagram with a syntax error, a slide whose content overflows). */
  warnings: string[];
}

export interface PrintOptions {
  fragments: boolean;
  ink: boolean;
  outDir: string;
  timeoutMs: number;
  progress: (e: ProgressEvent) => void;
  pdfLib: Promise<typeof PdfLib>;
}

export async function printOne(
  contexts: PrintContexts,
  baseUrl: string,
  slug: string,
  kind: PdfKind,
  opts: PrintOptions,
): Promise<ExportResult> {
  const started = performance.now();
  const warnings: string[] = [];
  // Printing needs nothing beyond the local server: the rest is blocked, as a hall without internet would.
  const { page, blocked, close } = await contexts.open(kind);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    opts.progress({ type: 'step', slug, kind, step: 'loading' });
    const url = `${baseUrl}/${encodePath(slug)}/${queryFor(kind, opts.fragments && kind === 'slides', opts.ink)}`;
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs });
    if (!response?.ok()) throw new PdfExportError(`${url} answered ${response?.status() ?? 'nothing'}`);
    await waitUntilReady(page, kind, opts.timeoutMs, errors);
    const report = await inspect(page, kind, opts.fragments);

    const blank = report.diagrams.filter((d) => d.state !== 'error' && (d.state !== 'rendered' || d.width < 1 || d.height < 1));
    if (blank.length) {
      throw new PdfExportError(
        `diagram(s) not drawn: ${blank.map((d) => `${d.where} (${d.state}, ${Math.round(d.width)}×${Math.round(d.height)})`).join(', ')}`,
      );
    }
    if (report.brokenImages.length) {
      const shown = (src: string) => (src.length > 60 ? `${src.slice(0, 57)}…` : src);
      throw new PdfExportError(
        report.brokenImages.map((i) => `image ${shown(i.src)} failed to load (${i.where})`).join(', ') +
          ': the PDF would show a blank in its place; fix the file or the path',
      );
    }
    for (const d of report.diagrams.filter((d) => d.state === 'error'))
      warnings.push(`${d.where}: diagram has an error (printed as an error box)`);
    for (const where of report.overflowing)
      warnings.push(`${where}: content is taller than the ${kind === 'slides' ? 'slide' : 'handout box'} and is cut off`);
    if (report.lateSteps) {
      warnings.push(
        "diagram steps were drawn after reveal's print layout: they are not separate pages (draw diagrams before Reveal.initialize in print view)",
      );
    }
    if (blocked.length) warnings.push(`blocked ${blocked.length} request(s) outside the site, e.g. ${blocked[0]}`);

    opts.progress({ type: 'step', slug, kind, step: 'printing' });
    const printed = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      ...(kind === 'slides' ? { width: `${SLIDE_SIZE.width}px`, height: `${SLIDE_SIZE.height}px` } : { format: 'A4' }),
    });

    opts.progress({ type: 'step', slug, kind, step: 'writing' });
    const lib = await opts.pdfLib;
    const pdf = await lib.PDFDocument.load(printed, { updateMetadata: false });
    const pages = pdf.getPageCount();
    const expected = report.layoutPages || (kind === 'slides' && !opts.fragments ? report.slides : 0);
    if (kind === 'slides' && !opts.fragments && pages !== report.slides) {
      throw new PdfExportError(`the PDF has ${pages} pages for ${report.slides} slides`);
    }
    if (expected && pages !== expected) throw new PdfExportError(`the PDF has ${pages} pages, the layout ${expected}`);

    const title = report.title || slug;
    pdf.setTitle(kind === 'handout' ? `${title} (handout)` : title, { showInWindowTitleBar: true });
    if (report.author) pdf.setAuthor(report.author);
    pdf.setSubject(kind === 'handout' ? `${title}: slides with speaker notes` : title);
    pdf.setCreator('Lectern');
    pdf.setProducer('Lectern (Chromium, pdf-lib)');
    if (report.lang) pdf.setLanguage(report.lang);
    pdf.setKeywords(report.tags.length ? report.tags : ['lecture', slug]);
    setPageLabels(lib, pdf, report.pageLabels);
    const now = new Date();
    pdf.setCreationDate(now);
    pdf.setModificationDate(now);
    const bytes = await pdf.save();

    // Written beside the target and renamed: a failed export never leaves half a PDF or eats the old one.
    const file = join(opts.outDir, pdfFileName(slug, kind));
    await writeAtomically(file, bytes);
    return {
      slug,
      kind,
      file,
      pages,
      slides: report.slides,
      bytes: bytes.byteLength,
      ms: Math.round(performance.now() - started),
      warnings,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new PdfExportError(`${slug} (${kind}): ${message}`, { cause: err });
  } finally {
    await close();
  }
}
