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
}

export interface TicketRepo {
  /** Returns the ticket's number for the user to quote. */
  create(t: NewTicket): Promise<number>;
}
