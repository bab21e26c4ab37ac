/** 肆 更新個人資料: the pure rules of the page (the state table is in README.md beside this file). */
import { validateIdNumber } from '../../domain/national-id.ts';
import type { MatchedPerson } from '../../methods/source-data.ts';
import type { Affiliation } from '../../storage/ports.ts';
import type { FieldErrors } from '../kit/form.ts';

export type Place = { county: string; district: string; level: string; school: string };
export const noPlace: Place = { county: '', district: '', level: '', school: '' };

export type Option = { value: string; label: string; english?: string };
export interface SchoolLists {
  counties: Option[];
  districts: Option[];
  levels: Option[];
  schools: Option[];
}
export interface Picker {
  place: Place;
  lists: SchoolLists;
}

/** Where a request to the page goes: sign in, prove the password again (SPEC 肆: account, password, captcha), or the page. */
export type Gate = 'sign-in' | 'password' | 'open';
export const gate = (signedIn: boolean, recent: boolean): Gate => (!signedIn ? 'sign-in' : recent ? 'open' : 'password');

/**
 * Without JavaScript each choice is a round trip with nothing stored: a choice is kept only when it
 * is in the list the earlier choices give, so changing the county clears the district, level and school.
 */
export const keepIfListed = (value: string, options: readonly { value: string }[]) => (options.some((o) => o.value === value) ? value : '');

/** The query's own checks: a school chosen and a well-formed 身分證字號或居留證號. */
export function checkQuery(place: Place, idNumber: string): { errors: FieldErrors; idNumber?: string } {
  const errors: FieldErrors = {};
  if (!place.school) errors.school = { key: 'schoolTransfer.chooseSchool' };
  const id = validateIdNumber(idNumber);
  if (!id.ok) errors.id_number = { key: idNumber.trim() ? 'schoolTransfer.idInvalid' : 'schoolTransfer.idRequired' };
  return { errors, idNumber: id.ok ? id.value.value : undefined };
}

/** What 「更新」 stores: the source record's school, identity, titles and classes replace every affiliation. */
export const affiliationOf = (p: MatchedPerson): Omit<Affiliation, 'schoolName' | 'isPrimary'> => ({
  schoolCode: p.schoolCode,
  identity: p.identity,
  titles: [...p.titles],
  classes: [...p.classes],
});

/** The audit detail of a change: the school codes before and after. */
export const schoolChange = (before: readonly Pick<Affiliation, 'schoolCode'>[], after: Pick<Affiliation, 'schoolCode'>) => ({
  from: before.map((a) => a.schoolCode),
  to: [after.schoolCode],
});
