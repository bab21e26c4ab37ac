import { fail, pass, type Check } from './result.ts';

export const ACCOUNT_MIN = 6;
export const ACCOUNT_MAX = 20;

// Names that would pass for the service, its staff or a system mailbox; also refused with digits,
// 「_」 or 「.」 at the end (admin01, support_).
const reserved = new Set([
  'admin', 'administrator', 'root', 'system', 'support', 'helpdesk', 'moe', 'edu', 'test', 'guest', 'null',
  'webmaster', 'postmaster', 'hostmaster', 'security', 'abuse', 'noreply', 'no_reply', 'no.reply', 'donotreply',
  'mailer.daemon', 'service', 'services', 'sysadmin', 'sysop', 'operator', 'official', 'ministry', 'manager',
  'undefined', 'anonymous', 'everyone', 'nobody', 'unknown', 'account', 'accounts', 'sso', 'openid', 'oauth',
  'oidc', 'login', 'logout', 'signin', 'register', 'password', 'teacher', 'student', 'staff', 'user', 'users',
  'info', 'contact', 'customer', 'service.desk', 'moe.edu', 'educloud', 'cloud', 'demo', 'example', 'testing',
]);
// These also may not appear as a part between 「.」 or 「_」 anywhere (moe.support, it_admin).
const impersonating = new Set(['admin', 'administrator', 'root', 'sysadmin', 'helpdesk', 'support', 'moe', 'webmaster', 'postmaster', 'noreply', 'security']);

function isReserved(name: string): boolean {
  if (reserved.has(name) || reserved.has(name.replace(/[0-9_.]+$/, ''))) return true;
  return name.split(/[._]/).some((part) => impersonating.has(part.replace(/[0-9]+$/, '')));
}

/** The manual's rule: 6–20 half-width characters of a-z 0-9 _ . starting with a lowercase letter. */
export function validateAccountName(input: string): Check<string> {
  const name = input.normalize('NFKC').trim();
  if (!name) return fail('account.required');
  if (name.length < ACCOUNT_MIN) return fail('account.tooShort');
  if (name.length > ACCOUNT_MAX) return fail('account.tooLong');
  if (/^[A-Za-z0-9_.]+$/.test(name) && /[A-Z]/.test(name)) return fail('account.uppercase');
  if (!/^[a-z0-9_.]+$/.test(name)) return fail('account.characters');
  if (!/^[a-z]/.test(name)) return fail('account.start');
  if (isReserved(name)) return fail('account.reserved');
  return pass(name);
}

/** At login only the part before 「@」 is needed: accepts `name` and `name@<account domain>`. */
export function parseLoginName(input: string, accountDomain: string): Check<string> {
  const typed = input.normalize('NFKC').trim().toLowerCase();
  if (!typed) return fail('account.required');
  const at = typed.indexOf('@');
  if (at >= 0 && typed.slice(at + 1) !== accountDomain.trim().toLowerCase()) return fail('account.otherDomain');
  const name = at >= 0 ? typed.slice(0, at) : typed;
  if (!name) return fail('account.required');
  if (name.length > ACCOUNT_MAX) return fail('account.tooLong');
  if (!/^[a-z0-9_.]+$/.test(name)) return fail('account.characters');
  return pass(name);
}
