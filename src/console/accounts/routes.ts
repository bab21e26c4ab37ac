import { AdminRefusal } from '../../admin/refusal.ts';
import { withForm } from '../../flows/kit/form.ts';
import { page, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import type { ConsoleArea } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { adminClosedPage } from '../kit/layout.ts';
import { accountsApi } from './api.ts';
import type { PanelState } from './panel.tsx';
import { accountParams, reasonFormSchema, searchForm } from './schemas.ts';
import { accountPage, accountSearchPage } from './views.ts';

/** After a repair, the account page says what was done. */
export const DONE = { enabled: 'admin.accounts.enabled', sent: 'admin.accounts.verificationSent', reset: 'admin.accounts.twoFactorReset' } as const;
export const doneOf = (v: unknown) => (typeof v === 'string' && v in DONE ? DONE[v as keyof typeof DONE] : undefined);

/** A console page nobody can reach by this address. */
export function notFoundPage(ctx: Ctx) {
  const p = page(ctx);
  ctx.status = 404;
  ctx.body = adminClosedPage(p, { title: p.t('admin.error.notFound'), message: p.t('admin.error.notFound'), link: { href: '/admin', label: p.t('admin.menu.overview') } }).value;
}

/**
 * Runs a change of a console page; a refusal of the service shows the page again with the message in
 * the form that failed (`again`), a success redirects (303) to `then`.
 */
export async function change(ctx: Ctx, run: () => Promise<unknown>, then: string, again: (status: number, message: string) => Promise<void>) {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof AdminRefusal)) throw err;
    if (err.kind === 'not-found') return notFoundPage(ctx);
    return again(err.status, ctx.state.t(err.key, err.params));
  }
  ctx.status = 303;
  ctx.redirect(then);
}

/** 帳號查詢 (/admin/accounts) and one account (/admin/accounts/{id}), with the API operations. */
export const accountsArea: ConsoleArea = (d, { api, router }) => {
  const support = d.s.accountSupport;
  accountsApi(d, api);

  router.get('/admin/accounts', async (ctx) => {
    const p = adminOf(ctx);
    const { q } = searchForm.parse(ctx.query);
    if (ctx.query.q === undefined) return void (ctx.body = accountSearchPage(page(ctx), p, { q: '' }).value);
    try {
      ctx.body = accountSearchPage(page(ctx), p, { q, results: await support.search(p, q, requestOf(ctx)) }).value;
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      ctx.status = 400;
      ctx.body = accountSearchPage(page(ctx), p, { q, error: ctx.state.t(err.key) }).value;
    }
  });

  const show = async (ctx: Ctx, id: string, state: PanelState & { done?: string } = {}, status?: number) => {
    const p = adminOf(ctx);
    let panel;
    try {
      panel = await support.show(p, id, requestOf(ctx));
    } catch (err) {
      if (err instanceof AdminRefusal) return notFoundPage(ctx);
      throw err;
    }
    if (status) ctx.status = status;
    ctx.body = accountPage(page(ctx), p, panel, state).value;
  };

  router.get('/admin/accounts/:id', async (ctx) => {
    const id = accountParams.safeParse(ctx.params);
    if (!id.success) return notFoundPage(ctx);
    const done = doneOf(ctx.query.done);
    await show(ctx, id.data.id, { done: done && ctx.state.t(done) });
  });

  const post = (action: 'enable' | 'resend-verification' | 'reset-two-factor', form: 'enable' | 'resend' | 'reset', done: keyof typeof DONE) =>
    router.post(`/admin/accounts/:id/${action}`, requireCsrf, withForm(reasonFormSchema, async (ctx, input) => {
      const id = accountParams.safeParse(ctx.params);
      if (!id.success) return notFoundPage(ctx);
      const p = adminOf(ctx);
      const req = requestOf(ctx);
      const reason = input.ok ? input.data.reason : '';
      const run = () =>
        action === 'enable' ? support.enable(p, id.data.id, req) : action === 'resend-verification' ? support.resendVerification(p, id.data.id, req) : support.resetTwoFactor(p, id.data.id, reason, req);
      await change(ctx, run, `/admin/accounts/${id.data.id}?done=${done}`, (status, message) => show(ctx, id.data.id, { error: { form, message }, reason }, status));
    }));
  post('enable', 'enable', 'enabled');
  post('resend-verification', 'resend', 'sent');
  post('reset-two-factor', 'reset', 'reset');
};
