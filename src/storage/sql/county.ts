import { one, type Queryable } from '../db.ts';
import type { CountyIdentityRepo, CountyProviderRepo, CountyProviderRow } from '../ports.ts';

const toProvider = (r: Record<string, any>): CountyProviderRow => ({
  id: r.id,
  countyCode: r.county_code,
  countyName: r.county_name,
  displayName: r.display_name,
  kind: r.kind,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecretSealed: r.client_secret_sealed,
  scopes: r.scopes,
  claims: r.claims,
  labels: r.labels ?? {},
  endpoints: r.endpoints ?? {},
  hasIcon: r.has_icon,
});

const select = `SELECT p.id, p.county_code, p.display_name, p.kind, p.issuer, p.client_id, p.client_secret_sealed, p.scopes, p.claims,
    p.labels, p.endpoints, p.icon IS NOT NULL AS has_icon, c.name AS county_name
  FROM county_providers p JOIN counties c ON c.code = p.county_code`;

export function sqlCountyProviders(q: Queryable): CountyProviderRepo {
  return {
    async insert(p) {
      await q.query(
        `INSERT INTO county_providers (id, county_code, display_name, kind, issuer, client_id, client_secret_sealed, scopes, claims, labels, endpoints)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [p.id, p.countyCode, p.displayName, p.kind, p.issuer, p.clientId, p.clientSecretSealed, p.scopes, JSON.stringify(p.claims), JSON.stringify(p.labels), JSON.stringify(p.endpoints)],
      );
    },
    async get(id) {
      const row = await one<Record<string, any>>(q, `${select} WHERE p.id = $1`, [id]);
      return row && toProvider(row);
    },
    async list() {
      return (await q.query<Record<string, any>>(`${select} ORDER BY p.county_code, p.id`)).map(toProvider);
    },
    async update(p) {
      const rows = await q.query(
        `UPDATE county_providers SET display_name = $2, kind = $3, issuer = $4, client_id = $5, client_secret_sealed = $6, scopes = $7, claims = $8, labels = $9, endpoints = $10
          WHERE id = $1 RETURNING id`,
        [p.id, p.displayName, p.kind, p.issuer, p.clientId, p.clientSecretSealed, p.scopes, JSON.stringify(p.claims), JSON.stringify(p.labels), JSON.stringify(p.endpoints)],
      );
      return rows.length > 0;
    },
    async setIcon(id, bytes, type) {
      await q.query(`UPDATE county_providers SET icon = $2, icon_type = $3 WHERE id = $1`, [id, bytes, type]);
    },
    async icon(id) {
      const row = await one<{ icon: Uint8Array | null; icon_type: string }>(q, `SELECT icon, icon_type FROM county_providers WHERE id = $1`, [id]);
      return row?.icon ? { bytes: Buffer.from(row.icon), type: row.icon_type } : undefined;
    },
    async remove(id) {
      return (await q.query(`DELETE FROM county_providers WHERE id = $1 RETURNING id`, [id])).length > 0;
    },
  };
}

export function sqlCountyIdentities(q: Queryable): CountyIdentityRepo {
  return {
    async accountFor(providerId, subject) {
      const row = await one<{ account_id: string }>(
        q,
        `UPDATE county_identities SET last_used_at = now() WHERE provider_id = $1 AND subject = $2 RETURNING account_id`,
        [providerId, subject],
      );
      return row?.account_id;
    },
    async link(providerId, subject, accountId) {
      const rows = await q.query<{ account_id: string }>(
        `INSERT INTO county_identities (provider_id, subject, account_id) VALUES ($1, $2, $3)
         ON CONFLICT (provider_id, subject) DO UPDATE SET provider_id = EXCLUDED.provider_id
         RETURNING account_id`,
        [providerId, subject, accountId],
      );
      return rows[0]?.account_id === accountId;
    },
    async forAccount(accountId) {
      const rows = await q.query<Record<string, any>>(
        `SELECT i.provider_id, i.subject, i.linked_at, p.display_name, c.name AS county_name
           FROM county_identities i JOIN county_providers p ON p.id = i.provider_id JOIN counties c ON c.code = p.county_code
          WHERE i.account_id = $1 ORDER BY i.linked_at`,
        [accountId],
      );
      return rows.map((r) => ({ providerId: r.provider_id, subject: r.subject, linkedAt: new Date(r.linked_at), displayName: r.display_name, countyName: r.county_name }));
    },
    async unlink(accountId, providerId, subject) {
      return (await q.query(`DELETE FROM county_identities WHERE account_id = $1 AND provider_id = $2 AND subject = $3 RETURNING 1`, [accountId, providerId, subject])).length > 0;
    },
  };
}
