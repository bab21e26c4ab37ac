import { parseLoginName } from '../../domain/account-name.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import { verifyPassword } from '../../security/password.ts';
import { sha256 } from '../../security/tokens.ts';
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

export type LoginResult = { ok: true; account: Account } | { ok: false; reason: 'captcha' | 'credentials' | 'throttled' };

/** After this many failures for one account name within the window, that name is refused for a while. */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MINUTES = 15;

/**
 * Sign-in with the Education Cloud password. Every failure looks the same to the user, and an
 * unknown or disabled account costs the same password-hashing time as a known one.
 */
export function authenticator(deps: { accounts: AccountRepo; audit: AuditRepo; captcha: CaptchaService; accountDomain: string }) {
  return async (a: LoginAttempt): Promise<LoginResult> => {
    const context = { ip: a.ip, userAgent: a.userAgent, clientId: a.clientId };
    const name = parseLoginName(a.account, deps.accountDomain);
    // Keyed by the name as typed, known or not, so the throttle itself reveals nothing about accounts.
    const nameHash = sha256(`login:${name.ok ? name.value : a.account.trim().toLowerCase()}`);
    if ((await deps.audit.recentFailures(nameHash, LOGIN_FAILURE_WINDOW_MINUTES)) >= LOGIN_FAILURE_LIMIT) {
      await deps.audit.record({ type: 'login.throttled', ...context, detail: { name_hash: nameHash } });
      return { ok: false, reason: 'throttled' };
    }
    if (!(await deps.captcha.check(a.captchaId, a.captcha))) {
      await deps.audit.record({ type: 'login.failed', ...context, detail: { reason: 'captcha' } });
      return { ok: false, reason: 'captcha' };
    }
    const account = name.ok ? await deps.accounts.findByUsername(name.value) : undefined;
    const passwordOk = await verifyPassword(account?.passwordHash, a.password);
    if (!account || !passwordOk || account.status !== 'active') {
      await deps.audit.record({
        type: 'login.failed',
        ...context,
        accountId: account?.id,
        detail: { reason: !account ? 'unknown_account' : !passwordOk ? 'password' : 'disabled', name_hash: nameHash },
      });
      return { ok: false, reason: 'credentials' };
    }
    await deps.audit.record({ type: 'login.succeeded', ...context, accountId: account.id, detail: { method: 'password' } });
    return { ok: true, account };
  };
}
export type Authenticate = ReturnType<typeof authenticator>;
