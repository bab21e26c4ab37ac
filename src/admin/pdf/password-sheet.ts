import { A4, textWidth, writePdf, type PdfItem, type PdfPage } from './writer.ts';

/** One student's block on the sheet. */
export interface SheetEntry {
  schoolName: string;
  schoolCode: string;
  classTitle: string;
  /** The order within the class on this sheet (source records carry no seat number). */
  number: number;
  name: string;
  username: string;
  password: string;
}

const BLOCKS_PER_PAGE = 4;
const MARGIN = 42;
const BLOCK_HEIGHT = (A4.height - 2 * MARGIN) / BLOCKS_PER_PAGE;

function block(e: SheetEntry, top: number, signInUrl: string): PdfItem[] {
  const x = MARGIN + 12;
  const lines: [number, string][] = [
    [14, '教育雲端帳號　初始密碼通知單'],
    [11, `學校：${e.schoolName}（${e.schoolCode}）`],
    [11, `班級：${e.classTitle || '—'}　序號：${e.number}　姓名：${e.name}`],
    [13, `帳號：${e.username}`],
    [13, `初始密碼：${e.password}`],
    [10, `登入網址：${signInUrl}`],
    [10, '第一次登入時，系統會要求設定新密碼；設定後初始密碼即失效。'],
    [10, '請妥善保管本單，勿交給他人；設定新密碼後請銷毀本單。'],
  ];
  const items: PdfItem[] = [];
  let y = top - 26;
  for (const [size, text] of lines) {
    items.push({ kind: 'text', x, y, size, text });
    y -= size + 9;
  }
  return items;
}

/**
 * The printable password sheet (A4, zh-TW): four students a page, separated by dashed cut lines. The
 * passwords exist only in these bytes; nothing keeps them.
 */
export function passwordSheet(entries: SheetEntry[], signInUrl: string): Buffer {
  const pages: PdfPage[] = [];
  for (let i = 0; i < entries.length; i += BLOCKS_PER_PAGE) {
    const items: PdfItem[] = [];
    entries.slice(i, i + BLOCKS_PER_PAGE).forEach((e, j) => {
      const top = A4.height - MARGIN - j * BLOCK_HEIGHT;
      items.push(...block(e, top, signInUrl));
      if (j > 0) items.push({ kind: 'line', x1: MARGIN, y1: top, x2: A4.width - MARGIN, y2: top, dash: 4 });
    });
    const footer = `${i / BLOCKS_PER_PAGE + 1} / ${Math.ceil(entries.length / BLOCKS_PER_PAGE)}`;
    items.push({ kind: 'text', x: (A4.width - textWidth(footer, 9)) / 2, y: MARGIN / 2, size: 9, text: footer });
    pages.push({ items });
  }
  return writePdf(pages, { title: '教育雲端帳號初始密碼通知單' });
}
