import { z } from 'zod';
import { AUDIT_PAGE_SIZE, auditLog, auditQuery } from '../../admin/audit-log.ts';
import { page } from '../../web/context.ts';
import type { ConsoleArea } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { auditPage } from './views.ts';

const pageNumber = z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: `1-based; ${AUDIT_PAGE_SIZE} events a page` });
const searchQuery = auditQuery.extend({ page: pageNumber });

const eventSchema = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: 'ISO 8601' }),
    type: z.string(),
    actor: z.string().nullable().meta({ description: "'account:<id>', 'client:<id>', 'cli', or null (the account itself, or the public)" }),
    actorName: z.string().nullable().meta({ description: 'the acting account’s name' }),
    accountId: z.string().nullable(),
    accountName: z.string().nullable(),
    clientId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

/** The query string of a search (its non-empty fields, no page): what the export link and the pager carry. */
const queryString = (q: Record<string, string | undefined>) => new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1]))).toString();
const fileName = (at: Date) => `audit-${at.toISOString().slice(0, 10).replaceAll('-', '')}.csv`;

/** 稽核紀錄 (/admin/audit): search and CSV export for admin:audit; GET /audit-events and /audit-events.csv. */
export const auditArea: ConsoleArea = (d, { api, router }) => {
  const log = auditLog(d.s.store, d.auth.access);

  router.get('/admin/audit', async (ctx) => {
    const principal = adminOf(ctx);
    const values = Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))]));
    const parsed = searchQuery.safeParse(values);
    if (!parsed.success) {
      // Refused before anything is read: still only for admin:audit.
      await d.auth.access.authorize(principal, 'admin:audit', { kind: 'everything' }, requestOf(ctx));
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), { key: i.message.startsWith('admin.') ? i.message : 'admin.error.invalid' }]));
      ctx.status = 400;
      ctx.body = auditPage(page(ctx), principal, { values, errors, query: null }).value;
      return;
    }
    const { page: n, ...q } = parsed.data;
    const result = await log.search(principal, q, n, requestOf(ctx));
    ctx.body = auditPage(page(ctx), principal, { values, errors: {}, query: queryString(q), result }).value;
  });

  router.get('/admin/audit.csv', async (ctx) => {
    const principal = adminOf(ctx);
    const parsed = auditQuery.safeParse(ctx.query);
    if (!parsed.success) {
      ctx.status = 303;
      return ctx.redirect(`/admin/audit?${ctx.querystring}`);
    }
    const { body } = await log.exportCsv(principal, parsed.data, requestOf(ctx));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.attachment(fileName(new Date()));
    ctx.body = body;
  });

  api.add({
    method: 'get',
    path: '/audit-events',
    operationId: 'searchAuditEvents',
    summary: 'The audit log, newest first: filtered by type (prefix), actor, account, client, ip and days; paged',
    tag: 'audit',
    capability: 'admin:audit',
    query: searchQuery,
    response: z.object({ events: z.array(eventSchema), page: z.number().int(), more: z.boolean().meta({ description: 'a next page exists' }) }).meta({ id: 'AuditEvents' }),
    async handler({ principal, query, req }) {
      const { page: n, ...q } = query;
      const r = await log.search(principal, q, n, req);
      return { events: r.rows.map((e) => ({ ...e, at: e.at.toISOString() })), page: r.page, more: r.more };
    },
  });

  api.add({
    method: 'get',
    path: '/audit-events.csv',
    operationId: 'exportAuditEvents',
    summary: 'The same search as CSV (UTF-8 with a BOM, for Excel; formulas neutralised)',
    tag: 'audit',
    capability: 'admin:audit',
    query: auditQuery,
    response: z.string(),
    produces: 'text/csv',
    async handler({ principal, query, req }) {
      const { body } = await log.exportCsv(principal, query, req);
      return { file: { type: 'text/csv; charset=utf-8', name: fileName(new Date()), body } };
    },
  });
};
