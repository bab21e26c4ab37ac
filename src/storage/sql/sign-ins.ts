import type { Queryable } from '../db.ts';
import type { SignInMethod, SignInRecord, SignInRecordRepo } from '../ports.ts';

export function sqlSignIns(q: Queryable): SignInRecordRepo {
  return {
    async record(r) {
      await q.query(
        `INSERT INTO sign_in_records (account_id, kind, client_id, method, result, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [r.accountId, r.kind, r.clientId ?? null, r.method, r.result, r.ip ?? null, r.userAgent?.slice(0, 500) ?? null],
      );
    },
    async forAccount(accountId, kind, limit) {
      const rows = await q.query<{
        at: Date;
        account_id: string;
        kind: SignInRecord['kind'];
        client_id: string | null;
        client_name: string | null;
        method: SignInMethod;
        result: SignInRecord['result'];
        ip: string | null;
        user_agent: string | null;
      }>(
        `SELECT r.at, r.account_id, r.kind, r.client_id, c.name AS client_name, r.method, r.result, r.ip, r.user_agent
           FROM sign_in_records r LEFT JOIN clients c ON c.client_id = r.client_id
          WHERE r.account_id = $1 AND r.kind = $2 ORDER BY r.at DESC, r.id DESC LIMIT $3`,
        [accountId, kind, limit],
      );
      return rows.map((r) => ({
        at: r.at,
        accountId: r.account_id,
        kind: r.kind,
        clientId: r.client_id,
        clientName: r.client_name,
        method: r.method,
        result: r.result,
        ip: r.ip,
        userAgent: r.user_agent,
      }));
    },
    async purgeOlderThan(days) {
      const rows = await q.query(
        `WITH gone AS (DELETE FROM sign_in_records WHERE at < now() - make_interval(days => $1) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [days],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
