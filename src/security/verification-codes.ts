import { randomInt } from 'node:crypto';
import { one, type Queryable } from '../storage/db.ts';
import { constantTimeEqual, randomToken, sha256 } from './tokens.ts';

export const CODE_TTL_SECONDS = 10 * 60;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked';

/**
 * 6-digit codes sent to an email address or a phone: stored hashed, single-use, valid 10 minutes,
 * and dead after 5 wrong tries. A new code for the same flow and channel replaces the old one.
 */
export function verificationCodes(q: Queryable) {
  return {
    /** Returns the code to send (the caller puts it in the outbox in the same transaction). */
    async issue(tx: Queryable, c: { flowId: string; purpose: string; channel: 'email' | 'sms'; target: string }): Promise<string> {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await tx.query(`DELETE FROM verification_codes WHERE flow_id = $1 AND channel = $2`, [c.flowId, c.channel]);
      await tx.query(
        `INSERT INTO verification_codes (id, flow_id, purpose, channel, target, code_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
        [randomToken(12), c.flowId, c.purpose, c.channel, c.target, sha256(`${c.flowId}:${code}`), CODE_TTL_SECONDS],
      );
      return code;
    },
    /** Seconds until another code may be sent on this channel (0 when it may). */
    async resendWait(flowId: string, channel: 'email' | 'sms'): Promise<number> {
      const row = await one<{ wait: number }>(
        q,
        `SELECT GREATEST(0, ceil(extract(epoch FROM created_at + make_interval(secs => $3) - now())))::int AS wait
           FROM verification_codes WHERE flow_id = $1 AND channel = $2`,
        [flowId, channel, CODE_RESEND_SECONDS],
      );
      return row?.wait ?? 0;
    },
    /** Counts the attempt first, so parallel guesses cannot exceed the cap. */
    async check(flowId: string, channel: 'email' | 'sms', target: string, code: string): Promise<CodeCheck> {
      const row = await one<{ code_hash: string; attempts: number; live: boolean; id: string }>(
        q,
        `UPDATE verification_codes SET attempts = attempts + 1
          WHERE flow_id = $1 AND channel = $2 AND target = $3 AND consumed_at IS NULL
          RETURNING id, code_hash, attempts, expires_at > now() AS live`,
        [flowId, channel, target],
      );
      if (!row || !row.live) return 'expired';
      if (row.attempts > CODE_MAX_ATTEMPTS) return 'locked';
      if (!/^\d{6}$/.test(code) || !constantTimeEqual(sha256(`${flowId}:${code}`), row.code_hash)) return 'wrong';
      const used = await q.query(`UPDATE verification_codes SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL RETURNING id`, [row.id]);
      return used.length ? 'ok' : 'expired';
    },
  };
}
export type VerificationCodes = ReturnType<typeof verificationCodes>;
