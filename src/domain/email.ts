import { fail, pass, type Check } from './result.ts';

export const EMAIL_MAX = 254;

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A pragmatic address check (no quoted or IP-literal forms); the domain part is lower-cased. */
export function validateEmail(input: string): Check<string> {
  const s = input.normalize('NFKC').trim();
  if (!s) return fail('email.required');
  if (s.length > EMAIL_MAX) return fail('email.tooLong');
  const at = s.lastIndexOf('@');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1]!;
  const ok =
    at > 0 && local.length <= 64 && LOCAL.test(local) &&
    labels.length >= 2 && labels.every((l) => LABEL.test(l)) && (/^[a-z]{2,}$/.test(tld) || /^xn--/.test(tld));
  return ok ? pass(`${local}@${domain}`) : fail('email.format');
}
