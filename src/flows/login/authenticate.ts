import { parseLoginName } from '../../domain/account-name.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import { verifyPassword } from '../../security/password.ts';
import type { Account, AccountRepo, AuditRepo } from '../../storage/ports.ts';

export interface LoginAttempt {
  account: string;
  password: string;
  captchaId: string;
  captcha: string;
  ip?: string;
  userAgent?: string;
  clientId?: string;
}

export type LoginResult = { ok: true; account: Account } | { ok: false; reason: 'captcha' | 'credentials' };

/**
 * Sign-in with the Education Cloud password. Every failure looks the same to the user, and an
 * unknown or disabled account costs the same password-hashing time as a known one.
 */
export function authenticator(deps: { accounts: AccountRepo; audit: AuditRepo; captcha: CaptchaService; accountDomain: string }) {
  return async (a: LoginAttempt): Promise<LoginResult> => {
    const context = { ip: a.ip, userAgent: a.userAgent, clientId: a.clientId };
    if (!(await deps.captcha.check(a.captchaId, a.captcha))) {
      await deps.audit.record({ type: 'login.failed', ...context, detail: { reason: 'captcha' } });
      return { ok: false, reason: 'captcha' };
    }
    const name = parseLoginName(a.account, deps.accountDomain);
    const account = name.ok ? await deps.accounts.findByUsername(name.value) : undefined;
    const passwordOk = await verifyPassword(account?.passwordHash, a.password);
    if (!account || !passwordOk || account.status !== 'active') {
      await deps.audit.record({
        type: 'login.failed',
        ...context,
        accountId: account?.id,
        detail: { reason: !account ? 'unknown_account' : !passwordOk ? 'password' : 'disabled' },
      });
      return { ok: false, reason: 'credentials' };
    }
    await deps.audit.record({ type: 'login.succeeded', ...context, accountId: account.id, detail: { method: 'password' } });
    return { ok: true, account };
  };
}
export type Authenticate = ReturnType<typeof authenticator>;
