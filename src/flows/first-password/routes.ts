import Router from '@koa/router';
import type { Next } from 'koa';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { firstPasswordPage } from '../../web/views/first-password.ts';
import { withForm } from '../kit/form.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { allowedWhileFlagged, continueTo, gateFor, PATH } from './flow.ts';
import { firstPasswordForm } from './schemas.ts';
import type { FirstPasswordService } from './service.ts';

/**
 * The one gate (after the session is loaded): an account that must change its initial password reaches
 * nothing but the page that changes it; a GET comes back afterwards, a POST is answered 303.
 */
export async function firstPasswordGate(ctx: Ctx, next: Next) {
  if (!ctx.state.account?.mustChangePassword || allowedWhileFlagged(ctx.path)) return next();
  ctx.set('Cache-Control', 'no-store');
  ctx.status = 303;
  ctx.redirect(gateFor(ctx.method, ctx.originalUrl));
}

/** 首次登入設定新密碼 (/account/password/first): parse → service → render or redirect. */
export function firstPasswordRoutes(d: { service: FirstPasswordService }) {
  const router = new Router<AppState>();

  router.get(PATH, async (ctx) => {
    const account = requireAccount(ctx);
    if (!account) return;
    ctx.set('Cache-Control', 'no-store');
    if (!account.mustChangePassword) return ctx.redirect(continueTo(ctx.query.next));
    ctx.body = firstPasswordPage(page(ctx), { next: typeof ctx.query.next === 'string' ? ctx.query.next : undefined }).value;
  });

  router.post(PATH, requireCsrf, withForm(firstPasswordForm, async (ctx, input) => {
    const account = requireAccount(ctx);
    if (!account || !ctx.state.session) return;
    ctx.set('Cache-Control', 'no-store');
    const form = input.ok ? input.data : firstPasswordForm.parse({});
    ctx.status = 303;
    if (!account.mustChangePassword) return ctx.redirect(continueTo(form.next));
    const o = await d.service.change(account, form, { ip: ctx.ip, userAgent: ctx.get('user-agent'), sessionIdHash: ctx.state.session.idHash });
    if (o.kind === 'changed') return ctx.redirect(continueTo(form.next));
    ctx.status = o.status;
    if (o.retryAfterSeconds) ctx.set('Retry-After', String(o.retryAfterSeconds));
    ctx.body = firstPasswordPage(page(ctx), o.page).value;
  }));
  return router;
}
