import type { TicketView } from '../../admin/helpdesk.ts';
import type { Ticket, TicketMessage } from '../../storage/ports.ts';
import { panelJson } from '../accounts/present.ts';

/** A ticket as the queue lists it (times as ISO strings). */
export const summaryJson = (t: Ticket) => ({
  id: t.id,
  category: t.category,
  status: t.status,
  name: t.name,
  countyCode: t.countyCode,
  countyName: t.countyName,
  accountId: t.accountId,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  resolvedAt: t.resolvedAt?.toISOString() ?? null,
});

export const messageJson = (m: TicketMessage) => ({ ...m, at: m.at.toISOString() });

/** Where the report came from: a registration report carries what that flow knew. */
export const fromOf = (t: Ticket) => (t.detail.registration ? ('registration' as const) : ('contact' as const));

export const ticketJson = (v: TicketView) => ({
  ...summaryJson(v.ticket),
  contact: v.ticket.contact,
  contactChannel: v.ticket.contactChannel,
  idMasked: v.idMasked,
  accountName: v.ticket.accountName,
  lang: v.ticket.lang,
  description: v.ticket.description,
  from: fromOf(v.ticket),
  account: v.account && v.account !== 'out-of-reach' ? panelJson(v.account) : null,
  accountOutOfReach: v.account === 'out-of-reach',
  messages: v.messages.map(messageJson),
});
