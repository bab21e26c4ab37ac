import type { Lang } from '../../i18n/translate.ts';
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, TOTP_FAILURE_POLICY, totpUri, type CodeResult, type TotpMethod } from '../../methods/totp.ts';
import { verifyPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimits } from '../../security/rate-limit.ts';
import type { Account, Store } from '../../storage/ports.ts';
import type { FlowStore } from '../kit/flow-store.ts';
import type { FieldErrors } from '../kit/form.ts';
import { allowed, type BindingState, type Confirmed } from './flow.ts';
import { twoFactorNotice } from './notice.ts';

export interface TwoFactorDeps {
  store: Store;
  flows: FlowStore<BindingState>;
  totp: TotpMethod;
  pii: PiiVault;
  limits: RateLimits;
  kickDelivery?: () => void;
}
export interface RequestContext {
  ip?: string;
  userAgent?: string;
}
export interface TwoFactorStatus {
  bound: boolean;
  enabled: boolean;
  boundAt?: Date;
  codesLeft: number;
}

/** A refused code as the field error beside it. */
export function codeError(r: Exclude<CodeResult, { ok: true }>): FieldErrors[string] {
  switch (r.reason) {
    case 'locked':
      return { key: 'twoFactor.locked', params: { minutes: Math.ceil(r.retryAfterSeconds / 60) } };
    case 'malformed':
      return { key: 'twoFactor.codeMalformed' };
    case 'replayed':
      return { key: 'twoFactor.codeReplayed' };
    default:
      return { key: 'twoFactor.codeWrong' };
  }
}

const auditType: Record<Confirmed, string> = { enable: 'two_factor.enabled', regenerate: 'two_factor.recovery_codes_regenerated', remove: 'two_factor.removed' };

/** 壹拾: every change of an account's two-factor binding happens here; the routes only parse and render. */
export function twoFactorService(d: TwoFactorDeps) {
  const { store, flows } = d;

  async function binding(token: string | undefined, accountId: string) {
    const f = await flows.load(token);
    return f && f.state.accountId === accountId ? f : undefined;
  }

  return {
    async status(accountId: string): Promise<TwoFactorStatus> {
      const tf = await store.twoFactor.find(accountId);
      if (!tf) return { bound: false, enabled: false, codesLeft: 0 };
      return { bound: true, enabled: Boolean(tf.enabledAt), boundAt: tf.boundAt, codesLeft: tf.enabledAt ? await store.twoFactor.recoveryCodesLeft(accountId) : 0 };
    },

    /** 「開始」: a binding with a new secret, for this browser; undefined when one is bound already. */
    async begin(accountId: string): Promise<string | undefined> {
      if (await store.twoFactor.find(accountId)) return undefined;
      const created = await flows.create({ accountId, secretSealed: d.pii.seal(newTotpSecret()) });
      return created.token;
    },

    /** The secret of this browser's binding as the setup step shows it: the otpauth URI and the key. */
    async pending(token: string | undefined, account: Account): Promise<{ secret: string; uri: string } | undefined> {
      const f = await binding(token, account.id);
      if (!f) return undefined;
      const secret = d.pii.open(f.state.secretSealed);
      return { secret, uri: totpUri(secret, account.username) };
    },

    /** 「綁定」: a current code of the new secret binds it. */
    async bind(token: string | undefined, account: Account, code: string, c: RequestContext): Promise<{ ok: true } | { ok: false; expired?: true; errors?: FieldErrors }> {
      const f = await binding(token, account.id);
      if (!f) return { ok: false, expired: true };
      const check = await d.totp.verifyPending(account.id, d.pii.open(f.state.secretSealed), code, { ...c, purpose: 'bind' });
      if (!check.ok) return { ok: false, errors: { code: codeError(check) } };
      const bound = await store.transaction(async (repos) => {
        if (!(await repos.twoFactor.bind(account.id, f.state.secretSealed, check.step))) return false;
        await repos.flows.remove(f.id);
        await repos.audit.record({ type: 'two_factor.bound', accountId: account.id, ip: c.ip, userAgent: c.userAgent });
        return true;
      });
      return bound ? { ok: true } : { ok: false, expired: true };
    },

    /**
     * 「啟用雙因子驗證」, 「重新產生備用代碼」 and 「解除雙因子綁定」: each asks for the password and a
     * current code, is audited and mailed to the account's email. Enabling and regenerating return the
     * new recovery codes, shown once.
     */
    async confirm(change: Confirmed, account: Account, input: { password: string; code: string }, c: RequestContext, lang: Lang): Promise<{ ok: true; codes?: string[] } | { ok: false; errors: FieldErrors; status: number }> {
      const status = await this.status(account.id);
      if (!allowed(change, status)) return { ok: false, errors: {}, status: 409 };
      const limit = await d.limits.get(TOTP_FAILURE_POLICY, account.id);
      if (limit.remaining <= 0) return { ok: false, errors: { code: codeError({ ok: false, reason: 'locked', retryAfterSeconds: limit.retryAfterSeconds }) }, status: 429 };
      if (!(await verifyPassword(account.passwordHash, input.password))) {
        await d.limits.penalty(TOTP_FAILURE_POLICY, account.id);
        await store.audit.record({ type: 'two_factor.password_failed', accountId: account.id, ip: c.ip, userAgent: c.userAgent, detail: { change } });
        return { ok: false, errors: { password: { key: 'twoFactor.passwordWrong' } }, status: 400 };
      }
      const check = await d.totp.verify(account.id, input.code, { ...c, purpose: change });
      if (!check.ok) return { ok: false, errors: { code: codeError(check) }, status: check.reason === 'locked' ? 429 : 400 };
      const codes = change === 'remove' ? undefined : newRecoveryCodes();
      const hashes = codes?.map((code) => recoveryCodeHash(code)!) ?? [];
      await store.transaction(async (repos) => {
        if (change === 'enable') await repos.twoFactor.enable(account.id, hashes);
        else if (change === 'regenerate') await repos.twoFactor.replaceRecoveryCodes(account.id, hashes);
        else await repos.twoFactor.remove(account.id);
        await repos.audit.record({ type: auditType[change], accountId: account.id, ip: c.ip, userAgent: c.userAgent });
        if (account.email) {
          const notice = twoFactorNotice(account.username, change, lang);
          await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: notice.subject, text: notice.text });
        }
      });
      if (account.email) d.kickDelivery?.();
      return { ok: true, codes };
    },
  };
}
export type TwoFactorService = ReturnType<typeof twoFactorService>;
