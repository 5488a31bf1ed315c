import type * as PdfLib from 'pdf-lib';

/**
 * Gives each page of a PDF a label (the `/PageLabels` number tree, PDF 1.7 §12.4.2): a viewer's page box
 * then shows the slide number ("12") instead of the page's position, also when `--fragments` prints a
 * slide over several pages. Consecutive pages with the same label share one range. Labels are prefixes
 * with no numbering style, so any text works.
 */
export function setPageLabels(lib: typeof PdfLib, pdf: PdfLib.PDFDocument, labels: string[]): void {
  if (!labels.length || labels.length !== pdf.getPageCount()) return;
  const nums: PdfLib.PDFObject[] = [];
  labels.forEach((label, i) => {
    if (i > 0 && labels[i - 1] === label) return;
    nums.push(lib.PDFNumber.of(i), pdf.context.obj({ P: lib.PDFHexString.fromText(label) }));
  });
  pdf.catalog.set(lib.PDFName.of('PageLabels'), pdf.context.obj({ Nums: nums }));
}

/** The label of every page, read back from a PDF's `/PageLabels` prefixes ('' where there is none). */
export function readPageLabels(lib: typeof PdfLib, pdf: PdfLib.PDFDocument): string[] {
  const nums = pdf.catalog.lookupMaybe(lib.PDFName.of('PageLabels'), lib.PDFDict)?.lookupMaybe(lib.PDFName.of('Nums'), lib.PDFArray);
  const starts: [number, string][] = [];
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const prefix = nums.lookup(i + 1, lib.PDFDict).lookupMaybe(lib.PDFName.of('P'), lib.PDFString, lib.PDFHexString);
    starts.push([nums.lookup(i, lib.PDFNumber).asNumber(), prefix?.decodeText() ?? '']);
  }
  return Array.from({ length: pdf.getPageCount() }, (_, page) => starts.findLast(([s]) => s <= page)?.[1] ?? '');
}
