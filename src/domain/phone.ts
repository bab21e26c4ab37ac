import { fail, pass, type Check } from './result.ts';

/** Taiwan mobile numbers typed with spaces, dashes, brackets or +886; normalised to 09xxxxxxxx. */
export function validateMobile(input: string): Check<string> {
  let s = input.normalize('NFKC').replace(/[\s\-().]/g, '');
  if (!s) return fail('mobile.required');
  const international = /^(?:\+|00)?886(\d+)$/.exec(s);
  // +886 912…, and also +886 0912… as people often keep the leading 0.
  if (international) s = '0' + international[1]!.replace(/^0/, '');
  if (/^09\d{8}$/.test(s)) return pass(s);
  // Landlines (02…, 037…) cannot receive the SMS verification code.
  if (/^0[2-8]\d{6,9}$/.test(s)) return fail('mobile.landline');
  return fail('mobile.format');
}
