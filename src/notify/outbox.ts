import type { Queryable } from '../storage/db.ts';

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  text: string;
}

/** Queues a message; call it with the transaction that makes the change the message is about. */
export async function enqueue(tx: Queryable, m: OutgoingMessage): Promise<void> {
  await tx.query(`INSERT INTO outbox (channel, recipient, subject, body) VALUES ($1, $2, $3, $4)`, [m.channel, m.to, m.subject ?? '', m.text]);
}

export interface OutboxEntry {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  text: string;
  created_at: string;
}

/** Newest first, for the development outbox page. */
export async function listRecent(q: Queryable, limit = 100): Promise<OutboxEntry[]> {
  const rows = await q.query<{ channel: 'email' | 'sms'; recipient: string; subject: string; body: string; created_at: Date | string }>(
    `SELECT channel, recipient, subject, body, created_at FROM outbox ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ channel: r.channel, to: r.recipient, subject: r.subject, text: r.body, created_at: new Date(r.created_at).toISOString() }));
}
