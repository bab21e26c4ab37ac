import { fail, pass, type Check } from './result.ts';

/** Names compare equal after NFKC (full-width → half-width) and with every kind of space removed. */
export const normalizeName = (s: string) => s.normalize('NFKC').replace(/[\s\u3000·．.]/g, '').toLowerCase();

export const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

export function validatePersonName(input: string): Check<string> {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!s) return fail('name.required');
  if (s.length > 50) return fail('name.tooLong');
  if (/[<>{}\\$]/.test(s)) return fail('name.characters');
  return pass(s);
}
