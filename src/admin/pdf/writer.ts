/**
 * A minimal PDF writer for printed sheets: A4 pages of text and lines, no font file. Traditional
 * Chinese uses the PDF's predefined CJK font MSung-Light (Adobe-CNS1, encoding UniCNS-UCS2-H, text as
 * UTF-16BE hex), which every conforming reader supplies; ASCII uses the standard Courier, so account
 * names and passwords print in a fixed-width face where 0/O and 1/l are told apart by the generator.
 * Pure: bytes in, bytes out.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;

export type PdfItem =
  | { kind: 'text'; x: number; y: number; size: number; text: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; dash?: number; width?: number };

export interface PdfPage {
  items: PdfItem[];
}

const CJK = 'F1';
const LATIN = 'F2';
/** Em fractions: MSung-Light's CNS1 glyphs are full width; Courier is 600/1000 for every character. */
const CJK_ADVANCE = 1;
const LATIN_ADVANCE = 0.6;

const isAscii = (ch: string) => ch.charCodeAt(0) < 0x80;

/** The runs of one line: ASCII in Courier, everything else in MSung-Light (outside the BMP: 「?」). */
export function runsOf(text: string): { font: 'F1' | 'F2'; text: string }[] {
  const runs: { font: 'F1' | 'F2'; text: string }[] = [];
  for (const raw of text) {
    const ch = raw.length > 1 ? '?' : raw;
    const font = isAscii(ch) ? LATIN : CJK;
    const last = runs.at(-1);
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/** The width of a line in points at this size. */
export function textWidth(text: string, size: number): number {
  return runsOf(text).reduce((w, r) => w + r.text.length * size * (r.font === CJK ? CJK_ADVANCE : LATIN_ADVANCE), 0);
}

function hexUtf16(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

function latinString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

function contentOf(page: PdfPage): string {
  const ops: string[] = [];
  for (const item of page.items) {
    if (item.kind === 'line') {
      ops.push(`${num(item.width ?? 0.5)} w ${item.dash ? `[${num(item.dash)} ${num(item.dash)}] 0 d` : '[] 0 d'} ${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l S`);
      continue;
    }
    let x = item.x;
    for (const run of runsOf(item.text)) {
      const shown = run.font === CJK ? `<${hexUtf16(run.text)}>` : latinString(run.text);
      ops.push(`BT /${run.font} ${num(item.size)} Tf 1 0 0 1 ${num(x)} ${num(item.y)} Tm ${shown} Tj ET`);
      x += run.text.length * item.size * (run.font === CJK ? CJK_ADVANCE : LATIN_ADVANCE);
    }
  }
  return ops.join('\n');
}

/** The PDF file of these pages, with a correct cross-reference table. */
export function writePdf(pages: PdfPage[], info: { title: string }): Buffer {
  // Objects 1–6 are fixed; each page then takes two: the page and its content stream.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 7 + i * 2);
  objects[1] = `<< /Type /Catalog /Pages 2 0 R >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = `<< /Type /Font /Subtype /Type0 /BaseFont /MSung-Light /Encoding /UniCNS-UCS2-H /DescendantFonts [4 0 R] >>`;
  objects[4] =
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MSung-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 4 >> ` +
    `/FontDescriptor 5 0 R /DW 1000 >>`;
  objects[5] = `<< /Type /FontDescriptor /FontName /MSung-Light /Flags 6 /FontBBox [-160 -249 1015 1071] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`;
  objects[6] = `<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>`;
  pages.forEach((page, i) => {
    const content = contentOf(page);
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] ` + `/Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< /Title <FEFF${hexUtf16(info.title)}> /Producer (edusso) >>`;

  // Everything written is ASCII (CJK text travels as hex), so string length is byte length.
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
