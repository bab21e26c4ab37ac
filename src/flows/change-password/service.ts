import { newPasswordCheck } from '../../methods/password.ts';
import { PASSWORD_LOCK_HOURS } from '../../domain/password-policy.ts';
import type { Lang } from '../../i18n/translate.ts';
import { hashPassword, verifyPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import type { Account, Store } from '../../storage/ports.ts';
import type { FieldErrors } from '../kit/form.ts';
import { errorsOf, pageFor, wantsOthersSignedOut, type PasswordPage } from './flow.ts';
import { passwordChangedNotice } from './notice.ts';
import type { ChangePasswordInput } from './schemas.ts';

/** Wrong current passwords one account may type before 修改密碼 waits (a stolen session cannot guess on). */
export const CURRENT_PASSWORD_FAILURES: RateLimitPolicy = { name: 'password.change.account', points: 5, windowSeconds: 15 * 60 };

export interface ChangeContext {
  ip?: string;
  userAgent?: string;
  lang: Lang;
  /** This browser's web session (stays signed in, marked as just re-authenticated). */
  sessionIdHash: string;
  /** This browser's oidc-provider session id, kept when the others end. */
  providerSessionId?: string;
}

export type ChangeOutcome = { kind: 'changed'; othersEnded: boolean } | { kind: 'show'; page: PasswordPage; status: number; retryAfterSeconds?: number };

/**
 * 修改密碼: the only place this flow changes state. The current password proven, the one new-password
 * rule, then in one transaction: the password with its 24-hour lock, the other devices signed out
 * (web sessions and provider sessions; applications' grants and refresh tokens stay), the audit event
 * and the notice mail.
 */
export function changePasswordService(d: { store: Store; limits: RateLimits; pii: PiiVault; kickDelivery?: () => void }) {
  const { store } = d;

  const newPasswordRule = newPasswordCheck(store.accounts, d.pii);

  return {
    async show(accountId: string, done: { changed?: boolean; othersEnded?: boolean } = {}): Promise<PasswordPage> {
      return pageFor(await store.accounts.passwordLockedUntil(accountId), new Date(), done);
    },

    async change(account: Account, input: ChangePasswordInput, context: ChangeContext): Promise<ChangeOutcome> {
      const signOutOthers = wantsOthersSignedOut(input.sign_out_others);
      const locked = pageFor(await store.accounts.passwordLockedUntil(account.id), new Date());
      if (locked.step === 'locked') return { kind: 'show', page: locked, status: 409 };
      const form = (errors: FieldErrors, status: number, error = 'changePassword.fixFields', retryAfterSeconds?: number): ChangeOutcome => ({
        kind: 'show',
        page: { step: 'form', errors, error, signOutOthers, retryMinutes: retryAfterSeconds && Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
        status,
        retryAfterSeconds,
      });

      const limit = await d.limits.get(CURRENT_PASSWORD_FAILURES, account.id);
      if (limit.remaining <= 0) {
        await store.audit.record({ type: 'password.change_failed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { reason: 'too_many' } });
        return form({}, 429, 'changePassword.tooMany', limit.retryAfterSeconds);
      }
      const current = !input.current ? 'missing' : (await verifyPassword(account.passwordHash, input.current)) ? 'ok' : 'wrong';
      const errors = errorsOf({ current, rule: await newPasswordRule(account, input.password, input.password2), same: input.password === input.current });
      if (current === 'wrong') {
        await d.limits.penalty(CURRENT_PASSWORD_FAILURES, account.id);
        await store.audit.record({ type: 'password.change_failed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { reason: 'wrong_current' } });
      }
      if (Object.keys(errors).length) return form(errors, 400);

      const passwordHash = await hashPassword(input.password);
      const at = new Date();
      await store.transaction(async (repos) => {
        await repos.accounts.setPassword(account.id, passwordHash, PASSWORD_LOCK_HOURS);
        await repos.webSessions.reauthenticated(context.sessionIdHash);
        let providerSessions = 0;
        if (signOutOthers) {
          await repos.webSessions.removeForAccount(account.id, context.sessionIdHash);
          providerSessions = await repos.oidcPayloads.revokeSessions(account.id, context.providerSessionId);
        }
        await repos.audit.record({ type: 'password.changed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { signedOutOthers: signOutOthers, providerSessions } });
        if (account.email) {
          const notice = passwordChangedNotice(account.username, at, signOutOthers, context.lang);
          await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: notice.subject, text: notice.text });
        }
      });
      await d.limits.reset(CURRENT_PASSWORD_FAILURES, account.id);
      d.kickDelivery?.();
      return { kind: 'changed', othersEnded: signOutOthers };
    },
  };
}
export type ChangePasswordService = ReturnType<typeof changePasswordService>;
