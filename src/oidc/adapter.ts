import type { Adapter, AdapterPayload } from 'oidc-provider';
import { one, type Db } from '../storage/db.ts';
import type { ClientRepo } from '../storage/ports.ts';

/**
 * oidc-provider's storage contract on SQL: sessions, interactions, codes, tokens and grants all live in
 * oidc_payloads, so a restart or another node loses nothing. Clients come from the clients table.
 */
export function sqlAdapterFactory(db: Db, clients: ClientRepo) {
  return (model: string): Adapter => (model === 'Client' ? clientAdapter(clients) : payloadAdapter(db, model));
}

function payloadAdapter(db: Db, model: string): Adapter {
  const findBy = async (column: 'id' | 'uid' | 'user_code', value: string) => {
    const row = await one<{ payload: AdapterPayload; consumed: number | null }>(
      db,
      `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads
        WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [model, value],
    );
    if (!row) return undefined;
    return row.consumed ? { ...row.payload, consumed: Number(row.consumed) } : row.payload;
  };
  return {
    async upsert(id, payload, expiresIn) {
      await db.query(
        `INSERT INTO oidc_payloads (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [model, id, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn ?? null],
      );
    },
    find: (id) => findBy('id', id),
    findByUid: (uid) => findBy('uid', uid),
    findByUserCode: (userCode) => findBy('user_code', userCode),
    async consume(id) {
      await db.query(`UPDATE oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2`, [model, id]);
    },
    async destroy(id) {
      await db.query(`DELETE FROM oidc_payloads WHERE model = $1 AND id = $2`, [model, id]);
    },
    async revokeByGrantId(grantId) {
      await db.query(`DELETE FROM oidc_payloads WHERE grant_id = $1`, [grantId]);
    },
  };
}

function clientAdapter(clients: ClientRepo): Adapter {
  const readOnly = async () => {
    throw new Error('clients are managed with `edusso client`');
  };
  return {
    async find(id) {
      const c = await clients.find(id);
      return c ? ({ ...c.metadata, client_id: c.clientId, client_name: c.name } as AdapterPayload) : undefined;
    },
    upsert: readOnly,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    consume: readOnly,
    destroy: readOnly,
    revokeByGrantId: async () => undefined,
  };
}
