import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Queryable } from '../storage/db.ts';
import type { ClientRepo, OidcPayloadRepo } from '../storage/ports.ts';
import { sqlOidcPayloads } from '../storage/sql/oidc.ts';

/**
 * oidc-provider's storage contract on the payload port: sessions, interactions, codes, tokens and
 * grants are stored, so a restart or another node loses nothing. Clients come from the clients table.
 */
export function adapterFactory(payloads: OidcPayloadRepo, clients: ClientRepo) {
  return (model: string): Adapter => (model === 'Client' ? clientAdapter(clients) : payloadAdapter(payloads, model));
}

/** The same on SQL (the signature provider.ts uses). */
export const sqlAdapterFactory = (db: Queryable, clients: ClientRepo) => adapterFactory(sqlOidcPayloads(db), clients);

function payloadAdapter(payloads: OidcPayloadRepo, model: string): Adapter {
  const findBy = async (by: 'id' | 'uid' | 'user_code', value: string) => (await payloads.find(model, by, value)) as AdapterPayload | undefined;
  return {
    upsert: (id, payload, expiresIn) => payloads.upsert(model, id, payload as Record<string, unknown>, expiresIn),
    find: (id) => findBy('id', id),
    findByUid: (uid) => findBy('uid', uid),
    findByUserCode: (userCode) => findBy('user_code', userCode),
    consume: (id) => payloads.consume(model, id),
    destroy: (id) => payloads.destroy(model, id),
    revokeByGrantId: (grantId) => payloads.revokeByGrantId(grantId),
  };
}

/** The convention the admin API's token check shares (src/console/kit/principal.ts): `metadata.disabled === true`. */
export const isDisabled = (c: { metadata: Record<string, unknown> }) => c.metadata.disabled === true;

function clientAdapter(clients: ClientRepo): Adapter {
  const readOnly = async () => {
    throw new Error('clients are managed with `edusso client`');
  };
  return {
    async find(id) {
      const c = await clients.find(id);
      // A disabled application is absent to the provider: no sign-in, no code exchange, refresh or
      // client-credentials grant, and its access tokens are refused ("associated client not found").
      if (!c || isDisabled(c)) return undefined;
      const { disabled: _d, disabled_at: _at, ...metadata } = c.metadata;
      return { ...metadata, client_id: c.clientId, client_name: c.name } as AdapterPayload;
    },
    upsert: readOnly,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    consume: readOnly,
    destroy: readOnly,
    revokeByGrantId: async () => undefined,
  };
}
