import type Provider from 'oidc-provider';
import type { Logger } from 'pino';

/** Tells an application that an account's sign-ins to it ended: one logout token per session id (or one without). */
export type BackchannelLogout = (clientId: string, accountId: string, sids: string[]) => Promise<void>;

/**
 * OpenID Connect Back-Channel Logout 1.0 through oidc-provider's own client method (the logout token is
 * signed like an ID token, `typ: logout+jwt`), for clients registered with a `backchannel_logout_uri`.
 * A client that does not answer is logged; what was revoked stays revoked.
 */
export function backchannelLogout(provider: () => Provider, log: Logger): BackchannelLogout {
  return async (clientId, accountId, sids) => {
    const client = (await provider().Client.find(clientId)) as
      | (InstanceType<Provider['Client']> & { backchannelLogout(sub: string, sid?: string): Promise<void> })
      | undefined;
    if (!client?.backchannelLogoutUri) return;
    for (const sid of sids.length ? sids : [undefined]) {
      try {
        await client.backchannelLogout(accountId, sid);
        log.info({ clientId }, 'back-channel logout sent');
      } catch (err) {
        log.warn({ err, clientId }, 'back-channel logout failed');
      }
    }
  };
}
