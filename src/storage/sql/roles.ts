import type { Queryable } from '../db.ts';
import type { Role, RoleGrant, RoleRepo } from '../ports.ts';

interface Row {
  account_id: string;
  username: string;
  role: Role;
  county_code: string | null;
  county_name: string | null;
  school_code: string | null;
  school_name: string | null;
  granted_at: Date;
  granted_by: string | null;
}

const select = `SELECT g.account_id, a.username, g.role, g.county_code, c.name AS county_name, g.school_code, s.name AS school_name, g.granted_at, g.granted_by
  FROM role_grants g JOIN accounts a ON a.id = g.account_id
  LEFT JOIN counties c ON c.code = g.county_code LEFT JOIN schools s ON s.code = g.school_code`;
const order = `ORDER BY a.username, g.role, g.county_code NULLS FIRST, g.school_code NULLS FIRST`;

const toGrant = (r: Row): RoleGrant => ({
  accountId: r.account_id,
  username: r.username,
  role: r.role,
  countyCode: r.county_code,
  countyName: r.county_name,
  schoolCode: r.school_code,
  schoolName: r.school_name,
  grantedAt: new Date(r.granted_at),
  grantedBy: r.granted_by,
});

export function sqlRoles(q: Queryable): RoleRepo {
  return {
    async grant(g) {
      const rows = await q.query(
        `INSERT INTO role_grants (account_id, role, county_code, school_code, granted_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (account_id, role, coalesce(county_code, ''), coalesce(school_code, '')) DO NOTHING RETURNING 1`,
        [g.accountId, g.role, g.countyCode ?? null, g.schoolCode ?? null, g.grantedBy ?? null],
      );
      return rows.length === 1;
    },
    async revoke(g) {
      const rows = await q.query(
        `DELETE FROM role_grants WHERE account_id = $1 AND role = $2
            AND county_code IS NOT DISTINCT FROM $3::text AND school_code IS NOT DISTINCT FROM $4::text RETURNING 1`,
        [g.accountId, g.role, g.countyCode ?? null, g.schoolCode ?? null],
      );
      return rows.length > 0;
    },
    async forAccount(accountId) {
      return (await q.query<Row>(`${select} WHERE g.account_id = $1 ${order}`, [accountId])).map(toGrant);
    },
    async list(filter = {}) {
      const rows = filter.accountId ? await q.query<Row>(`${select} WHERE g.account_id = $1 ${order}`, [filter.accountId]) : await q.query<Row>(`${select} ${order}`);
      return rows.map(toGrant);
    },
  };
}
