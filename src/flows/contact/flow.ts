/** 壹拾壹 聯絡我們: the categories and the pure rules of the form. */
import { validateAccountName } from '../../domain/account-name.ts';
import { validateEmail } from '../../domain/email.ts';
import { validateIdNumber } from '../../domain/national-id.ts';
import { validateMobile } from '../../domain/phone.ts';

/** 「問題分類」 as URL slugs (`/contact?category=…`), in the manual's order. */
export const categories = ['school-not-found', 'source-not-found', 'data-error', 'no-code', 'account', 'other'] as const;
export type Category = (typeof categories)[number];
export const categoryOf = (v: unknown): Category | undefined => (categories.includes(v as Category) ? (v as Category) : undefined);

export type Contact = { channel: 'email' | 'sms'; to: string };

/** 「聯絡方式」: an email address or a mobile number; undefined when it is neither. */
export function contactOf(input: string): Contact | undefined {
  const raw = input.trim();
  if (raw.includes('@')) {
    const e = validateEmail(raw);
    return e.ok ? { channel: 'email', to: e.value } : undefined;
  }
  const m = validateMobile(raw);
  return m.ok ? { channel: 'sms', to: m.value } : undefined;
}

/** 「身分證字號／居留證號／其他身份ＩＤ／教育雲端帳號」: an account name, or an identity number (to be sealed). */
export type Who = { kind: 'account'; username: string } | { kind: 'id'; idNumber: string };

export function whoOf(input: string): Who | undefined {
  const raw = input.trim();
  if (!raw) return undefined;
  const id = validateIdNumber(raw);
  if (id.ok) return { kind: 'id', idNumber: id.value.value };
  const name = validateAccountName(raw.split('@')[0]!.toLowerCase());
  if (name.ok) return { kind: 'account', username: name.value };
  // Anything else is some other ID: kept sealed like every identity number.
  const other = validateIdNumber(raw, { allowOther: true });
  return other.ok ? { kind: 'id', idNumber: other.value.value } : undefined;
}
