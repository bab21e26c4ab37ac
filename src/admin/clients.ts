import type { ClientMetadata } from 'oidc-provider';
import { isDisabled } from '../oidc/adapter.ts';
import { addClient, registrationOf, updateClient, type ClientChanges, type NewClient } from '../oidc/client-registry.ts';
import { randomToken } from '../security/tokens.ts';
import type { AuditRepo, ClientRecord, ClientRepo, OidcPayloadRepo } from '../storage/ports.ts';
import { actorOf, type Principal, type RequestInfo } from './access.ts';

/** Who changes an application: an administrator (console or API) with the request, or the command line on the server. */
export type ClientActor = { principal: Principal; req?: RequestInfo } | 'cli';

/** A connected application as the console, the API and the CLI show it: never its secret. */
export function clientView(r: ClientRecord) {
  const c = registrationOf(r);
  return {
    clientId: r.clientId,
    name: r.name,
    kind: c.service ? ('service' as const) : c.public ? ('public' as const) : ('web' as const),
    firstParty: r.firstParty,
    homeUrl: r.homeUrl,
    logoUri: c.logoUri ?? null,
    redirectUris: c.redirectUris,
    postLogoutRedirectUris: c.postLogoutRedirectUris ?? [],
    backchannelLogoutUri: c.backchannelLogoutUri ?? null,
    scopes: c.scopes.split(/\s+/).filter(Boolean),
    adminCounty: c.adminCounty ?? null,
    authMethod: String(r.metadata.token_endpoint_auth_method ?? 'client_secret_basic'),
    disabled: isDisabled(r),
    disabledAt: typeof r.metadata.disabled_at === 'string' ? r.metadata.disabled_at : null,
    createdAt: r.createdAt.toISOString(),
  };
}
export type ClientView = ReturnType<typeof clientView>;

/** Why a change was refused: no such application, or a public one has no secret to rotate. */
export class ClientNotFound extends Error {}
export class ClientHasNoSecret extends Error {}

/**
 * Connected applications: the one service `edusso client …`, the console and the API call. `validate`
 * is the OpenID provider's own check of the metadata. Every change is an audit event naming its actor.
 */
export function clientAdmin(
  clients: ClientRepo,
  validate: () => Promise<(m: ClientMetadata) => Promise<unknown>>,
  d: { audit: AuditRepo; payloads: OidcPayloadRepo },
) {
  async function record(actor: ClientActor, type: string, clientId: string, detail: Record<string, unknown> = {}) {
    const req = actor === 'cli' ? {} : (actor.req ?? {});
    await d.audit.record({ type, clientId, actor: actor === 'cli' ? 'cli' : actorOf(actor.principal), ip: req.ip, userAgent: req.userAgent, detail: { client: clientId, ...detail } });
  }
  async function found(clientId: string) {
    const c = await clients.find(clientId);
    if (!c) throw new ClientNotFound(clientId);
    return c;
  }
  async function setDisabled(clientId: string, disabled: boolean, actor: ClientActor) {
    const c = await found(clientId);
    if (isDisabled(c) === disabled) return { client: clientView(c), changed: false, revoked: 0 };
    const { disabled: _d, disabled_at: _at, ...rest } = c.metadata;
    const metadata = disabled ? { ...rest, disabled: true, disabled_at: new Date().toISOString() } : rest;
    await clients.update({ ...c, metadata });
    // Its tokens are refused while it is disabled; they are deleted too, so enabling it again revives none.
    const revoked = disabled ? await d.payloads.revokeClient(clientId) : 0;
    await record(actor, `client.${disabled ? 'disabled' : 'enabled'}`, clientId, disabled ? { revoked } : {});
    return { client: clientView({ ...c, metadata }), changed: true, revoked };
  }

  return {
    /** Registers an application; the secret is in the answer once and never again. */
    async add(input: NewClient, actor: ClientActor = 'cli') {
      const result = await addClient(clients, input, await validate());
      await record(actor, 'client.registered', result.clientId, { name: result.metadata.client_name });
      return result;
    },
    list: () => clients.list(),
    find: (clientId: string) => clients.find(clientId),
    async update(clientId: string, changes: ClientChanges, actor: ClientActor = 'cli') {
      const updated = await updateClient(clients, clientId, changes, await validate());
      if (!updated) throw new ClientNotFound(clientId);
      await record(actor, 'client.updated', clientId, { fields: Object.keys(changes).filter((k) => changes[k as keyof ClientChanges] !== undefined) });
      return updated;
    },
    /** A new secret, returned once; the old one stops working at once (this node's cache is cleared, others by NOTIFY). */
    async rotateSecret(clientId: string, actor: ClientActor = 'cli') {
      const c = await found(clientId);
      if (c.metadata.token_endpoint_auth_method === 'none') throw new ClientHasNoSecret(clientId);
      const clientSecret = randomToken(32);
      await clients.update({ ...c, metadata: { ...c.metadata, client_secret: clientSecret } });
      await record(actor, 'client.secret-rotated', clientId);
      return { clientId, clientSecret };
    },
    disable: (clientId: string, actor: ClientActor = 'cli') => setDisabled(clientId, true, actor),
    enable: (clientId: string, actor: ClientActor = 'cli') => setDisabled(clientId, false, actor),
    async remove(clientId: string, actor: ClientActor = 'cli') {
      const done = await clients.remove(clientId);
      if (done) await record(actor, 'client.removed', clientId);
      return done;
    },
  };
}
export type ClientAdmin = ReturnType<typeof clientAdmin>;
