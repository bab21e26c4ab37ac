import { safeUrl } from '../../domain/safe-url.ts';
import type { BackchannelLogout } from '../../oidc/backchannel-logout.ts';
import { supportedScopes } from '../../oidc/claims.ts';
import type { ClientRepo, Store } from '../../storage/ports.ts';
import { authorizedApps, chosenApps, type AuthorizedApp, type ClientFacts } from './flow.ts';

export type RevokeOutcome = { kind: 'none' } | { kind: 'revoked'; apps: AuthorizedApp[] };

/**
 * 應用服務授權清單 (SPEC 捌.1): the only place this flow changes state. Revoking an application deletes
 * every grant the account gave it, with all codes and tokens issued under them, and takes the client out
 * of the account's oidc-provider sessions, in one transaction (so its next sign-in asks for consent
 * again); then an application with a `backchannel_logout_uri` is sent a logout token.
 */
export function authorizationsService(d: { store: Store; clients: ClientRepo; logout: BackchannelLogout }) {
  const list = async (accountId: string): Promise<AuthorizedApp[]> => {
    const grants = await d.store.oidcPayloads.grantsForAccount(accountId);
    const facts = new Map<string, ClientFacts>();
    for (const clientId of new Set(grants.map((g) => g.clientId))) {
      const c = await d.clients.find(clientId);
      if (c) facts.set(clientId, { name: c.name, firstParty: c.firstParty, logoUri: safeUrl(typeof c.metadata.logo_uri === 'string' ? c.metadata.logo_uri : undefined) });
    }
    return authorizedApps(grants, (id) => facts.get(id), supportedScopes);
  };

  return {
    list,

    /** The ticked applications that are this account's (the confirm step shows these). */
    chosen: async (accountId: string, clientIds: string[]) => chosenApps(await list(accountId), clientIds),

    async revoke(accountId: string, clientIds: string[], context: { ip: string; userAgent?: string }): Promise<RevokeOutcome> {
      const apps = chosenApps(await list(accountId), clientIds);
      if (!apps.length) return { kind: 'none' };
      const revoked = await d.store.transaction(async (repos) => {
        const done: { app: AuthorizedApp; sids: string[] }[] = [];
        for (const app of apps) {
          const sids: string[] = [];
          let grants = 0;
          for (const grantId of app.grantIds) {
            const r = await repos.oidcPayloads.revokeGrant(accountId, grantId);
            if (!r) continue;
            grants++;
            sids.push(...r.sids);
          }
          if (!grants) continue;
          await repos.audit.record({ type: 'consent.revoked', accountId, clientId: app.clientId, ip: context.ip, userAgent: context.userAgent, detail: { grants, scopes: app.scopes } });
          done.push({ app, sids });
        }
        return done;
      });
      await Promise.all(revoked.map(({ app, sids }) => d.logout(app.clientId, accountId, [...new Set(sids)])));
      return revoked.length ? { kind: 'revoked', apps: revoked.map((r) => r.app) } : { kind: 'none' };
    },
  };
}
export type AuthorizationsService = ReturnType<typeof authorizationsService>;
