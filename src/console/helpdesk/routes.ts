import type { z } from 'zod';
import { reachOf, type Principal } from '../../admin/access.ts';
import { QUEUE_PAGE } from '../../admin/helpdesk.ts';
import { AdminRefusal } from '../../admin/refusal.ts';
import { withForm } from '../../flows/kit/form.ts';
import type { TicketStatus } from '../../storage/ports.ts';
import { page, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { change, notFoundPage } from '../accounts/routes.ts';
import { reasonFormSchema } from '../accounts/schemas.ts';
import type { ConsoleArea, ConsoleDeps } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { helpdeskApi } from './api.ts';
import { queueQuery, replyForm, schoolForm, sourceForm, statusForm, ticketParams } from './schemas.ts';
import { queuePage, ticketPage } from './views.ts';
import type { TicketPageState } from './views.tsx';

/** After a change, the ticket page says what was done. */
const DONE = {
  replied: 'admin.helpdesk.replied',
  status: 'admin.helpdesk.statusSet',
  done: 'admin.helpdesk.done',
  enabled: 'admin.accounts.enabled',
  sent: 'admin.accounts.verificationSent',
  reset: 'admin.accounts.twoFactorReset',
} as const;

/** The counties a principal may pick for a capability: every county, or its own. */
async function countiesFor(d: ConsoleDeps, p: Principal, capability: 'admin:tickets' | 'admin:directory' = 'admin:tickets') {
  const reach = reachOf(p, capability);
  const all = await d.s.store.directory.listCounties();
  return all.filter((c) => reach.all || reach.counties.includes(c.code)).map((c) => ({ code: c.code, name: c.name }));
}

/** The helpdesk's pages: the queue (/admin/tickets) and a ticket (/admin/tickets/{id}) with its forms; and its API operations. */
export const helpdeskArea: ConsoleArea = (d, { api, router }) => {
  const h = d.s.helpdesk;
  helpdeskApi(d, api);

  router.get('/admin/tickets', async (ctx) => {
    const p = adminOf(ctx);
    const raw = { category: str(ctx.query.category), status: str(ctx.query.status), county: str(ctx.query.county), olderThanDays: str(ctx.query.olderThanDays)?.trim() };
    const counties = await countiesFor(d, p);
    const parsed = queueQuery.safeParse({ ...raw, offset: str(ctx.query.offset) || undefined });
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = queuePage(page(ctx), p, { filter: raw, counties, tickets: [], total: 0, offset: 0, error: ctx.state.t('admin.helpdesk.daysInvalid') }).value;
      return;
    }
    const f = parsed.data;
    const r = await h.list(p, f, requestOf(ctx));
    const offset = f.offset ?? 0;
    const more = offset + r.tickets.length < r.total;
    const next = more ? `/admin/tickets?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v)), offset: String(offset + QUEUE_PAGE) })}` : undefined;
    ctx.body = queuePage(page(ctx), p, { filter: raw, counties, tickets: r.tickets, total: r.total, offset, next }).value;
  });

  const show = async (ctx: Ctx, id: number, s: TicketPageState = {}, status?: number) => {
    const p = adminOf(ctx);
    let view;
    try {
      view = await h.show(p, id, requestOf(ctx));
    } catch (err) {
      if (err instanceof AdminRefusal) return notFoundPage(ctx);
      throw err;
    }
    if (status) ctx.status = status;
    ctx.body = ticketPage(page(ctx), p, view, s, await countiesFor(d, p, 'admin:directory')).value;
  };

  router.get('/admin/tickets/:id', async (ctx) => {
    const id = ticketParams.safeParse(ctx.params);
    if (!id.success) return notFoundPage(ctx);
    const done = typeof ctx.query.done === 'string' && ctx.query.done in DONE ? DONE[ctx.query.done as keyof typeof DONE] : undefined;
    await show(ctx, id.data.id, { done: done && ctx.state.t(done) });
  });

  /** One form of the ticket page: parsed, run, then back to the ticket (or the page again with the message in that form). */
  function post<S extends z.ZodType<Record<string, string>>>(
    action: string,
    form: NonNullable<TicketPageState['error']>['form'],
    schema: S,
    done: keyof typeof DONE,
    run: (p: Principal, id: number, input: z.output<S>, req: ReturnType<typeof requestOf>) => Promise<unknown>,
  ) {
    router.post(`/admin/tickets/:id/${action}`, requireCsrf, withForm(schema, async (ctx, input) => {
      const id = ticketParams.safeParse(ctx.params);
      if (!id.success) return notFoundPage(ctx);
      const values = (input.ok ? input.data : {}) as z.output<S>;
      const ticketId = id.data.id;
      await change(ctx, () => run(adminOf(ctx), ticketId, values, requestOf(ctx)), `/admin/tickets/${ticketId}?done=${done}#messages`, (status, message) =>
        show(ctx, ticketId, { error: { form, message }, values }, status),
      );
    }));
  }

  post('reply', 'reply', replyForm, 'replied', (p, id, v, req) => h.reply(p, id, { channel: v.channel, body: v.body }, req));
  post('status', 'status', statusForm, 'status', (p, id, v, req) => {
    if (!['new', 'in-progress', 'waiting', 'resolved'].includes(v.status)) throw new AdminRefusal('invalid', 'admin.helpdesk.statusInvalid');
    return h.setStatus(p, id, v.status as TicketStatus, req);
  });
  post('school', 'school', schoolForm, 'done', (p, id, v, req) =>
    h.addSchool(p, id, { code: v.school_code, name: v.school_name, level: v.school_level, county: v.school_county, address: v.school_address, ownership: v.school_ownership }, req),
  );
  post('source', 'source', sourceForm, 'done', (p, id, v, req) =>
    h.upsertSource(p, id, { schoolCode: v.src_school, idNumber: v.src_id, name: v.src_name, birthday: v.src_birthday, identity: v.src_identity, titles: v.src_titles }, req),
  );
  post('enable', 'enable', reasonFormSchema, 'enabled', (p, id, _v, req) => h.enableAccount(p, id, req));
  post('resend-verification', 'resend', reasonFormSchema, 'sent', (p, id, _v, req) => h.resendVerification(p, id, req));
  post('reset-two-factor', 'reset', reasonFormSchema, 'reset', (p, id, v, req) => h.resetTwoFactor(p, id, v.reason, req));
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
