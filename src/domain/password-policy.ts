import { readFileSync } from 'node:fs';
import { fail, pass, type Check } from './result.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 20;
/** After any new password, the next change waits this long (the manual: 「密碼變更完成，需 24 小時後才能再次變更」). */
export const PASSWORD_LOCK_HOURS = 24;

const common = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean),
);

export interface PasswordContext {
  account?: string;
  /** 身分證字號, 居留證號 or 其他身分 ID */
  idNumber?: string;
  /** YYYY-MM-DD (as parseBirthday returns it) or YYYY/M/D */
  birthday?: string;
}

/** `error` is the first failure; `errors` lists every rule the password breaks, in a stable order. */
export type PasswordCheck = { ok: true; value: string } | { ok: false; error: string; errors: string[] };

const deLeet = (s: string) => s.replace(/[@4]/g, 'a').replace(/0/g, 'o').replace(/3/g, 'e').replace(/[$5]/g, 's').replace(/7/g, 't');

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  // A listed word with a few digits or symbols on either end (password123!, !qwerty) is still that word.
  const core = lower.replace(/^[\d\W_]{1,4}/, '').replace(/[\d\W_]{1,6}$/, '');
  const candidates = [lower, core, deLeet(core), deLeet(core).replace(/1/g, 'i'), deLeet(core).replace(/1/g, 'l')];
  return candidates.some((c, i) => (i === 0 || c.length >= 4) && common.has(c));
}

/** The forms a birthday takes inside passwords: 19900101, 1990/1/1, 0101, ROC 790101. */
export function birthdayForms(birthday: string): string[] {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(birthday.trim());
  if (!m) return [];
  const [y, mo, d] = [m[1]!, Number(m[2]), Number(m[3])];
  const mm = String(mo).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const forms = [`${y}${mm}${dd}`, `${y}/${mo}/${d}`, `${y}/${mm}/${dd}`, `${y}-${mm}-${dd}`, `${mm}${dd}`];
  const roc = Number(y) - 1911;
  if (roc > 0) forms.push(`${roc}${mm}${dd}`, `${roc}/${mo}/${d}`);
  return forms;
}

function containsIdNumber(password: string, id: string): boolean {
  const upper = password.toUpperCase();
  const cleanId = id.trim().toUpperCase();
  if (cleanId.length >= 4 && upper.includes(cleanId)) return true;
  // The eight digits after the letters of an ID number give it away as well.
  return /^[A-Z][0-9A-Z]\d{8}$/.test(cleanId) && password.includes(cleanId.slice(2));
}

function containsAccount(password: string, account: string): boolean {
  const lower = password.toLowerCase();
  const name = account.trim().toLowerCase();
  const bare = (s: string) => s.replace(/[._]/g, '');
  return (name.length >= 3 && lower.includes(name)) || (bare(name).length >= 4 && bare(lower).includes(bare(name)));
}

/** 8–20 half-width characters, three of four classes, not common, without the account, ID number or birthday. */
export function validatePassword(password: string, ctx: PasswordContext = {}): PasswordCheck {
  const errors: string[] = [];
  if (password.length < PASSWORD_MIN) errors.push('password.tooShort');
  if (password.length > PASSWORD_MAX) errors.push('password.tooLong');
  // Spaces and full-width characters look alike on a phone and a computer but are not: refuse them.
  if (/[^\x21-\x7e]/.test(password)) errors.push('password.characters');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/].filter((r) => r.test(password)).length;
  if (classes < 3) errors.push('password.classes');
  if (isCommon(password)) errors.push('password.common');
  if (ctx.account && containsAccount(password, ctx.account)) errors.push('password.containsAccount');
  if (ctx.idNumber && containsIdNumber(password, ctx.idNumber)) errors.push('password.containsIdNumber');
  if (ctx.birthday && birthdayForms(ctx.birthday).some((f) => password.includes(f))) errors.push('password.containsBirthday');
  return errors.length ? { ok: false, error: errors[0]!, errors } : { ok: true, value: password };
}

/** The password typed a second time must be exactly the same. */
export function checkPasswordConfirmation(password: string, again: string): Check<string> {
  return password === again ? pass(password) : fail('password.mismatch');
}

/**
 * The one rule for a new password, whichever flow sets it: the policy above with everything known
 * about the person, then the repeat. The error is a message key for the field it belongs to.
 */
export function checkNewPassword(password: string, repeat: string, context: PasswordContext): { ok: true } | { ok: false; field: 'password' | 'password2'; key: string } {
  const check = validatePassword(password, context);
  if (!check.ok) return { ok: false, field: 'password', key: check.errors[0]! };
  const again = checkPasswordConfirmation(password, repeat);
  return again.ok ? { ok: true } : { ok: false, field: 'password2', key: again.error };
}
