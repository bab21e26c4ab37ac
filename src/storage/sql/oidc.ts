import { one, type Queryable } from '../db.ts';
import type { HealthRepo, OidcPayloadRepo } from '../ports.ts';

export function sqlOidcPayloads(q: Queryable): OidcPayloadRepo {
  return {
    async upsert(model, id, payload, expiresIn) {
      await q.query(
        `INSERT INTO oidc_payloads (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [model, id, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn ?? null],
      );
    },
    async find(model, by, value) {
      const column = { id: 'id', uid: 'uid', user_code: 'user_code' }[by];
      const row = await one<{ payload: Record<string, unknown>; consumed: number | null }>(
        q,
        `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads
          WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())`,
        [model, value],
      );
      if (!row) return undefined;
      return row.consumed ? { ...row.payload, consumed: Number(row.consumed) } : row.payload;
    },
    async consume(model, id) {
      await q.query(`UPDATE oidc_payloads SET consumed_at = now() WHERE model = $1 AND id = $2`, [model, id]);
    },
    async destroy(model, id) {
      await q.query(`DELETE FROM oidc_payloads WHERE model = $1 AND id = $2`, [model, id]);
    },
    async revokeByGrantId(grantId) {
      await q.query(`DELETE FROM oidc_payloads WHERE grant_id = $1`, [grantId]);
    },
    async revokeAccount(accountId) {
      const rows = await q.query(
        `DELETE FROM oidc_payloads
          WHERE payload->>'accountId' = $1
             OR grant_id IN (SELECT grant_id FROM oidc_payloads WHERE payload->>'accountId' = $1 AND grant_id IS NOT NULL)
             OR (model = 'Grant' AND id IN (SELECT grant_id FROM oidc_payloads WHERE payload->>'accountId' = $1 AND grant_id IS NOT NULL))
          RETURNING id`,
        [accountId],
      );
      return rows.length;
    },
    async revokeSessions(accountId, keep) {
      const rows = await q.query(`DELETE FROM oidc_payloads WHERE model = 'Session' AND payload->>'accountId' = $1 AND id IS DISTINCT FROM $2 RETURNING id`, [accountId, keep ?? null]);
      return rows.length;
    },
  };
}

export function sqlHealth(q: Queryable): HealthRepo {
  return {
    async ping() {
      await q.query('SELECT 1');
    },
  };
}
