import { fail, pass, type Check } from './result.ts';

export const NAME_MAX = 50;

/**
 * The form names are compared in: NFKC (full-width → half-width), every space removed (U+3000 too),
 * the middle dots of Indigenous and foreign names (‧ · ・ •) and zero-width characters ignored, lower case.
 */
export const normalizeName = (s: string) =>
  s.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff·‧・•.]/g, '').toLowerCase();

export const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

/**
 * 1–50 characters (counted as characters, so rare CJK names outside the basic plane count once).
 * The stored form only folds full-width ASCII and spaces: NFKC would rewrite some CJK compatibility
 * characters that appear in real names.
 */
export function validatePersonName(input: string): Check<string> {
  const s = input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return fail('name.required');
  if ([...s].length > NAME_MAX) return fail('name.tooLong');
  if (/[<>{}\\$\p{Cc}]/u.test(s)) return fail('name.characters');
  return pass(s);
}
