import { parseCsv } from './csv.ts';
import { isSchoolLevel, levelFromName, type SchoolLevel } from './levels.ts';
import type { Places } from './places.ts';

export interface SchoolRecord {
  code: string;
  name: string;
  level: SchoolLevel;
  countyCode: string;
  districtCode: string | null;
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

/** Parses an MOE school list (elementary, senior-high or kindergarten layout); bad rows are reported, not thrown. */
export function parseMoeSchools(text: string, places: Places, level?: string): { schools: SchoolRecord[]; errors: RowError[] } {
  const rows = parseCsv(text);
  const errors: RowError[] = [];
  if (level !== undefined && !isSchoolLevel(level)) return { schools: [], errors: [{ line: 0, field: 'level', reason: `unknown level ${level}` }] };
  const header = rows.shift()?.fields.map((h) => h.trim());
  const layout = Object.entries(layouts).find(([, cols]) => cols.length === header?.length && cols.every((c, i) => header[i] === c))?.[0];
  if (!layout) return { schools: [], errors: [{ line: 1, field: 'header', reason: 'not an MOE school list layout (elementary, senior-high or kindergarten)' }] };
  const kindergarten = layout === 'kindergarten';
  const schools: SchoolRecord[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of rows) {
    const get = (col: string) => (fields[(layouts as Record<string, readonly string[]>)[layout]!.indexOf(col)] ?? '').trim();
    const bad = (field: string, reason: string) => errors.push({ line, field, reason });
    const code = get('代碼');
    const name = get('學校名稱');
    const countyName = get('縣市名稱').replace(/^\[\d+\]/, '');
    const address = get('地址');
    // Branch campuses of a kindergarten carry a suffix: 014XA1-01.
    if (!/^[0-9A-Z]{6}(-\d{2})?$/.test(code)) { bad('代碼', `school code must be 6 letters or digits, got "${code}"`); continue; }
    if (seen.has(code)) { bad('代碼', `school code ${code} appears twice`); continue; }
    if (!name) { bad('學校名稱', 'empty'); continue; }
    const county = places.county(countyName);
    if (!county) { bad('縣市名稱', `unknown county "${countyName}"`); continue; }
    const district = kindergarten
      ? places.district(county.code, get('鄉鎮市區名稱'))
      : places.districtInAddress(county.code, county.name, address);
    const schoolLevel = (level as SchoolLevel | undefined) ?? (kindergarten ? '幼兒園' : levelFromName(name));
    if (!schoolLevel) { bad('學校名稱', `cannot tell the level (學制) of "${name}"; give --level`); continue; }
    seen.add(code);
    schools.push({
      code,
      name,
      level: schoolLevel,
      countyCode: county.code,
      districtCode: district?.code ?? null,
      ownership: get('公/私立') || null,
      address: address || null,
      phone: get('電話') || null,
      url: kindergarten ? null : get('網址') || null,
    });
  }
  return { schools, errors };
}
