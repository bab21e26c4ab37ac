import type { PiiVault } from '../security/pii.ts';
import type { Account, AccountRepo, AuditRepo, CountyIdentityRepo } from '../storage/ports.ts';
import { FederationError, type CountyClient, type CountyIdentity, type PendingAuth } from './county-client.ts';
import type { CountyProvider, CountyProviders } from './county-providers.ts';

export { FederationError, type CountyIdentity, type PendingAuth };

/**
 * Proving who you are with a county account: the redirect to the county and back, then what the
 * county's identity means here. Sign-in, registration (4-1), finding the account and resetting the
 * password all use it.
 */
export function countyMethod(d: { providers: CountyProviders; client: CountyClient; identities: CountyIdentityRepo; accounts: AccountRepo; pii: PiiVault; audit: AuditRepo; redirectUri: string }) {
  return {
    provider: (id: string) => d.providers.get(id),
    list: () => d.providers.list(),
    start: (provider: CountyProvider) => d.client.start(provider),

    /** The verified identity from the county's answer (the callback's query string); throws FederationError. */
    async finish(provider: CountyProvider, querystring: string, pending: PendingAuth): Promise<CountyIdentity> {
      const callback = new URL(d.redirectUri);
      callback.search = querystring;
      return d.client.finish(provider, callback, pending);
    },

    /**
     * The account behind a county identity: the linked one, or (first time) the account whose identity
     * number the county asserts, which is then linked. Never by email.
     */
    async resolve(identity: CountyIdentity): Promise<Account | undefined> {
      const linked = await d.identities.accountFor(identity.providerId, identity.subject);
      if (linked) return d.accounts.findById(linked);
      if (!identity.idNumber) return undefined;
      const account = await d.accounts.findByPersonHash(d.pii.idHash(identity.idNumber));
      if (!account || !(await d.identities.link(identity.providerId, identity.subject, account.id))) return undefined;
      await d.audit.record({ type: 'county.linked', accountId: account.id, detail: { provider: identity.providerId, by: 'id_number' } });
      return account;
    },

    /** Links after the person proved the Education Cloud password once; false if the county identity has another account. */
    async linkAfterPassword(identity: CountyIdentity, account: Account): Promise<boolean> {
      const ok = await d.identities.link(identity.providerId, identity.subject, account.id);
      if (ok) await d.audit.record({ type: 'county.linked', accountId: account.id, detail: { provider: identity.providerId, by: 'password' } });
      return ok;
    },
  };
}
export type CountyMethod = ReturnType<typeof countyMethod>;
