import type { TotpMethod } from '../../methods/totp.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import { verifyPassword } from '../../security/password.ts';
import type { Account, SignInMethod, Store } from '../../storage/ports.ts';
import type { FieldErrors } from '../kit/form.ts';
import { codeError } from '../two-factor/service.ts';
import { codeKind, missing } from './flow.ts';

/** Wrong passwords asked again, per account (the person is signed in: no name to hide): 5 in 15 minutes, then a wait. */
export const REAUTH_FAILURES: RateLimitPolicy = { name: 'reauth.account', points: 5, windowSeconds: 15 * 60 };

export interface RequestContext {
  ip?: string;
  userAgent?: string;
}

export type ConfirmOutcome = { ok: true; methods: readonly SignInMethod[] } | { ok: false; status: number; errors: FieldErrors };

/** The password asked again (and the two-factor code, when the account has it on): the only place this changes anything. */
export function reauthService(d: { store: Store; limits: RateLimits; totp: TotpMethod }) {
  const { store } = d;
  const audit = (type: string, account: Account, c: RequestContext, detail?: Record<string, unknown>) =>
    store.audit.record({ type, accountId: account.id, ip: c.ip, userAgent: c.userAgent, detail });
  const signIn = (account: Account, method: 'password' | 'two-factor', result: 'succeeded' | 'failed', c: RequestContext) =>
    store.signIns.record({ accountId: account.id, kind: 'authentication', method, result, ip: c.ip, userAgent: c.userAgent });

  /** Whether this account must also give a two-factor code (bound and turned on). */
  const needsCode = async (account: Account) => Boolean((await store.twoFactor.find(account.id))?.enabledAt);

  return {
    needsCode,

    /** 「確認」: proven → the caller marks the session re-authenticated; anything else changes nothing but the counts. */
    async confirm(account: Account, input: { password: string; code: string }, c: RequestContext): Promise<ConfirmOutcome> {
      const limit = await d.limits.get(REAUTH_FAILURES, account.id);
      if (limit.remaining <= 0) {
        await audit('account.reauthentication_refused', account, c, { reason: 'too_many' });
        const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
        return { ok: false, status: 429, errors: { form: { key: 'reauth.tooMany', params: { minutes } } } };
      }
      const withCode = await needsCode(account);
      const absent = missing(input, withCode);
      if (Object.keys(absent).length) return { ok: false, status: 400, errors: absent };
      if (!(await verifyPassword(account.passwordHash, input.password))) {
        await d.limits.penalty(REAUTH_FAILURES, account.id);
        await signIn(account, 'password', 'failed', c);
        await audit('account.reauthentication_failed', account, c, { method: 'password' });
        return { ok: false, status: 400, errors: { password: { key: 'reauth.passwordWrong' } } };
      }
      if (withCode) {
        const kind = codeKind(input.code);
        const code = { ...c, purpose: 'reauthentication' };
        const r = kind === 'totp' ? await d.totp.verify(account.id, input.code.replace(/\s/g, ''), code) : await d.totp.useRecoveryCode(account.id, input.code, code);
        if (!r.ok) {
          await signIn(account, 'two-factor', 'failed', c);
          await audit('account.reauthentication_failed', account, c, { method: 'two-factor', reason: r.reason });
          const error = kind === 'recovery' && r.reason !== 'locked' ? { key: 'secondFactor.recoveryWrong' } : codeError(r);
          return { ok: false, status: r.reason === 'locked' ? 429 : 400, errors: { code: error } };
        }
      }
      await signIn(account, withCode ? 'two-factor' : 'password', 'succeeded', c);
      await audit('account.reauthenticated', account, c, { method: withCode ? 'two-factor' : 'password' });
      return { ok: true, methods: withCode ? (['password', 'two-factor'] as const) : (['password'] as const) };
    },
  };
}
export type ReauthService = ReturnType<typeof reauthService>;
