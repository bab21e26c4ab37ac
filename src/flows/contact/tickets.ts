import type { Queryable } from '../../storage/db.ts';

export type TicketCategory = 'school-not-found' | 'source-not-found' | 'data-error' | 'code-not-received' | 'other';

export interface NewTicket {
  category: TicketCategory;
  name?: string;
  contact?: string;
  /** Already sealed by the PII vault: tickets never hold a plain identity number. */
  idSealed?: string;
  description: string;
  detail?: Record<string, unknown>;
}

/** A report handed to the helpdesk; returns its number for the user to quote. */
export async function createTicket(q: Queryable, t: NewTicket): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO helpdesk_tickets (category, name, contact, id_sealed, description, detail)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [t.category, t.name ?? null, t.contact ?? null, t.idSealed ?? null, t.description.slice(0, 4000), JSON.stringify(t.detail ?? {})],
  );
  return Number(rows[0]!.id);
}
