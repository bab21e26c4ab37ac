/** The audit log searched by a system administrator (issue 10): newest first, every filter optional. */

export interface AuditLogFilter {
  /** The event type, or its beginning (`admin.` finds every admin event). */
  typePrefix?: string;
  /** Who acted, as stored: 'account:<id>', 'client:<id>' or 'cli'. */
  actor?: string;
  /** The account the event is about, by its name. */
  accountName?: string;
  clientId?: string;
  ip?: string;
  /** From this moment (inclusive) … */
  from?: Date;
  /** … to this moment (exclusive). */
  until?: Date;
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  type: string;
  actor: string | null;
  /** The acting account's name, when the actor is an account that still exists. */
  actorName: string | null;
  accountId: string | null;
  accountName: string | null;
  clientId: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
}

export interface AuditLogRepo {
  /** One page, newest first (by time, then by id). */
  search(filter: AuditLogFilter, page: { limit: number; offset: number }): Promise<AuditLogEntry[]>;
}
