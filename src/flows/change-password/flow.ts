/** 修改密碼: what the page shows and which errors a change gets (the state table is in README.md). Pure. */
import type { FieldErrors } from '../kit/form.ts';

export const PATH = '/account/password';

/** The page: the form, or — within 24 hours of the last new password — when it unlocks. */
export type PasswordPage = { step: 'form'; errors?: FieldErrors; error?: string; retryMinutes?: number; signOutOthers: boolean } | { step: 'locked'; until: Date; changed: boolean; othersEnded: boolean };

/** The form while the password may be changed; the lock's end while it may not. */
export function pageFor(lockedUntil: Date | undefined, now: Date, done: { changed?: boolean; othersEnded?: boolean } = {}): PasswordPage {
  if (lockedUntil && lockedUntil > now) return { step: 'locked', until: lockedUntil, changed: Boolean(done.changed), othersEnded: Boolean(done.othersEnded) };
  return { step: 'form', signOutOthers: true };
}

export interface Judged {
  /** The current password: empty, wrong, or right. */
  current: 'missing' | 'wrong' | 'ok';
  /** checkNewPassword's answer for the new password and its repeat. */
  rule: { ok: true } | { ok: false; field: 'password' | 'password2'; key: string };
  /** The new password is the current one. */
  same: boolean;
}

/** Every field's error at once (the new password is judged even when the current one is wrong); empty when the change may go ahead. */
export function errorsOf(j: Judged): FieldErrors {
  const errors: FieldErrors = {};
  if (j.current === 'missing') errors.current = { key: 'changePassword.currentRequired' };
  if (j.current === 'wrong') errors.current = { key: 'changePassword.wrongCurrent' };
  if (!j.rule.ok) errors[j.rule.field] = { key: j.rule.key };
  else if (j.same && j.current === 'ok') errors.password = { key: 'changePassword.sameAsCurrent' };
  return errors;
}

/** 「登出其他裝置」 is a checkbox (ticked when the form is shown): a browser sends it only when ticked. */
export const wantsOthersSignedOut = (value: string | undefined) => value === 'on';
