import Router from '@koa/router';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { authorizationsPage, revokeConfirmPage, type AuthorizationsView } from '../../web/views/authorizations.ts';
import { withForm } from '../kit/form.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { chosenClientIds } from './flow.ts';
import { chooseForm } from './schemas.ts';
import type { AuthorizationsService } from './service.ts';

const LIST = '/account/authorizations';

/** 捌.1 應用服務授權清單: the list → tick → the confirm step (names and count) → 「取消授權」 → 「取消授權成功」. */
export function authorizationRoutes(d: { service: AuthorizationsService }) {
  const router = new Router<AppState>();
  // A form posted after the session ended goes back to the list once signed in, not to the POST address.
  const signedIn = (ctx: Ctx) => ctx.state.account ?? void ctx.redirect(`/login?next=${encodeURIComponent(LIST)}`);

  const show = async (ctx: Ctx, accountId: string, v: Omit<AuthorizationsView, 'apps'>) => {
    const apps = await d.service.list(accountId);
    ctx.set('Cache-Control', 'no-store');
    // Logos are the applications' own https images: this page's policy lets them in (the site's Referrer-Policy sends no referrer).
    if (apps.some((a) => a.logoUri?.startsWith('https:')))
      ctx.set('Content-Security-Policy', ctx.response.get('Content-Security-Policy').replace("img-src 'self'", "img-src 'self' https:"));
    ctx.body = authorizationsPage(page(ctx), { ...v, apps }).value;
  };

  router.get(LIST, async (ctx) => {
    const account = requireAccount(ctx);
    if (!account) return;
    const revoked = Number(ctx.query.revoked);
    await show(ctx, account.id, { revoked: Number.isInteger(revoked) && revoked > 0 ? revoked : undefined });
  });

  router.post('/account/authorizations/confirm', requireCsrf, withForm(chooseForm, async (ctx, input) => {
    const account = signedIn(ctx);
    if (!account) return;
    const ids = input.ok ? chosenClientIds(input.data) : [];
    const apps = await d.service.chosen(account.id, ids);
    if (!apps.length) {
      ctx.status = 400;
      return show(ctx, account.id, { error: ctx.state.t(ids.length ? 'grants.gone' : 'grants.noneChosen') });
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = revokeConfirmPage(page(ctx), { apps }).value;
  }));

  router.post('/account/authorizations/revoke', requireCsrf, withForm(chooseForm, async (ctx, input) => {
    const account = signedIn(ctx);
    if (!account) return;
    const ids = input.ok ? chosenClientIds(input.data) : [];
    const o = await d.service.revoke(account.id, ids, { ip: ctx.ip, userAgent: ctx.get('user-agent') });
    if (o.kind === 'none') {
      ctx.status = 400;
      return show(ctx, account.id, { error: ctx.state.t(ids.length ? 'grants.gone' : 'grants.noneChosen') });
    }
    ctx.status = 303;
    ctx.redirect(`/account/authorizations?revoked=${o.apps.length}`);
  }));

  return router;
}
