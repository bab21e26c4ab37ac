import { PASSWORD_LOCK_HOURS } from '../../domain/password-policy.ts';
import { newPasswordCheck, passwordMethod } from '../../methods/password.ts';
import { hashPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimits } from '../../security/rate-limit.ts';
import type { Account, Store } from '../../storage/ports.ts';
import { errorsOf } from '../change-password/flow.ts';
import { CURRENT_PASSWORD_FAILURES } from '../change-password/service.ts';
import type { FieldErrors } from '../kit/form.ts';
import type { FirstPasswordPage } from './flow.ts';
import type { FirstPasswordInput } from './schemas.ts';

export interface FirstPasswordContext {
  ip?: string;
  userAgent?: string;
  /** This browser's web session: it stays signed in and counts as just proven (an application's sign-in continues). */
  sessionIdHash: string;
}

export type FirstPasswordOutcome = { kind: 'changed' } | { kind: 'show'; page: FirstPasswordPage; status: number; retryAfterSeconds?: number };

/**
 * The password change an account provisioned with an initial password (students) must make before
 * anything else: the initial password proven, the one new-password rule, then in one transaction the
 * new password, the flag cleared, the session marked proven and the audit event.
 */
export function firstPasswordService(d: { store: Store; limits: RateLimits; pii: PiiVault }) {
  const { store } = d;
  const newPasswordRule = newPasswordCheck(store.accounts, d.pii);
  const proves = passwordMethod(store.accounts);

  return {
    async change(account: Account, input: FirstPasswordInput, context: FirstPasswordContext): Promise<FirstPasswordOutcome> {
      const form = (errors: FieldErrors, status: number, error = 'changePassword.fixFields', retryAfterSeconds?: number): FirstPasswordOutcome => ({
        kind: 'show',
        page: { next: input.next || undefined, errors, error, retryMinutes: retryAfterSeconds && Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
        status,
        retryAfterSeconds,
      });
      const limit = await d.limits.get(CURRENT_PASSWORD_FAILURES, account.id);
      if (limit.remaining <= 0) {
        await store.audit.record({ type: 'password.change_failed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { reason: 'too_many', firstSignIn: true } });
        return form({}, 429, 'changePassword.tooMany', limit.retryAfterSeconds);
      }
      const current = !input.current ? 'missing' : (await proves(account.username, input.current)).ok ? 'ok' : 'wrong';
      const errors = errorsOf({ current, rule: await newPasswordRule(account, input.password, input.password2), same: input.password === input.current });
      if (current === 'wrong') {
        await d.limits.penalty(CURRENT_PASSWORD_FAILURES, account.id);
        await store.audit.record({ type: 'password.change_failed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { reason: 'wrong_current', firstSignIn: true } });
      }
      if (Object.keys(errors).length) return form(errors, 400);

      const passwordHash = await hashPassword(input.password);
      await store.transaction(async (repos) => {
        await repos.accounts.setPassword(account.id, passwordHash, PASSWORD_LOCK_HOURS);
        await repos.accounts.setMustChangePassword(account.id, false);
        await repos.webSessions.reauthenticated(context.sessionIdHash);
        await repos.audit.record({ type: 'account.password_changed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { reason: 'first-sign-in' } });
      });
      await d.limits.reset(CURRENT_PASSWORD_FAILURES, account.id);
      return { kind: 'changed' };
    },
  };
}
export type FirstPasswordService = ReturnType<typeof firstPasswordService>;
