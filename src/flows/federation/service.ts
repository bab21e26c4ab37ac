import { validatePassword } from '../../domain/password-policy.ts';
import { hashPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { Account, AccountRepo, AuditRepo } from '../../storage/ports.ts';
import type { CountyIdentity, PendingAuth } from './county-client.ts';
import type { CountyIdentities } from './identities.ts';

export const purposes = ['login', 'register', 'forgot-account', 'reset-password'] as const;
export type Purpose = (typeof purposes)[number];

export interface FederationState {
  providerId: string;
  purpose: Purpose;
  /** The application sign-in waiting for this login (oidc-provider interaction uid). */
  interaction?: string;
  pending?: PendingAuth;
  identity?: CountyIdentity;
}

export const PASSWORD_LOCK_HOURS = 24;

/** What a county identity means for accounts: who it is, linking, and resetting a password with it. */
export function federationService(d: { accounts: AccountRepo; identities: CountyIdentities; pii: PiiVault; audit: AuditRepo }) {
  return {
    /**
     * The account behind a county identity: the linked one, or (first time) the account whose identity
     * number the county asserts, which is then linked. Never by email.
     */
    async resolve(identity: CountyIdentity): Promise<{ account: Account; linkedNow: boolean } | undefined> {
      const linked = await d.identities.accountFor(identity.providerId, identity.subject);
      if (linked) {
        const account = await d.accounts.findById(linked);
        return account && { account, linkedNow: false };
      }
      if (!identity.idNumber) return undefined;
      const account = await d.accounts.findByPersonHash(d.pii.idHash(identity.idNumber));
      if (!account || !(await d.identities.link(identity.providerId, identity.subject, account.id))) return undefined;
      await d.audit.record({ type: 'county.linked', accountId: account.id, detail: { provider: identity.providerId, by: 'id_number' } });
      return { account, linkedNow: true };
    },

    /** Links after the person proved the Education Cloud password once; false if the county identity has another account. */
    async linkAfterPassword(identity: CountyIdentity, account: Account): Promise<boolean> {
      const ok = await d.identities.link(identity.providerId, identity.subject, account.id);
      if (ok) await d.audit.record({ type: 'county.linked', accountId: account.id, detail: { provider: identity.providerId, by: 'password' } });
      return ok;
    },

    /** 陸.2: a new password through the county account, then no change for 24 hours. */
    async resetPassword(account: Account, password: string, password2: string, ip?: string): Promise<{ ok: true } | { ok: false; field: string; key: string }> {
      if (await d.accounts.passwordLockedUntil(account.id)) return { ok: false, field: 'password', key: 'reset.locked' };
      const check = validatePassword(password, { account: account.username });
      if (!check.ok) return { ok: false, field: 'password', key: check.errors[0]! };
      if (password !== password2) return { ok: false, field: 'password2', key: 'password.mismatch' };
      await d.accounts.setPassword(account.id, await hashPassword(password), PASSWORD_LOCK_HOURS);
      await d.audit.record({ type: 'password.reset', accountId: account.id, ip, detail: { via: 'county' } });
      return { ok: true };
    },
  };
}
export type FederationService = ReturnType<typeof federationService>;
