import { z } from 'zod';
import { taipeiTime } from '../domain/taipei-time.ts';
import type { AuditLogEntry, AuditLogFilter, Store } from '../storage/ports.ts';
import type { AdminAccess, Principal, RequestInfo } from './access.ts';
import { csvFile } from './csv-file.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; a longer period is exported in parts. */
export const AUDIT_EXPORT_MAX = 50_000;

const field = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'admin.overview.audit.tooLong')
    .optional()
    .transform((v) => v || undefined);
const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'admin.overview.audit.badDate')
  .optional()
  .transform((v) => v || undefined);

/** The audit log's search, as the console's form and the API's query both send it. */
export const auditQuery = z.object({
  type: field(100).meta({ description: 'the event type or its beginning, e.g. `admin.` or `role.granted`' }),
  actor: field(200).meta({ description: 'who acted: an account name, `client:<id>`, `account:<id>` or `cli`' }),
  account: field(100).meta({ description: 'the account the event is about, by its name' }),
  client: field(200).meta({ description: 'the client id' }),
  ip: field(100),
  from: day.meta({ description: 'from this day (Asia/Taipei), YYYY-MM-DD' }),
  to: day.meta({ description: 'to this day (Asia/Taipei) inclusive, YYYY-MM-DD' }),
});
export type AuditQuery = z.output<typeof auditQuery>;

const taipeiDay = (d: string) => new Date(`${d}T00:00:00+08:00`);
const DAY = 86_400_000;

/** Rows of the audit log as a person reads them: Taipei time, names for ids. */
export function actorLabel(e: Pick<AuditLogEntry, 'actor' | 'actorName'>): string {
  if (!e.actor) return '';
  return e.actorName ?? e.actor;
}

export const compactDetail = (detail: Record<string, unknown>) => (Object.keys(detail).length ? JSON.stringify(detail) : '');

/** The audit log for a system administrator (admin:audit): search, page, export; each read is itself audited. */
export function auditLog(store: Store, access: AdminAccess) {
  /** The repository's filter of a query: Taipei days as moments, an actor's account name as its `account:<id>`. */
  async function filterOf(q: AuditQuery): Promise<AuditLogFilter> {
    let actor = q.actor;
    if (actor && !/^(cli|client:.+|account:[0-9a-f-]{36})$/.test(actor)) {
      const account = await store.accounts.findByUsername(actor.toLowerCase());
      // An account name that does not exist matches no event.
      actor = account ? `account:${account.id}` : `account:none:${actor}`;
    }
    const from = q.from ? taipeiDay(q.from) : undefined;
    const until = q.to ? new Date(taipeiDay(q.to).getTime() + DAY) : undefined;
    return { typePrefix: q.type, actor, accountName: q.account, clientId: q.client, ip: q.ip, from: from && !isNaN(+from) ? from : undefined, until: until && !isNaN(+until) ? until : undefined };
  }

  return {
    /** One page (1-based), newest first; `more` when a next page exists. */
    async search(p: Principal, q: AuditQuery, page: number, req: RequestInfo = {}) {
      await access.authorize(p, 'admin:audit', { kind: 'everything' }, req);
      const rows = await store.auditLog.search(await filterOf(q), { limit: AUDIT_PAGE_SIZE + 1, offset: (page - 1) * AUDIT_PAGE_SIZE });
      await access.record(p, 'admin.audit.searched', { ...req, detail: { query: q, page } });
      return { rows: rows.slice(0, AUDIT_PAGE_SIZE), more: rows.length > AUDIT_PAGE_SIZE, page };
    },

    /** The same search as a CSV file, newest first, at most AUDIT_EXPORT_MAX rows. */
    async exportCsv(p: Principal, q: AuditQuery, req: RequestInfo = {}) {
      await access.authorize(p, 'admin:audit', { kind: 'everything' }, req);
      const rows = await store.auditLog.search(await filterOf(q), { limit: AUDIT_EXPORT_MAX, offset: 0 });
      await access.record(p, 'admin.audit.exported', { ...req, detail: { query: q, rows: rows.length } });
      const body = csvFile(
        ['time (Asia/Taipei)', 'type', 'actor', 'actor_id', 'account', 'account_id', 'client', 'ip', 'user_agent', 'detail'],
        rows.map((e) => [taipeiTime(e.at, { seconds: true }), e.type, actorLabel(e), e.actor, e.accountName, e.accountId, e.clientId, e.ip, e.userAgent, compactDetail(e.detail)]),
      );
      return { body, rows: rows.length };
    },
  };
}
export type AuditLog = ReturnType<typeof auditLog>;
