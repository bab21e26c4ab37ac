import type { Db } from './db.ts';

// Short-lived rows of every kind, kept a little past expiry so a late request still finds "expired".
const expiring = [
  `DELETE FROM oidc_payloads WHERE expires_at < now() - interval '1 minute'`,
  `DELETE FROM captchas WHERE expires_at < now() - interval '1 minute'`,
  `DELETE FROM flows WHERE expires_at < now() - interval '1 hour'`,
  `DELETE FROM verification_codes WHERE expires_at < now() - interval '1 hour'`,
  `DELETE FROM web_sessions WHERE expires_at < now() - interval '1 minute'`,
  `DELETE FROM rate_limits WHERE GREATEST(window_ends_at, blocked_until) < now() - interval '1 minute'`,
  `DELETE FROM outbox WHERE sent_at < now() - interval '30 days'`,
  // An upload's preview: kept a day past expiry, so its page still says what happened.
  `DELETE FROM uploads WHERE expires_at < now() - interval '1 day'`,
];

/** Deletes expired rows; run periodically by every node (the deletes are idempotent). */
export async function sweepExpired(db: Db): Promise<number> {
  let removed = 0;
  for (const sql of expiring) removed += (await db.query(`${sql} RETURNING 1`)).length;
  return removed;
}
