import { parseLoginName } from '../../domain/account-name.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { RateLimits } from '../../security/rate-limit.ts';
import { sha256 } from '../../security/tokens.ts';
import { passwordMethod } from '../../methods/password.ts';
import type { AccountRepo, AuditRepo, SignInRecordRepo } from '../../storage/ports.ts';
import type { LoginResult } from './flow.ts';
import { deviceMark } from './known-devices.ts';
import { loginThrottle } from './throttle.ts';

export interface LoginAttempt {
  account: string;
  password: string;
  captchaId: string;
  captcha: string;
  ip?: string;
  userAgent?: string;
  clientId?: string;
  /** Marks of the account names this browser signed in with before (known-devices.ts). */
  knownDevice?: readonly string[];
}

/**
 * The login service: sign-in with the Education Cloud password, throttled (throttle.ts). Every
 * failure looks the same to the user.
 */
export function authenticator(deps: { accounts: AccountRepo; audit: AuditRepo; signIns: SignInRecordRepo; limits: RateLimits; captcha: CaptchaService; accountDomain: string }) {
  const throttle = loginThrottle(deps.limits, deps.audit);
  const provePassword = passwordMethod(deps.accounts);
  return async (a: LoginAttempt): Promise<LoginResult> => {
    const context = { ip: a.ip, userAgent: a.userAgent, clientId: a.clientId };
    const record = { ip: a.ip, userAgent: a.userAgent, clientId: a.clientId };
    const name = parseLoginName(a.account, deps.accountDomain);
    // Keyed by the name as typed, known or not, so the throttle itself reveals nothing about accounts.
    const nameHash = sha256(`login:${name.ok ? name.value : a.account.trim().toLowerCase()}`);
    const mark = deviceMark(nameHash);
    const subject = { nameHash, ip: a.ip ?? 'unknown', knownDevice: a.knownDevice?.includes(mark) ?? false };
    const decision = await throttle.check(subject, context);
    if (decision.refused) return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
    if (!(await deps.captcha.check(a.captchaId, a.captcha))) {
      await deps.audit.record({ type: 'login.failed', ...context, detail: { reason: 'captcha' } });
      return { ok: false, reason: 'captcha' };
    }
    const proof = await provePassword(name.ok ? name.value : undefined, a.password);
    if (!proof.ok && proof.reason === 'disabled') {
      // The password was right: the owner may learn the account is disabled and how to re-activate it.
      await deps.audit.record({ type: 'login.failed', ...context, accountId: proof.account?.id, detail: { reason: 'disabled', name_hash: nameHash } });
      return { ok: false, reason: 'disabled' };
    }
    if (!proof.ok) {
      await deps.audit.record({ type: 'login.failed', ...context, accountId: proof.account?.id, detail: { reason: proof.reason, name_hash: nameHash } });
      // The owner sees wrong passwords typed for the account in ＩＰ登入紀錄 (SPEC 玖).
      if (proof.account) await deps.signIns.record({ accountId: proof.account.id, kind: 'authentication', method: 'password', result: 'failed', ...record });
      await throttle.failed(subject, context);
      return { ok: false, reason: 'credentials' };
    }
    const { account } = proof;
    await throttle.succeeded(subject);
    await deps.accounts.recordLogin(account.id);
    await deps.audit.record({ type: 'login.succeeded', ...context, accountId: account.id, detail: { method: 'password' } });
    await deps.signIns.record({ accountId: account.id, kind: 'authentication', method: 'password', result: 'succeeded', ...record });
    return { ok: true, account, deviceMark: mark };
  };
}
export type Authenticate = ReturnType<typeof authenticator>;
