import { one, type Queryable } from '../db.ts';
import type { CaptchaRepo, WebSessionRepo } from '../ports.ts';

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

export function sqlWebSessions(q: Queryable): WebSessionRepo {
  return {
    async create(idHash, accountId, ttlSeconds) {
      await q.query(
        `INSERT INTO web_sessions (id, account_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
        [idHash, accountId, ttlSeconds],
      );
    },
    async find(idHash) {
      const row = await one<{ account_id: string }>(
        q,
        `SELECT account_id FROM web_sessions WHERE id = $1 AND expires_at > now()`,
        [idHash],
      );
      return row && { accountId: row.account_id };
    },
    async remove(idHash) {
      await q.query(`DELETE FROM web_sessions WHERE id = $1`, [idHash]);
    },
    async removeForAccount(accountId) {
      await q.query(`DELETE FROM web_sessions WHERE account_id = $1`, [accountId]);
    },
  };
}
