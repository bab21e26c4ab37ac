import type { Queryable } from '../db.ts';
import type { AuditRepo } from '../ports.ts';

export function sqlAudit(q: Queryable): AuditRepo {
  return {
    async record(e) {
      await q.query(
        `INSERT INTO audit_events (type, account_id, client_id, ip, user_agent, detail, actor) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [e.type, e.accountId ?? null, e.clientId ?? null, e.ip ?? null, e.userAgent?.slice(0, 300) ?? null, JSON.stringify(e.detail ?? {}), e.actor ?? null],
      );
    },
    async forAccount(accountId, limit) {
      const rows = await q.query<Record<string, any>>(
        `SELECT * FROM audit_events WHERE account_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
        [accountId, limit],
      );
      return rows.map((r) => ({
        type: r.type,
        accountId: r.account_id,
        clientId: r.client_id,
        ip: r.ip,
        userAgent: r.user_agent,
        detail: r.detail,
        actor: r.actor,
        at: new Date(r.at),
      }));
    },
  };
}
