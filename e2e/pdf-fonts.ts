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

/** Embedded fonts that are not Lectern's own (Noto Sans SC and Symbols 2, KaTeX's, JetBrains Mono). */
export function systemFonts(names: string[]): string[] {
  return names.filter((name) => !/^\/?([A-Z]{6}\+)?(NotoSansSC|NotoSansSymbols2|KaTeX_|JetBrainsMono)/.test(name));
}
