import type { Queryable } from '../db.ts';
import type { OverviewRepo, OverviewScope, TicketAge } from '../ports.ts';

const scopeParams = (s: OverviewScope) => [s.all, s.counties, s.schools];

// An account's home school: its primary affiliation, the lowest school code when several (or none is primary).
// One hash aggregate over affiliations (no sort), then hash joins: linear in the accounts.
const HOME = `SELECT f.account_id, coalesce(min(f.school_code) FILTER (WHERE f.is_primary), min(f.school_code)) AS school_code
  FROM affiliations f GROUP BY f.account_id`;

export function sqlOverview(q: Queryable): OverviewRepo {
  return {
    async accountsByCounty(scope) {
      const rows = await q.query<{ county_code: string | null; county_name: string | null; active: number; inactive: number; disabled: number }>(
        `WITH home AS (${HOME})
         SELECT s.county_code, c.name AS county_name,
                count(*) FILTER (WHERE a.status = 'active')::int AS active,
                count(*) FILTER (WHERE a.status = 'disabled' AND a.disabled_reason = 'inactive')::int AS inactive,
                count(*) FILTER (WHERE a.status = 'disabled' AND a.disabled_reason IS DISTINCT FROM 'inactive')::int AS disabled
           FROM accounts a LEFT JOIN home h ON h.account_id = a.id
           LEFT JOIN schools s ON s.code = h.school_code LEFT JOIN counties c ON c.code = s.county_code
          WHERE $1 OR s.county_code = ANY($2::text[]) OR h.school_code = ANY($3::text[])
          GROUP BY s.county_code, c.name
          ORDER BY s.county_code NULLS LAST`,
        scopeParams(scope),
      );
      return rows.map((r) => ({ countyCode: r.county_code, countyName: r.county_name, active: r.active, inactive: r.inactive, disabled: r.disabled }));
    },

    async signInsByHour(scope, since, until) {
      // Whole hours in UTC are whole hours in Taipei (UTC+8, no daylight saving).
      const rows = await q.query<{ hour: Date; succeeded: number; failed: number }>(
        `SELECT date_trunc('hour', r.at) AS hour,
                count(*) FILTER (WHERE r.result = 'succeeded')::int AS succeeded,
                count(*) FILTER (WHERE r.result = 'failed')::int AS failed
           FROM sign_in_records r
          WHERE r.kind = 'authentication' AND r.at >= $4 AND r.at < $5
            AND ($1 OR EXISTS (SELECT 1 FROM affiliations f JOIN schools s ON s.code = f.school_code
                                WHERE f.account_id = r.account_id AND (s.county_code = ANY($2::text[]) OR f.school_code = ANY($3::text[]))))
          GROUP BY 1 ORDER BY 1`,
        [...scopeParams(scope), since, until],
      );
      return rows.map((r) => ({ hour: new Date(r.hour), succeeded: r.succeeded, failed: r.failed }));
    },

    async openTicketsByAge(scope, now) {
      // A bounded reach sees the tickets of its counties (a ticket without a county: everywhere-reach only).
      const rows = await q.query<{ age: TicketAge; count: number }>(
        `SELECT CASE WHEN $3::timestamptz - t.created_at < interval '1 day' THEN '0-1'
                     WHEN $3::timestamptz - t.created_at < interval '3 days' THEN '1-3'
                     WHEN $3::timestamptz - t.created_at < interval '7 days' THEN '3-7'
                     ELSE '7+' END AS age,
                count(*)::int AS count
           FROM helpdesk_tickets t
          WHERE t.status <> 'resolved' AND t.created_at <= $3
            AND ($1 OR t.county_code = ANY($2::text[]))
          GROUP BY 1`,
        [scopeParams(scope)[0], scopeParams(scope)[1], now],
      );
      return rows;
    },
  };
}
