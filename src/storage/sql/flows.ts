import { one, type Queryable } from '../db.ts';
import type { FlowRepo, VerificationCodeRepo } from '../ports.ts';

export function sqlFlows(q: Queryable): FlowRepo {
  return {
    async create(id, kind, state, ttlSeconds) {
      await q.query(`INSERT INTO flows (id, kind, state, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`, [
        id,
        kind,
        JSON.stringify(state),
        ttlSeconds,
      ]);
    },
    async load(id, kind) {
      return one(q, `SELECT id, state, version FROM flows WHERE id = $1 AND kind = $2 AND expires_at > now()`, [id, kind]);
    },
    async save(id, version, state) {
      const rows = await q.query(`UPDATE flows SET state = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`, [
        id,
        version,
        JSON.stringify(state),
      ]);
      return rows.length === 1;
    },
    async remove(id) {
      await q.query(`DELETE FROM flows WHERE id = $1`, [id]);
    },
  };
}

export function sqlVerificationCodes(q: Queryable): VerificationCodeRepo {
  return {
    async replace(c) {
      await q.query(`DELETE FROM verification_codes WHERE flow_id = $1 AND channel = $2`, [c.flowId, c.channel]);
      await q.query(
        `INSERT INTO verification_codes (id, flow_id, purpose, channel, target, code_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
        [c.id, c.flowId, c.purpose, c.channel, c.target, c.codeHash, c.ttlSeconds],
      );
    },
    async secondsSinceIssued(flowId, channel) {
      const row = await one<{ age: number }>(
        q,
        `SELECT floor(extract(epoch FROM now() - created_at))::int AS age FROM verification_codes WHERE flow_id = $1 AND channel = $2`,
        [flowId, channel],
      );
      return row ? Number(row.age) : undefined;
    },
    async countAttempt(flowId, channel, target) {
      const row = await one<{ id: string; code_hash: string; attempts: number; live: boolean }>(
        q,
        `UPDATE verification_codes SET attempts = attempts + 1
          WHERE flow_id = $1 AND channel = $2 AND target = $3 AND consumed_at IS NULL
          RETURNING id, code_hash, attempts, expires_at > now() AS live`,
        [flowId, channel, target],
      );
      return row && { id: row.id, codeHash: row.code_hash, attempts: row.attempts, live: row.live };
    },
    async consume(id) {
      return (await q.query(`UPDATE verification_codes SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id`, [id])).length > 0;
    },
  };
}
