import Router from '@koa/router';
import { page, type AppState } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { changePasswordPage } from '../../web/views/change-password.ts';
import { withForm } from '../kit/form.ts';
import { providerSessionId } from '../kit/provider-session.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { PATH } from './flow.ts';
import { changePasswordForm } from './schemas.ts';
import type { ChangePasswordService } from './service.ts';

/** 修改密碼 (/account/password): parse → service → render or redirect. */
export function changePasswordRoutes(d: { service: ChangePasswordService }) {
  const router = new Router<AppState>();

  router.get(PATH, async (ctx) => {
    const account = requireAccount(ctx);
    if (!account) return;
    ctx.set('Cache-Control', 'no-store');
    const done = { changed: ctx.query.changed === '1', othersEnded: ctx.query.others === '1' };
    ctx.body = changePasswordPage(page(ctx), await d.service.show(account.id, done)).value;
  });

  router.post(PATH, requireCsrf, withForm(changePasswordForm, async (ctx, input) => {
    const account = requireAccount(ctx);
    if (!account || !ctx.state.session) return;
    ctx.set('Cache-Control', 'no-store');
    const form = input.ok ? input.data : changePasswordForm.parse({});
    const o = await d.service.change(account, form, {
      ip: ctx.ip,
      userAgent: ctx.get('user-agent'),
      lang: ctx.state.lang,
      sessionIdHash: ctx.state.session.idHash,
      providerSessionId: providerSessionId(ctx),
    });
    if (o.kind === 'changed') {
      ctx.status = 303;
      return ctx.redirect(`${PATH}?changed=1${o.othersEnded ? '&others=1' : ''}`);
    }
    ctx.status = o.status;
    if (o.retryAfterSeconds) ctx.set('Retry-After', String(o.retryAfterSeconds));
    ctx.body = changePasswordPage(page(ctx), o.page).value;
  }));
  return router;
}
