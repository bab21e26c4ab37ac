import { one, type Queryable } from '../db.ts';
import type { CaptchaRepo, SignInMethod, WebSession, WebSessionRepo } from '../ports.ts';

export function sqlCaptchas(q: Queryable): CaptchaRepo {
  return {
    async put(id, answer, ttlSeconds) {
      await q.query(`INSERT INTO captchas (id, answer, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [
        id,
        answer,
        ttlSeconds,
      ]);
    },
    async peek(id) {
      const row = await one<{ answer: string }>(q, `SELECT answer FROM captchas WHERE id = $1 AND expires_at > now()`, [id]);
      return row?.answer;
    },
    async take(id) {
      // DELETE … RETURNING: of two racing submissions only one gets the row.
      const row = await one<{ answer: string; live: boolean }>(
        q,
        `DELETE FROM captchas WHERE id = $1 RETURNING answer, expires_at > now() AS live`,
        [id],
      );
      return row?.live ? row.answer : undefined;
    },
  };
}

interface SessionRow {
  id: string;
  account_id: string;
  created_at: Date;
  authenticated_at: Date;
  last_seen_at: Date;
  ip: string | null;
  user_agent: string | null;
  methods: string[];
}

const SESSION_COLUMNS = `id, account_id, created_at, authenticated_at, last_seen_at, ip, user_agent, methods`;

const toSession = (r: SessionRow): WebSession => ({
  idHash: r.id,
  accountId: r.account_id,
  createdAt: r.created_at,
  authenticatedAt: r.authenticated_at,
  lastSeenAt: r.last_seen_at,
  ip: r.ip,
  userAgent: r.user_agent,
  methods: r.methods as SignInMethod[],
});

export function sqlWebSessions(q: Queryable): WebSessionRepo {
  return {
    async create(idHash, accountId, ttlSeconds, meta) {
      await q.query(
        `INSERT INTO web_sessions (id, account_id, expires_at, ip, user_agent, methods)
         VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5, $6)`,
        [idHash, accountId, ttlSeconds, meta?.ip ?? null, meta?.userAgent?.slice(0, 500) ?? null, meta?.methods ?? []],
      );
    },
    async find(idHash) {
      const row = await one<SessionRow>(q, `SELECT ${SESSION_COLUMNS} FROM web_sessions WHERE id = $1 AND expires_at > now()`, [idHash]);
      return row && toSession(row);
    },
    async touch(idHash) {
      await q.query(`UPDATE web_sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`, [idHash]);
    },
    async reauthenticated(idHash, methods = []) {
      await q.query(
        `UPDATE web_sessions SET authenticated_at = now(), last_seen_at = now(),
           methods = ARRAY(SELECT DISTINCT m FROM unnest(methods || $2::text[]) AS m ORDER BY m) WHERE id = $1`,
        [idHash, methods],
      );
    },
    async listForAccount(accountId) {
      const rows = await q.query<SessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM web_sessions WHERE account_id = $1 AND expires_at > now() ORDER BY last_seen_at DESC, created_at DESC`,
        [accountId],
      );
      return rows.map(toSession);
    },
    async remove(idHash) {
      await q.query(`DELETE FROM web_sessions WHERE id = $1`, [idHash]);
    },
    async removeOwn(accountId, idHash) {
      const rows = await q.query(`DELETE FROM web_sessions WHERE id = $1 AND account_id = $2 RETURNING id`, [idHash, accountId]);
      return rows.length > 0;
    },
    async removeForAccount(accountId, keep) {
      await q.query(`DELETE FROM web_sessions WHERE account_id = $1 AND id IS DISTINCT FROM $2`, [accountId, keep ?? null]);
    },
    async linkProviderSession(idHash, providerSessionId) {
      await q.query(`UPDATE web_sessions SET provider_session_id = $2 WHERE id = $1 AND provider_session_id IS DISTINCT FROM $2`, [idHash, providerSessionId]);
    },
    async providerSessionOf(idHash) {
      const row = await one<{ provider_session_id: string | null }>(q, `SELECT provider_session_id FROM web_sessions WHERE id = $1`, [idHash]);
      return row?.provider_session_id ?? undefined;
    },
  };
}
