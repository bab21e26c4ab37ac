import { fail, pass, type Check } from './result.ts';

// Names that would impersonate the service or its staff.
const reserved = new Set([
  'admin', 'administrator', 'root', 'system', 'support', 'helpdesk', 'moe', 'edu', 'test', 'guest', 'null',
  'webmaster', 'postmaster', 'hostmaster', 'security', 'abuse', 'noreply', 'no_reply', 'no.reply', 'service',
  'sysadmin', 'operator', 'official', 'ministry', 'manager', 'undefined', 'anonymous', 'everyone', 'nobody',
  'account', 'accounts', 'sso', 'openid', 'oauth', 'login', 'logout', 'register', 'password', 'teacher', 'student',
]);

/** The manual's rule: 6–20 of a-z 0-9 _ . starting with a lowercase letter. */
export function validateAccountName(input: string): Check<string> {
  const name = input.trim();
  if (name.length < 6) return fail('account.tooShort');
  if (name.length > 20) return fail('account.tooLong');
  if (!/^[a-z]/.test(name)) return fail('account.start');
  if (!/^[a-z0-9_.]+$/.test(name)) return fail('account.characters');
  if (reserved.has(name) || reserved.has(name.replace(/[0-9_.]+$/, ''))) return fail('account.reserved');
  return pass(name);
}

/** At login only the part before 「@」 is needed: accepts `name` and `name@<account domain>`. */
export function parseLoginName(input: string, accountDomain: string): Check<string> {
  const typed = input.normalize('NFKC').trim().toLowerCase();
  const at = typed.indexOf('@');
  if (at >= 0 && typed.slice(at + 1) !== accountDomain.toLowerCase()) return fail('account.otherDomain');
  const name = at >= 0 ? typed.slice(0, at) : typed;
  if (!name || name.length > 20 || !/^[a-z0-9_.]+$/.test(name)) return fail('account.characters');
  return pass(name);
}
