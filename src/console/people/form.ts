import { newRecordSchema, recordChangeSchema, type NewRecord, type RecordChange } from '../../admin/source-records.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { isMessageKey } from '../../i18n/catalog.ts';

export type PeopleNotice = { kind: 'added' | 'corrected'; name: string } | { kind: 'removed' };

export const peopleHref = (school: string, page = 1) => `/admin/people?school=${encodeURIComponent(school)}${page > 1 ? `&page=${page}` : ''}`;

/** The fields of the add and correct forms (one class at most; the API takes several). */
export const recordFields = ['idNumber', 'name', 'birthday', 'identity', 'titles', 'classYear', 'classSemester', 'classGrade', 'classNo', 'classTitle'] as const;
export type RecordForm = Partial<Record<(typeof recordFields)[number], string>>;

const classFields = { year: 'classYear', semester: 'classSemester', grade: 'classGrade', classno: 'classNo', classtitle: 'classTitle' } as const;

function input(form: Record<string, string>) {
  const get = (k: string) => (form[k] ?? '').slice(0, 200);
  const cls = { year: get('classYear'), semester: get('classSemester'), grade: get('classGrade'), classno: get('classNo'), classtitle: get('classTitle') };
  return {
    idNumber: get('idNumber'),
    name: get('name'),
    birthday: get('birthday'),
    identity: get('identity'),
    titles: get('titles').split(/[;；]/).map((t) => t.trim()).filter(Boolean),
    classes: Object.values(cls).some((v) => v.trim()) ? [cls] : [],
  };
}

function errorsOf(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) {
    const [top, , sub] = i.path.map(String);
    const field = top === 'classes' ? (classFields[sub as keyof typeof classFields] ?? 'classNo') : (top ?? 'name');
    errors[field] ??= { key: isMessageKey(i.message) ? i.message : 'admin.upload.row.invalid' };
  }
  return errors;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseNewRecord(form: Record<string, string>): Parsed<NewRecord> {
  const r = newRecordSchema.safeParse(input(form));
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: errorsOf(r.error.issues) };
}

/** A correction sends every field again: name, identity, titles and the class. */
export function parseRecordChange(form: Record<string, string>): Parsed<RecordChange> {
  const { name, identity, titles, classes } = input(form);
  const r = recordChangeSchema.safeParse({ name, identity, titles, classes });
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: errorsOf(r.error.issues) };
}
