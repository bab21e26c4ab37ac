/**
 * A CSV file people open in Excel: UTF-8 with a byte-order mark (or Excel reads zh-TW as mojibake), CRLF
 * lines, every cell quoted when it holds a comma, quote or line break, and a cell that a spreadsheet would
 * run as a formula (= + - @, or a tab or carriage return before one) prefixed with ' (CSV injection).
 */
export function csvFile(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
