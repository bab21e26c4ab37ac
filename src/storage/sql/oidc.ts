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
    async revokeClient(clientId) {
      const rows = await q.query(
        `DELETE FROM oidc_payloads
          WHERE (model <> 'Session' AND payload->>'clientId' = $1)
             OR grant_id IN (SELECT id FROM oidc_payloads WHERE model = 'Grant' AND payload->>'clientId' = $1)
          RETURNING id`,
        [clientId],
      );
      return rows.length;
    },
    async revokeSessions(accountId, keep) {
      const rows = await q.query(`DELETE FROM oidc_payloads WHERE model = 'Session' AND payload->>'accountId' = $1 AND id IS DISTINCT FROM $2 RETURNING id`, [accountId, keep ?? null]);
      return rows.length;
    },
    async grantsForAccount(accountId) {
      const rows = await q.query<{ id: string; client_id: string; scope: string | null; iat: string | null }>(
        `SELECT id, payload->>'clientId' AS client_id, payload->'openid'->>'scope' AS scope, payload->>'iat' AS iat FROM oidc_payloads
          WHERE model = 'Grant' AND payload->>'accountId' = $1 AND (expires_at IS NULL OR expires_at > now())
          ORDER BY (payload->>'iat')::bigint, id`,
        [accountId],
      );
      return rows.map((r) => ({ grantId: r.id, clientId: r.client_id, scopes: (r.scope ?? '').split(' ').filter(Boolean), issuedAt: new Date(Number(r.iat ?? 0) * 1000) }));
    },
    async revokeGrant(accountId, grantId) {
      const grant = await one<{ client_id: string }>(
        q,
        `DELETE FROM oidc_payloads WHERE model = 'Grant' AND id = $1 AND payload->>'accountId' = $2 RETURNING payload->>'clientId' AS client_id`,
        [grantId, accountId],
      );
      if (!grant) return undefined;
      await q.query(`DELETE FROM oidc_payloads WHERE grant_id = $1`, [grantId]);
      // The sessions forget the client, so its next sign-in starts without a grant (and asks for consent).
      const sessions = await q.query<{ sid: string | null }>(
        `WITH hit AS (SELECT model, id, payload->'authorizations'->$2->>'sid' AS sid FROM oidc_payloads
                       WHERE model = 'Session' AND payload->>'accountId' = $1 AND payload->'authorizations' ? $2 FOR UPDATE)
         UPDATE oidc_payloads p SET payload = p.payload #- ARRAY['authorizations', $2::text] FROM hit
          WHERE p.model = hit.model AND p.id = hit.id RETURNING hit.sid`,
        [accountId, grant.client_id],
      );
      return { clientId: grant.client_id, sids: sessions.map((s) => s.sid).filter((s): s is string => Boolean(s)) };
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
