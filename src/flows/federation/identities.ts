import { one, type Queryable } from '../../storage/db.ts';

export interface LinkedIdentity {
  providerId: string;
  countyName: string;
  displayName: string;
  subject: string;
  linkedAt: Date;
}

/** County identities linked to accounts: one (provider, subject) belongs to at most one account. */
export function countyIdentities(q: Queryable) {
  return {
    async accountFor(providerId: string, subject: string): Promise<string | undefined> {
      const row = await one<{ account_id: string }>(q, `SELECT account_id FROM county_identities WHERE provider_id = $1 AND subject = $2`, [providerId, subject]);
      if (row) await q.query(`UPDATE county_identities SET last_used_at = now() WHERE provider_id = $1 AND subject = $2`, [providerId, subject]);
      return row?.account_id;
    },
    /** Links; returns false when this county identity already belongs to another account. */
    async link(providerId: string, subject: string, accountId: string, tx: Queryable = q): Promise<boolean> {
      const rows = await tx.query<{ account_id: string }>(
        `INSERT INTO county_identities (provider_id, subject, account_id) VALUES ($1, $2, $3)
         ON CONFLICT (provider_id, subject) DO UPDATE SET provider_id = EXCLUDED.provider_id
         RETURNING account_id`,
        [providerId, subject, accountId],
      );
      return rows[0]?.account_id === accountId;
    },
    async forAccount(accountId: string): Promise<LinkedIdentity[]> {
      const rows = await q.query<Record<string, any>>(
        `SELECT i.provider_id, i.subject, i.linked_at, p.display_name, c.name AS county_name
           FROM county_identities i JOIN county_providers p ON p.id = i.provider_id JOIN counties c ON c.code = p.county_code
          WHERE i.account_id = $1 ORDER BY i.linked_at`,
        [accountId],
      );
      return rows.map((r) => ({ providerId: r.provider_id, subject: r.subject, linkedAt: new Date(r.linked_at), displayName: r.display_name, countyName: r.county_name }));
    },
    async unlink(accountId: string, providerId: string, subject: string): Promise<boolean> {
      return (await q.query(`DELETE FROM county_identities WHERE account_id = $1 AND provider_id = $2 AND subject = $3 RETURNING 1`, [accountId, providerId, subject])).length > 0;
    },
  };
}
export type CountyIdentities = ReturnType<typeof countyIdentities>;
