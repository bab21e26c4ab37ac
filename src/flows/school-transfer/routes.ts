import Router from '@koa/router';
import type { Account } from '../../storage/ports.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { compareView, doneView, queryView, type QueryView } from '../../web/views/school-transfer.ts';
import { withForm } from '../kit/form.ts';
import { reauthUrl, recentlySignedIn, requireAccount, requireRecentSignIn } from '../kit/signed-in.ts';
import { gate } from './flow.ts';
import { queryForm, updateForm } from './schemas.ts';
import type { SchoolTransferService } from './service.ts';

export const SCHOOL_TRANSFER_PATH = '/account/school';

/** 肆 更新個人資料 (`/account/school`): sign in, the password again (/account/confirm) unless proven in the last 5 minutes, query, compare, 更新. */
export function schoolTransferRoutes(d: { service: SchoolTransferService }) {
  const router = new Router<AppState>();
  const context = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });
  const render = (ctx: Ctx, body: { value: string }, status = 200) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = status;
    ctx.body = body.value;
  };
  const showQuery = (ctx: Ctx, v: QueryView, status = 200) => render(ctx, queryView(page(ctx), v), status);

  /** A POST only runs for a signed-in account that proved its password recently; anything else starts at the page. */
  const allowed = (ctx: Ctx): Account | undefined => {
    const g = gate(Boolean(ctx.state.account), recentlySignedIn(ctx));
    if (g === 'open') return ctx.state.account;
    ctx.status = 303;
    ctx.redirect(g === 'sign-in' ? `/login?next=${encodeURIComponent(SCHOOL_TRANSFER_PATH)}` : reauthUrl(SCHOOL_TRANSFER_PATH));
  };

  router.get(SCHOOL_TRANSFER_PATH, async (ctx) => {
    if (!requireAccount(ctx) || !requireRecentSignIn(ctx)) return;
    showQuery(ctx, { ...(await d.service.picker()), idNumber: '', errors: {} });
  });

  router.post(`${SCHOOL_TRANSFER_PATH}/query`, requireCsrf, withForm(queryForm, async (ctx, input) => {
    const account = allowed(ctx);
    if (!account) return;
    const o = await d.service.query(account, input.ok ? input.data : queryForm.parse({}), context(ctx));
    if (o.kind === 'compare') return render(ctx, compareView(page(ctx), o));
    if (o.retryAfterSeconds) ctx.set('Retry-After', String(o.retryAfterSeconds));
    showQuery(ctx, o, o.retryAfterSeconds ? 429 : o.error ? 400 : 200);
  }));

  router.post(`${SCHOOL_TRANSFER_PATH}/update`, requireCsrf, withForm(updateForm, async (ctx, input) => {
    const account = allowed(ctx);
    if (!account) return;
    const o = await d.service.update(account, input.ok ? input.data.school : '', context(ctx));
    if (o.kind === 'done') return render(ctx, doneView(page(ctx), o));
    showQuery(ctx, { ...(await d.service.picker()), idNumber: '', errors: {}, notFound: true });
  }));

  return router;
}
