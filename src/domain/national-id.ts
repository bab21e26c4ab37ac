import { fail, pass, type Check } from './result.ts';

export type IdKind = 'national' | 'resident-old' | 'resident-new' | 'other';

// Letter → two-digit area code shared by the national ID and the resident certificates.
const letters = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
const areaCode = (c: string) => letters.indexOf(c) + 10;
const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];

function checksumOk(id: string): boolean {
  const area = areaCode(id[0]!);
  // Old resident certificates encode their second letter by the last digit of its area code.
  const second = /[A-D]/.test(id[1]!) ? areaCode(id[1]!) % 10 : Number(id[1]);
  const digits = [Math.floor(area / 10), area % 10, second, ...id.slice(2).split('').map(Number)];
  return digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 10 === 0;
}

const toHalfWidth = (s: string) => s.normalize('NFKC');

export function idKind(id: string): IdKind {
  if (/^[A-Z][12]\d{8}$/.test(id)) return 'national';
  if (/^[A-Z][A-D]\d{8}$/.test(id)) return 'resident-old';
  if (/^[A-Z][89]\d{8}$/.test(id)) return 'resident-new';
  return 'other';
}

/** 身分證字號 / 居留證號 with checksums; 其他身分 ID as free text when allowed. */
export function validateIdNumber(input: string, opts: { allowOther?: boolean } = {}): Check<{ value: string; kind: IdKind }> {
  const trimmed = toHalfWidth(input).trim();
  const upper = trimmed.replace(/\s+/g, '').toUpperCase();
  if (!trimmed) return fail('id.required');
  const kind = idKind(upper);
  if (kind !== 'other') return checksumOk(upper) ? pass({ value: upper, kind }) : fail('id.checksum');
  if (/^[A-Z][0-9A-Z]\d{8}$/.test(upper) || /^[A-Z]\d{9}$/.test(upper)) return fail('id.format');
  if (!opts.allowOther) return fail('id.format');
  if (trimmed.length > 30) return fail('id.otherTooLong');
  return pass({ value: trimmed, kind: 'other' });
}

/** A checksum-valid number of the given kind (synthetic demo data). */
export function randomIdNumber(kind: Exclude<IdKind, 'other'> = 'national', rand: () => number = Math.random): string {
  const pick = (chars: string) => chars[Math.floor(rand() * chars.length)]!;
  const first = pick('ABCDEFGHJKLMNPQRSTUVXYWZIO');
  const second = kind === 'national' ? pick('12') : kind === 'resident-old' ? pick('ABCD') : pick('89');
  let body = '';
  for (let i = 0; i < 7; i++) body += Math.floor(rand() * 10);
  const partial = first + second + body;
  for (let d = 0; d < 10; d++) if (checksumOk(partial + d)) return partial + d;
  throw new Error('unreachable: some check digit always fits');
}
