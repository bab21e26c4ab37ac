/** The password asked again before a sensitive change (issue 9): the pure rules (the state table is in README.md). */
import type { FieldErrors } from '../kit/form.ts';
import { REAUTH_PATH, safeNext } from '../kit/signed-in.ts';

export { REAUTH_PATH };

/** Where the person goes after the question: the page that sent them, or 查閱個人資料 when that is missing or not local. */
export const landing = (next: unknown): string => safeNext(next) ?? '/account';

/** A six-digit code is the authenticator app's; anything else typed is taken as a recovery code. */
export const codeKind = (typed: string): 'totp' | 'recovery' => (/^\d{6}$/.test(typed.replace(/\s/g, '')) ? 'totp' : 'recovery');

/** Missing answers, before anything is checked or counted. */
export function missing(input: { password: string; code: string }, needsCode: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.password) errors.password = { key: 'reauth.passwordMissing' };
  if (needsCode && !input.code.trim()) errors.code = { key: 'reauth.codeMissing' };
  return errors;
}
