import { parseCsv } from '../directory/csv.ts';
import { validateIdNumber } from '../domain/national-id.ts';
import { validatePersonName } from '../domain/person-name.ts';
import { parseIsoOrSlashDate } from '../domain/roc-date.ts';
import type { ClassInfo } from '../storage/ports.ts';

/** The interface county and school systems write to: keep these names; the zh-TW names are aliases. */
export const peopleColumns = [
  ['school_code', '學校代碼'],
  ['id_number', '身分證字號'],
  ['name', '姓名'],
  ['birthday', '生日'],
  ['identity', '身分'],
  ['titles', '職稱'],
  ['class_year', '學年度'],
  ['class_semester', '學期'],
  ['class_grade', '年級'],
  ['class_no', '班級代號'],
  ['class_title', '班級名稱'],
] as const;
type Column = (typeof peopleColumns)[number][0];

export const identities = ['教師', '職員', '學生'] as const;
export type Identity = (typeof identities)[number];
const identityAliases: Record<string, Identity> = { teacher: '教師', staff: '職員', student: '學生', 老師: '教師' };

export interface PersonRecord {
  line: number;
  schoolCode: string;
  idNumber: string;
  name: string;
  birthday: string; // YYYY-MM-DD
  identity: Identity;
  titles: string[];
  classes: ClassInfo[];
}
export interface RowError {
  line: number;
  field: string;
  reason: string;
}

/** Turns a message key of a domain check into the reason a row error shows (the CLI gives English texts). */
export type Describe = (key: string) => string;

/**
 * Validates every row and merges rows of the same person at the same school (one row per class).
 * knownSchool tells whether a school code exists in the directory.
 */
export function parsePeopleCsv(text: string, knownSchool: (code: string) => boolean, en: Describe = (key) => key): { people: PersonRecord[]; errors: RowError[]; rows: number } {
  const rows = parseCsv(text);
  const errors: RowError[] = [];
  const header = rows.shift();
  if (!header) return { people: [], errors: [{ line: 1, field: 'header', reason: 'empty file' }], rows: 0 };
  const index = new Map<Column, number>();
  header.fields.forEach((raw, i) => {
    const h = raw.trim();
    const col = peopleColumns.find(([name, alias]) => h === name || h === alias || h === `${name}[${alias}]`);
    if (col) index.set(col[0], i);
  });
  const missing = peopleColumns.slice(0, 5).filter(([name]) => !index.has(name)).map(([name]) => name);
  if (missing.length) return { people: [], errors: [{ line: 1, field: 'header', reason: `missing column(s): ${missing.join(', ')}` }], rows: rows.length };

  const merged = new Map<string, PersonRecord>();
  for (const { line, fields } of rows) {
    const get = (c: Column) => (index.has(c) ? (fields[index.get(c)!] ?? '').trim() : '');
    const bad = (field: string, reason: string) => void errors.push({ line, field, reason });
    const before = errors.length;

    const schoolCode = get('school_code').toUpperCase();
    if (!knownSchool(schoolCode)) bad('school_code', `unknown school code "${schoolCode}"`);
    const id = validateIdNumber(get('id_number'), { allowOther: true });
    if (!id.ok) bad('id_number', en(id.error));
    const name = validatePersonName(get('name'));
    if (!name.ok) bad('name', en(name.error));
    const birthday = parseIsoOrSlashDate(get('birthday'));
    if (!birthday.ok) bad('birthday', `${en(birthday.error)} (YYYY-MM-DD or YYYY/M/D)`);
    const rawIdentity = get('identity');
    const identity = (identities as readonly string[]).includes(rawIdentity) ? (rawIdentity as Identity) : identityAliases[rawIdentity.toLowerCase()];
    if (!identity) bad('identity', `must be 教師, 職員 or 學生, got "${rawIdentity}"`);
    const titles = get('titles').split(/[;；]/).map((t) => t.trim()).filter(Boolean);
    if (titles.some((t) => t.length > 30)) bad('titles', 'a title is longer than 30 characters');

    const cls = { year: get('class_year'), semester: get('class_semester'), grade: get('class_grade'), classno: get('class_no'), classtitle: get('class_title') };
    const hasClass = Object.values(cls).some(Boolean);
    if (hasClass) {
      if (!/^\d{2,3}$/.test(cls.year)) bad('class_year', 'school year must be 2–3 digits (e.g. 114)');
      if (!/^[12]$/.test(cls.semester)) bad('class_semester', 'semester must be 1 or 2');
      if (!/^\d{1,2}$/.test(cls.grade)) bad('class_grade', 'grade must be a number');
      if (!cls.classno || cls.classno.length > 20) bad('class_no', 'class number is required with class data (at most 20 characters)');
      if (cls.classtitle.length > 50) bad('class_title', 'at most 50 characters');
    }
    if (errors.length > before) continue;

    const key = `${schoolCode}\0${id.ok && id.value.value}\0${identity}`;
    const existing = merged.get(key);
    if (existing) {
      if (existing.name !== (name.ok && name.value) || existing.birthday !== (birthday.ok && birthday.value)) {
        bad('name', `same person as line ${existing.line} but a different name or birthday`);
        continue;
      }
      for (const t of titles) if (!existing.titles.includes(t)) existing.titles.push(t);
      if (hasClass && !existing.classes.some((c) => c.year === cls.year && c.semester === cls.semester && c.classno === cls.classno))
        existing.classes.push(cls);
      continue;
    }
    merged.set(key, {
      line,
      schoolCode,
      idNumber: id.ok ? id.value.value : '',
      name: name.ok ? name.value : '',
      birthday: birthday.ok ? birthday.value : '',
      identity: identity!,
      titles,
      classes: hasClass ? [cls] : [],
    });
  }
  return { people: [...merged.values()], errors, rows: rows.length };
}
