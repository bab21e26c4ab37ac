import { fileURLToPath } from 'node:url';

const pdfjsRoot = new URL('../../node_modules/pdfjs-dist/', import.meta.url);

/** The text of each page of a PDF, as pdf.js (Firefox's reader) extracts it, predefined CJK CMaps included. */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: fileURLToPath(new URL('cmaps/', pdfjsRoot)),
    cMapPacked: true,
    standardFontDataUrl: fileURLToPath(new URL('standard_fonts/', pdfjsRoot)),
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}
