import type { Channel } from './flows.ts';

export interface OutgoingMessage {
  channel: Channel;
  to: string;
  subject?: string;
  text: string;
}

export interface OutboxEntry {
  channel: Channel;
  to: string;
  subject: string;
  text: string;
  created_at: string;
}

export interface ClaimedMessage {
  id: number;
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface OutboxRepo {
  /** Queues a message; use the repositories of the transaction that makes the change it is about. */
  enqueue(m: OutgoingMessage): Promise<void>;
  /** Newest first, for the development outbox page. */
  recent(limit: number): Promise<OutboxEntry[]>;
  /** Claims due messages on these channels for claimSeconds, so no other node sends them meanwhile. */
  claimDue(channels: Channel[], batch: number, claimSeconds: number): Promise<ClaimedMessage[]>;
  markSent(id: number): Promise<void>;
  markFailed(id: number, error: string, retryInSeconds: number): Promise<void>;
}

export type TicketCategory = 'school-not-found' | 'source-not-found' | 'data-error' | 'code-not-received' | 'no-code' | 'account' | 'other';

export interface NewTicket {
  category: TicketCategory;
  name?: string;
  contact?: string;
  /** Already sealed by the PII vault: tickets never hold a plain identity number. */
  idSealed?: string;
  /** The keyed hash of that number, to find a person's tickets. */
  idHash?: string;
  /** An Education Cloud account name the person gave instead of a number. */
  accountName?: string;
  contactChannel?: Channel;
  lang?: string;
  description: string;
  detail?: Record<string, unknown>;
  /** The county the ticket is about (a county administrator's reach), when the report tells it. */
  countyCode?: string | null;
  /** The existing account the ticket names (by account name or identity number). */
  accountId?: string | null;
}

export const ticketStatuses = ['new', 'in-progress', 'waiting', 'resolved'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export interface Ticket {
  id: number;
  category: TicketCategory;
  status: TicketStatus;
  name: string | null;
  contact: string | null;
  contactChannel: Channel | null;
  idSealed: string | null;
  idHash: string | null;
  accountName: string | null;
  accountId: string | null;
  countyCode: string | null;
  countyName: string | null;
  lang: string | null;
  description: string;
  detail: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}

export interface TicketMessage {
  id: number;
  ticketId: number;
  direction: 'reply' | 'note';
  channel: Channel | null;
  to: string | null;
  body: string;
  /** 'account:<id>' or 'client:<id>', as in the audit log. */
  actor: string;
  /** The account name behind an 'account:' actor, for the page. */
  actorName: string | null;
  at: Date;
}

export interface TicketFilter {
  category?: TicketCategory;
  status?: TicketStatus;
  countyCode?: string;
  /** Only tickets created more than this many days ago. */
  olderThanDays?: number;
  /** The principal's reach: every ticket, or those of these counties (a ticket without a county only with `all`). */
  reach: { all: boolean; counties: string[] };
  limit: number;
  offset?: number;
}

export interface TicketRepo {
  /** Returns the ticket's number for the user to quote. */
  create(t: NewTicket): Promise<number>;
  /** Oldest first within each status order (new, in-progress, waiting, resolved): the queue. */
  list(f: TicketFilter): Promise<{ tickets: Ticket[]; total: number }>;
  get(id: number): Promise<Ticket | undefined>;
  /** Moves the ticket from `from` to `to` (compare-and-set): false when its status was no longer `from`. */
  setStatus(id: number, from: TicketStatus, to: TicketStatus): Promise<boolean>;
  addMessage(m: Omit<TicketMessage, 'id' | 'at' | 'actorName'>): Promise<TicketMessage>;
  messages(ticketId: number): Promise<TicketMessage[]>;
}
