import { fail, pass, type Check } from './result.ts';

export type CheckedIdKind = 'national' | 'resident-old' | 'resident-new';
export type IdKind = CheckedIdKind | 'other';
export interface IdNumber {
  value: string;
  kind: IdKind;
}

// A letter's area code is its position here + 10 (A=10 … Z=33, I=34, O=35): the historical order.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** Trim, full-width → half-width, upper case, and drop spaces and dashes typed inside. */
export const normalizeIdNumber = (input: string) => input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

export function classifyIdNumber(id: string): IdKind {
  if (/^[A-Z][12]\d{8}$/.test(id)) return 'national';
  if (/^[A-Z][A-D]\d{8}$/.test(id)) return 'resident-old';
  if (/^[A-Z][89]\d{8}$/.test(id)) return 'resident-new';
  return 'other';
}

/** The check digit for the first nine characters (letter, second character, seven digits). */
function checkDigit(id: string): number {
  const area = LETTERS.indexOf(id[0]!) + 10;
  // Old resident certificates count their second letter as the last digit of its area code (A→0 … D→3).
  const second = /[A-D]/.test(id[1]!) ? (LETTERS.indexOf(id[1]!) + 10) % 10 : id.charCodeAt(1) - 48;
  let sum = Math.floor(area / 10) + (area % 10) * 9 + second * 8;
  for (let i = 2; i < 9; i++) sum += (id.charCodeAt(i) - 48) * (9 - i);
  return (10 - (sum % 10)) % 10;
}

/**
 * 身分證字號 and 居留證號 (old and new) with their checksums; 其他身分 ID, when allowed, as free text
 * kept exactly as typed (only trimmed), since it is matched exactly against the source data.
 */
export function validateIdNumber(input: string, opts: { allowOther?: boolean } = {}): Check<IdNumber> {
  const raw = input.trim();
  if (!raw) return fail('id.required');
  const id = normalizeIdNumber(raw);
  const kind = classifyIdNumber(id);
  if (kind !== 'other') return checkDigit(id) === id.charCodeAt(9) - 48 ? pass({ value: id, kind }) : fail('id.checksum');
  // A letter and nine more characters is a mistyped ID number, not some other kind of ID.
  if (/^[A-Z][0-9A-Z]\d{8}$/.test(id) || !opts.allowOther) return fail('id.format');
  if ([...raw].length > 30) return fail('id.otherTooLong');
  return pass({ value: raw, kind: 'other' });
}

/** A checksum-valid number of the given kind, for synthetic demo data. */
export function randomIdNumber(kind: CheckedIdKind = 'national', rng: () => number = Math.random): string {
  const pick = (chars: string) => chars[Math.floor(rng() * chars.length)]!;
  let id = pick(LETTERS) + pick(kind === 'national' ? '12' : kind === 'resident-old' ? 'ABCD' : '89');
  for (let i = 0; i < 7; i++) id += Math.floor(rng() * 10);
  return id + checkDigit(id);
}
