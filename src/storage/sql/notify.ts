import type { Queryable } from '../db.ts';
import type { OutboxRepo, TicketRepo } from '../ports.ts';

export function sqlOutbox(q: Queryable): OutboxRepo {
  return {
    async enqueue(m) {
      await q.query(`INSERT INTO outbox (channel, recipient, subject, body) VALUES ($1, $2, $3, $4)`, [m.channel, m.to, m.subject ?? '', m.text]);
    },
    async recent(limit) {
      const rows = await q.query<{ channel: 'email' | 'sms'; recipient: string; subject: string; body: string; created_at: Date | string }>(
        `SELECT channel, recipient, subject, body, created_at FROM outbox ORDER BY id DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({ channel: r.channel, to: r.recipient, subject: r.subject, text: r.body, created_at: new Date(r.created_at).toISOString() }));
    },
    async claimDue(channels, batch, claimSeconds) {
      return q.query(
        `UPDATE outbox SET claimed_until = now() + make_interval(secs => $3)
          WHERE id IN (SELECT id FROM outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                          AND channel = ANY($1::text[])
                        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, channel, recipient, subject, body, attempts`,
        [channels, batch, claimSeconds],
      );
    },
    async markSent(id) {
      await q.query(`UPDATE outbox SET sent_at = now(), claimed_until = NULL, attempts = attempts + 1 WHERE id = $1`, [id]);
    },
    async markFailed(id, error, retryInSeconds) {
      await q.query(
        `UPDATE outbox SET attempts = attempts + 1, claimed_until = NULL, last_error = $2,
           next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
        [id, error.slice(0, 500), retryInSeconds],
      );
    },
  };
}

export function sqlTickets(q: Queryable): TicketRepo {
  return {
    async create(t) {
      const rows = await q.query<{ id: number }>(
        `INSERT INTO helpdesk_tickets (category, name, contact, id_sealed, description, detail, id_hash, account_name, contact_channel, lang)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          t.category, t.name ?? null, t.contact ?? null, t.idSealed ?? null, t.description.slice(0, 4000), JSON.stringify(t.detail ?? {}),
          t.idHash ?? null, t.accountName ?? null, t.contactChannel ?? null, t.lang ?? null,
        ],
      );
      return Number(rows[0]!.id);
    },
  };
}
