import { fail, pass, type Check } from './result.ts';

/** Taiwan mobile numbers, typed with spaces, dashes or +886; normalised to 09xxxxxxxx. */
export function validateMobile(input: string): Check<string> {
  let s = input.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (s.startsWith('+886')) s = '0' + s.slice(4);
  else if (s.startsWith('886') && s.length === 12) s = '0' + s.slice(3);
  return /^09\d{8}$/.test(s) ? pass(s) : fail('mobile.format');
}

/** A pragmatic address check; the domain part is lower-cased. */
export function validateEmail(input: string): Check<string> {
  const s = input.normalize('NFKC').trim();
  if (s.length > 254) return fail('email.format');
  const m = /^([^\s@"<>,;]+)@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)$/i.exec(s);
  if (!m || m[1]!.length > 64) return fail('email.format');
  return pass(`${m[1]}@${m[2]!.toLowerCase()}`);
}
