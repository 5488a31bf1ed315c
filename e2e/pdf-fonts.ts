import { PDFDict, type PDFDocument, PDFName } from 'pdf-lib';

/** Names of the embedded font programs (FontDescriptors with a FontFile*). */
export async function embeddedFonts(pdf: PDFDocument): Promise<string[]> {
  const names: string[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => obj.has(PDFName.of(k)));
    if (embedded) names.push(String(obj.get(PDFName.of('FontName'))));
  }
  return names;
}
