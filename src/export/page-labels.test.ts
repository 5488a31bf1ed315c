import * as lib from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPageLabels, setPageLabels } from './page-labels.js';

const labelsOf = async (bytes: Uint8Array) => readPageLabels(lib, await lib.PDFDocument.load(bytes));

describe('PDF page labels', () => {
  it("labels each page with its slide's number, several pages of one slide alike", async () => {
    const pdf = await lib.PDFDocument.create();
    for (let i = 0; i < 5; i++) pdf.addPage([1280, 720]);
    setPageLabels(lib, pdf, ['1', '2', '2', '2', '3']);
    expect(await labelsOf(await pdf.save())).toEqual(['1', '2', '2', '2', '3']);
  });

  it('leaves a PDF whose page count does not match alone', async () => {
    const pdf = await lib.PDFDocument.create();
    pdf.addPage();
    setPageLabels(lib, pdf, ['1', '2']);
    expect(pdf.catalog.has(lib.PDFName.of('PageLabels'))).toBe(false);
  });
});
