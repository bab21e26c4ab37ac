export interface CsvRow {
  /** 1-based line the row starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: quoted fields with commas, doubled quotes and newlines; CRLF, LF or CR; a leading BOM
 * is dropped and blank lines skipped. Lenient where the RFC is silent: a quote inside an unquoted field
 * is kept as is, and an unclosed quote runs to the end of the text.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false; // the row so far is not blank: `""` on its own line is a row with one empty field
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (wasQuoted || fields.length > 1 || field !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = wasQuoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else field += c;
  }
  if (quoted || wasQuoted || fields.length || field !== '') endRow();
  return rows;
}
