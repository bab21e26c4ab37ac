import type { Queryable } from '../db.ts';
import type { AuditLogEntry, AuditLogFilter, AuditLogRepo } from '../ports.ts';

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause of a filter and its parameters; every filter goes through an index of audit_events. */
function where(f: AuditLogFilter) {
  const terms: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    terms.push(sql(`$${params.length}`));
  };
  if (f.typePrefix) add((n) => `e.type LIKE ${n}`, likePrefix(f.typePrefix));
  if (f.actor) add((n) => `e.actor = ${n}`, f.actor);
  if (f.accountName) add((n) => `e.account_id = (SELECT id FROM accounts WHERE username = ${n})`, f.accountName.trim().toLowerCase());
  if (f.clientId) add((n) => `e.client_id = ${n}`, f.clientId);
  if (f.ip) add((n) => `e.ip = ${n}`, f.ip);
  if (f.from) add((n) => `e.at >= ${n}`, f.from);
  if (f.until) add((n) => `e.at < ${n}`, f.until);
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

interface Row {
  id: string;
  at: Date;
  type: string;
  actor: string | null;
  actor_name: string | null;
  account_id: string | null;
  account_name: string | null;
  client_id: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown> | null;
}

export function sqlAuditLog(q: Queryable): AuditLogRepo {
  return {
    async search(filter, page) {
      const w = where(filter);
      const n = w.params.length;
      // The page is chosen first (over the index on at, id), then the names of its few rows are looked up.
      const rows = await q.query<Row>(
        `SELECT e.id::text AS id, e.at, e.type, e.actor, e.account_id, e.client_id, e.ip, e.user_agent, e.detail,
                acc.username AS account_name, act.username AS actor_name
           FROM (SELECT * FROM audit_events e ${w.sql} ORDER BY e.at DESC, e.id DESC LIMIT $${n + 1} OFFSET $${n + 2}) e
           LEFT JOIN accounts acc ON acc.id = e.account_id
           LEFT JOIN accounts act ON e.actor ~ '^account:[0-9a-f-]{36}$' AND act.id = (CASE WHEN e.actor ~ '^account:[0-9a-f-]{36}$' THEN substr(e.actor, 9)::uuid END)
          ORDER BY e.at DESC, e.id DESC`,
        [...w.params, page.limit, page.offset],
      );
      return rows.map(
        (r): AuditLogEntry => ({
          id: r.id,
          at: new Date(r.at),
          type: r.type,
          actor: r.actor,
          actorName: r.actor_name,
          accountId: r.account_id,
          accountName: r.account_name,
          clientId: r.client_id,
          ip: r.ip,
          userAgent: r.user_agent,
          detail: r.detail ?? {},
        }),
      );
    },
  };
}
