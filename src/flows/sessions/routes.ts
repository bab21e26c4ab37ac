import Router from '@koa/router';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { sessionsPage } from '../../web/views/sessions.ts';
import { withForm } from '../kit/form.ts';
import { providerSessionId } from '../kit/provider-session.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { noticeOf, noticeQuery, PATH, type Notice } from './flow.ts';
import { endSessionForm } from './schemas.ts';
import type { SessionContext, SessionsService } from './service.ts';

/** 登入中的裝置 (/account/sessions): the list; 「登出」 one other device or every other one (POST, then back to the list). */
export function sessionsRoutes(d: { service: SessionsService }) {
  const router = new Router<AppState>();
  const signedIn = (ctx: Ctx) => {
    const account = requireAccount(ctx);
    const session = ctx.state.session;
    return account && session ? { account, context: { ip: ctx.ip, userAgent: ctx.get('user-agent'), currentIdHash: session.idHash, providerSessionId: providerSessionId(ctx) } satisfies SessionContext } : undefined;
  };
  const back = (ctx: Ctx, n: Notice) => {
    ctx.status = 303;
    ctx.redirect(PATH + noticeQuery(n));
  };

  router.get(PATH, async (ctx) => {
    const s = signedIn(ctx);
    if (!s) return;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = sessionsPage(page(ctx), { rows: await d.service.list(s.account.id, s.context.currentIdHash), notice: noticeOf(ctx.query) }).value;
  });
  router.post(`${PATH}/end`, requireCsrf, withForm(endSessionForm, async (ctx, input) => {
    const s = signedIn(ctx);
    if (s) back(ctx, await d.service.end(s.account.id, input.ok ? input.data.session : '', s.context));
  }));
  router.post(`${PATH}/end-others`, requireCsrf, async (ctx) => {
    const s = signedIn(ctx);
    if (s) back(ctx, await d.service.endOthers(s.account.id, s.context));
  });
  return router;
}
