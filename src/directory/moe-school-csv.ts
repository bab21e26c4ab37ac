import { parseCsv } from './csv.ts';
import { isSchoolLevel, levelFromName, type SchoolLevel } from './levels.ts';
import type { Places } from './places.ts';

export interface SchoolRecord {
  code: string;
  name: string;
  level: SchoolLevel;
  countyCode: string;
  countyName: string;
  districtCode: string | null;
  districtName: string | null;
  ownership: string | null;
  address: string | null;
  phone: string | null;
  url: string | null;
}
export interface RowError {
  line: number;
  field: string;
  reason: string;
}

// The MOE layouts, told apart by their header.
const layouts = {
  elementary: ['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '地址', '電話', '網址'],
  seniorHigh: ['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '地址', '電話', '網址', '備註'],
  kindergarten: ['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '鄉鎮市區名稱', '地址', '電話'],
} as const;
type Layout = keyof typeof layouts;
type Column = (typeof layouts)[Layout][number];

export function detectLayout(header: string[]): Layout | undefined {
  const h = header.map((c) => c.trim());
  return (Object.keys(layouts) as Layout[]).find((l) => layouts[l].length === h.length && layouts[l].every((c, i) => h[i] === c));
}

/**
 * Parses an MOE school list (elementary, senior-high or kindergarten layout). A given level wins over
 * the one the layout or name implies. Bad rows are reported, not thrown.
 */
export function parseMoeSchools(text: string, places: Places, level?: string): { schools: SchoolRecord[]; errors: RowError[]; lines: number[]; rows: number } {
  if (level !== undefined && !isSchoolLevel(level)) return { schools: [], errors: [{ line: 0, field: 'level', reason: `unknown level "${level}"` }], lines: [], rows: 0 };
  const rows = parseCsv(text);
  const header = rows.shift();
  const layout = header && detectLayout(header.fields);
  if (!layout) return { schools: [], errors: [{ line: header?.line ?? 1, field: 'header', reason: 'not an MOE school list (elementary, senior-high or kindergarten layout)' }], lines: [], rows: rows.length };
  const columns: readonly Column[] = layouts[layout];
  const schools: SchoolRecord[] = [];
  // The line each school was read from, for a preview's messages.
  const lines: number[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();

  for (const { line, fields } of rows) {
    const bad = (field: string, reason: string) => void errors.push({ line, field, reason });
    // A senior-high row without the trailing 備註 is fine; anything else off by a column is not.
    if (fields.length !== columns.length && !(layout === 'seniorHigh' && fields.length === columns.length - 1)) {
      bad('(row)', `expected ${columns.length} columns, got ${fields.length}`);
      continue;
    }
    const get = (col: Column) => (fields[columns.indexOf(col)] ?? '').trim();
    const code = get('代碼');
    const name = get('學校名稱');
    const address = get('地址');
    // Kindergarten branch classes carry a suffix: 014XA1-01.
    if (!/^[0-9A-Z]{6}(-\d{2})?$/.test(code)) { bad('代碼', `school code must be 6 letters or digits, got "${code}"`); continue; }
    if (seen.has(code)) { bad('代碼', `school code ${code} appears twice`); continue; }
    if (!name) { bad('學校名稱', 'empty'); continue; }
    const countyField = get('縣市名稱').replace(/^\[\d+\]/, '');
    const county = places.county(countyField);
    if (!county) { bad('縣市名稱', `unknown county "${countyField}"`); continue; }
    const districtField = layout === 'kindergarten' ? get('鄉鎮市區名稱') : '';
    const district = (districtField && places.district(county.code, districtField)) || places.districtInAddress(county.code, address);
    if (districtField && !district) { bad('鄉鎮市區名稱', `no district "${districtField}" in ${county.name}`); continue; }
    const schoolLevel = (level as SchoolLevel | undefined) ?? (layout === 'kindergarten' ? '幼兒園' : levelFromName(name));
    if (!schoolLevel) { bad('學校名稱', `cannot tell the level (學制) of "${name}"; give --level`); continue; }
    seen.add(code);
    lines.push(line);
    schools.push({
      code,
      name,
      level: schoolLevel,
      countyCode: county.code,
      countyName: county.name,
      districtCode: district?.code ?? null,
      districtName: district?.name ?? null,
      ownership: get('公/私立') || null,
      address: address || null,
      phone: get('電話') || null,
      url: get('網址') || null,
    });
  }
  return { schools, errors, lines, rows: rows.length };
}
