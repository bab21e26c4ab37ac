import { readFileSync } from 'node:fs';

const common = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean),
);

export interface PasswordContext {
  account?: string;
  idNumber?: string;
  /** YYYY-MM-DD */
  birthday?: string;
}

export type PasswordCheck = { ok: true; value: string } | { ok: false; errors: string[] };

/** Forms of a birthday people put in passwords: 19900101, 1990101, 0101, ROC 790101. */
function birthdayForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const roc = y - 1911;
  return [`${y}${mm}${dd}`, `${y}${m}${d}`, `${roc}${mm}${dd}`, `${y}/${m}/${d}`, `${mm}${dd}${y}`];
}

function isCommon(lower: string): boolean {
  if (common.has(lower)) return true;
  // A common word with a few digits or symbols stuck on either end is still common.
  const core = lower.replace(/^[\d\W_]{1,4}|[\d\W_]{1,6}$/g, '');
  return core.length >= 4 && common.has(core);
}

/** 8–20 characters, three of four classes, not common, not containing the account, ID number or birthday. */
export function validatePassword(password: string, ctx: PasswordContext = {}): PasswordCheck {
  const errors: string[] = [];
  if (password.length < 8) errors.push('password.tooShort');
  if (password.length > 20) errors.push('password.tooLong');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) errors.push('password.classes');
  const lower = password.toLowerCase();
  if (isCommon(lower)) errors.push('password.common');
  if (ctx.account && ctx.account.length >= 3 && lower.includes(ctx.account.toLowerCase())) errors.push('password.containsAccount');
  if (ctx.idNumber && lower.includes(ctx.idNumber.toLowerCase())) errors.push('password.containsIdNumber');
  if (ctx.idNumber && /\d{8}$/.test(ctx.idNumber) && password.includes(ctx.idNumber.slice(-8))) {
    if (!errors.includes('password.containsIdNumber')) errors.push('password.containsIdNumber');
  }
  if (ctx.birthday && birthdayForms(ctx.birthday).some((f) => f.length >= 4 && password.includes(f))) errors.push('password.containsBirthday');
  return errors.length ? { ok: false, errors } : { ok: true, value: password };
}
