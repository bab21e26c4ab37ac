import type { AdminApi } from '../kit/api.ts';
import type { ConsoleDeps } from '../deps.ts';
import { messageJson, summaryJson, ticketJson } from './present.ts';
import {
  doneSchema, emptyBody, queueQuery, reasonBody, replyBody, schoolBody, schoolSchema, sourceBody, sourceResultSchema, statusBody,
  ticketListSchema, ticketMessageSchema, ticketParams, ticketSchema, ticketSummarySchema,
} from './schemas.ts';

/** The helpdesk in the API: the queue, a ticket, replies, statuses and the resolution actions. */
export function helpdeskApi(d: ConsoleDeps, api: AdminApi) {
  const h = d.s.helpdesk;
  const tag = 'helpdesk';
  const current = async (id: number) => summaryJson((await d.s.store.tickets.get(id))!);

  api.add({
    method: 'get', path: '/tickets', operationId: 'listTickets', tag, capability: 'admin:tickets',
    summary: 'The ticket queue within the principal’s reach, by status then age; filter by category, status, county and age',
    query: queueQuery, response: ticketListSchema,
    handler: async ({ principal, query, req }) => {
        const r = await h.list(principal, query, req);
        return { total: r.total, tickets: r.tickets.map(summaryJson) };
    },
  });

  api.add({
    method: 'get', path: '/tickets/{id}', operationId: 'getTicket', tag, capability: 'admin:tickets', errors: [404],
    summary: 'What the reporter entered (identity number masked), the account it names with its state and recent sign-ins, the messages; audited',
    params: ticketParams, response: ticketSchema,
    handler: async ({ principal, params, req }) => ticketJson(await h.show(principal, params.id, req)),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/replies', operationId: 'replyToTicket', tag, capability: 'admin:tickets', errors: [404, 409], status: 201,
    summary: 'Reply to the reporter by email or SMS, in the ticket’s language; kept in the ticket and queued in one transaction',
    params: ticketParams, body: replyBody, response: ticketMessageSchema,
    handler: async ({ principal, params, body, req }) => messageJson(await h.reply(principal, params.id, body, req)),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/status', operationId: 'setTicketStatus', tag, capability: 'admin:tickets', errors: [404, 409],
    summary: 'Move the ticket: new → in-progress → waiting ⇄ in-progress → resolved (reopen: resolved → in-progress); any other move is 409',
    params: ticketParams, body: statusBody, response: ticketSummarySchema,
    handler: async ({ principal, params, body, req }) => (await h.setStatus(principal, params.id, body.status, req), current(params.id)),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/actions/add-school', operationId: 'ticketAddSchool', tag, capability: 'admin:tickets', errors: [404, 409], status: 201,
    summary: 'Add a missing school to the directory (checked like an MOE school list row; its county within reach of admin:directory)',
    params: ticketParams, body: schoolBody, response: schoolSchema,
    handler: async ({ principal, params, body, req }) => await h.addSchool(principal, params.id, body, req),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/actions/source-record', operationId: 'ticketUpsertSourceRecord', tag, capability: 'admin:tickets', errors: [404],
    summary: 'Add or correct one source record (checked like a source data row; its school within reach of admin:people)',
    params: ticketParams, body: sourceBody, response: sourceResultSchema,
    handler: async ({ principal, params, body, req }) => await h.upsertSource(principal, params.id, body, req),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/actions/enable-account', operationId: 'ticketEnableAccount', tag, capability: 'admin:tickets', errors: [404, 409],
    summary: 'Re-enable the disabled account the ticket names (admin:accounts on that account)',
    params: ticketParams, body: emptyBody, response: doneSchema,
    handler: async ({ principal, params, req }) => (await h.enableAccount(principal, params.id, req), { ok: true as const, ticket: await current(params.id) }),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/actions/resend-verification', operationId: 'ticketResendVerification', tag, capability: 'admin:tickets', errors: [404, 409],
    summary: 'Send the named account’s owner where to get a new verification code (admin:accounts on that account)',
    params: ticketParams, body: emptyBody, response: doneSchema,
    handler: async ({ principal, params, req }) => (await h.resendVerification(principal, params.id, req), { ok: true as const, ticket: await current(params.id) }),
  });

  api.add({
    method: 'post', path: '/tickets/{id}/actions/reset-two-factor', operationId: 'ticketResetTwoFactor', tag, capability: 'admin:tickets', errors: [404, 409],
    summary: 'After the person’s identity was proofed: reset the named account’s two-factor (reason required); sessions end, the person is mailed',
    params: ticketParams, body: reasonBody, response: doneSchema,
    handler: async ({ principal, params, body, req }) => (await h.resetTwoFactor(principal, params.id, body.reason, req), { ok: true as const, ticket: await current(params.id) }),
  });
}
