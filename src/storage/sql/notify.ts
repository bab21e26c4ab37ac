import type { Queryable } from '../db.ts';
import type { OutboxRepo, Ticket, TicketMessage, TicketRepo } from '../ports.ts';

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

const TICKET_COLUMNS = `t.id, t.category, t.status, t.name, t.contact, t.contact_channel, t.id_sealed, t.id_hash, t.account_name, t.account_id,
  t.county_code, c.name AS county_name, t.lang, t.description, t.detail, t.created_at, t.updated_at, t.resolved_at`;

type TicketRow = {
  id: string | number; category: Ticket['category']; status: Ticket['status']; name: string | null; contact: string | null;
  contact_channel: Ticket['contactChannel']; id_sealed: string | null; id_hash: string | null; account_name: string | null;
  account_id: string | null; county_code: string | null; county_name: string | null; lang: string | null; description: string;
  detail: Record<string, unknown> | string; created_at: Date | string; updated_at: Date | string; resolved_at: Date | string | null;
};

const ticketOf = (r: TicketRow): Ticket => ({
  id: Number(r.id), category: r.category, status: r.status, name: r.name, contact: r.contact, contactChannel: r.contact_channel,
  idSealed: r.id_sealed, idHash: r.id_hash, accountName: r.account_name, accountId: r.account_id, countyCode: r.county_code,
  countyName: r.county_name, lang: r.lang, description: r.description, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
  createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
});

type MessageRow = { id: string | number; ticket_id: string | number; direction: TicketMessage['direction']; channel: TicketMessage['channel']; recipient: string | null; body: string; actor: string; actor_name: string | null; at: Date | string };
const messageOf = (r: MessageRow): TicketMessage => ({
  id: Number(r.id), ticketId: Number(r.ticket_id), direction: r.direction, channel: r.channel, to: r.recipient, body: r.body, actor: r.actor, actorName: r.actor_name, at: new Date(r.at),
});

export function sqlTickets(q: Queryable): TicketRepo {
  return {
    async create(t) {
      const rows = await q.query<{ id: number }>(
        `INSERT INTO helpdesk_tickets (category, name, contact, id_sealed, description, detail, id_hash, account_name, contact_channel, lang, county_code, account_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          t.category, t.name ?? null, t.contact ?? null, t.idSealed ?? null, t.description.slice(0, 4000), JSON.stringify(t.detail ?? {}),
          t.idHash ?? null, t.accountName ?? null, t.contactChannel ?? null, t.lang ?? null, t.countyCode ?? null, t.accountId ?? null,
        ],
      );
      return Number(rows[0]!.id);
    },
    async list(f) {
      const where: string[] = [];
      const args: unknown[] = [];
      const arg = (v: unknown) => `$${args.push(v)}`;
      if (!f.reach.all) where.push(`t.county_code = ANY(${arg(f.reach.counties)}::text[])`);
      if (f.category) where.push(`t.category = ${arg(f.category)}`);
      if (f.status) where.push(`t.status = ${arg(f.status)}`);
      if (f.countyCode) where.push(`t.county_code = ${arg(f.countyCode)}`);
      if (f.olderThanDays !== undefined) where.push(`t.created_at < now() - make_interval(days => ${arg(f.olderThanDays)})`);
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = await q.query<{ n: string | number }>(`SELECT count(*) AS n FROM helpdesk_tickets t ${filter}`, args);
      const rows = await q.query<TicketRow>(
        `SELECT ${TICKET_COLUMNS} FROM helpdesk_tickets t LEFT JOIN counties c ON c.code = t.county_code ${filter}
          ORDER BY array_position(ARRAY['new', 'in-progress', 'waiting', 'resolved'], t.status), t.created_at, t.id
          LIMIT ${arg(f.limit)} OFFSET ${arg(f.offset ?? 0)}`,
        args,
      );
      return { tickets: rows.map(ticketOf), total: Number(total[0]!.n) };
    },
    async get(id) {
      const rows = await q.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM helpdesk_tickets t LEFT JOIN counties c ON c.code = t.county_code WHERE t.id = $1`, [id]);
      return rows[0] && ticketOf(rows[0]);
    },
    async setStatus(id, from, to) {
      const rows = await q.query(
        `UPDATE helpdesk_tickets SET status = $3, updated_at = now(), resolved_at = CASE WHEN $3 = 'resolved' THEN now() END
          WHERE id = $1 AND status = $2 RETURNING id`,
        [id, from, to],
      );
      return rows.length === 1;
    },
    async addMessage(m) {
      const rows = await q.query<MessageRow>(
        `WITH touched AS (UPDATE helpdesk_tickets SET updated_at = now() WHERE id = $1)
         INSERT INTO ticket_messages (ticket_id, direction, channel, recipient, body, actor) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, ticket_id, direction, channel, recipient, body, actor, NULL::text AS actor_name, at`,
        [m.ticketId, m.direction, m.channel, m.to, m.body.slice(0, 4000), m.actor],
      );
      return messageOf(rows[0]!);
    },
    async messages(ticketId) {
      const rows = await q.query<MessageRow>(
        `SELECT m.id, m.ticket_id, m.direction, m.channel, m.recipient, m.body, m.actor, a.username AS actor_name, m.at
           FROM ticket_messages m LEFT JOIN accounts a ON m.actor = 'account:' || a.id::text
          WHERE m.ticket_id = $1 ORDER BY m.id`,
        [ticketId],
      );
      return rows.map(messageOf);
    },
  };
}
