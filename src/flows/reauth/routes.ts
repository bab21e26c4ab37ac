import Router from '@koa/router';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import type { WebSessions } from '../../web/middleware/web-session.ts';
import { reauthPage } from '../../web/views/reauth.ts';
import type { FieldErrors } from '../kit/form.ts';
import { withForm } from '../kit/form.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { landing, REAUTH_PATH } from './flow.ts';
import { confirmForm } from './schemas.ts';
import type { ReauthService } from './service.ts';

/** `/account/confirm?next=…`: the password asked again, then back to `next` (a local page only). */
export function reauthRoutes(d: { service: ReauthService; sessions: Pick<WebSessions, 'reauthenticated'> }) {
  const router = new Router<AppState>();
  const show = async (ctx: Ctx, next: string, errors?: FieldErrors, status = 200) => {
    const account = ctx.state.account!;
    ctx.set('Cache-Control', 'no-store');
    ctx.status = status;
    ctx.body = reauthPage(page(ctx), { username: account.username, needsCode: await d.service.needsCode(account), next, errors }).value;
  };

  router.get(REAUTH_PATH, async (ctx) => {
    if (requireAccount(ctx)) await show(ctx, landing(ctx.query.next));
  });

  router.post(REAUTH_PATH, requireCsrf, withForm(confirmForm, async (ctx, input) => {
    const account = requireAccount(ctx);
    if (!account) return;
    const form = input.ok ? input.data : confirmForm.parse({});
    const next = landing(form.next);
    const r = await d.service.confirm(account, form, { ip: ctx.ip, userAgent: ctx.get('user-agent') || undefined });
    if (!r.ok) return show(ctx, next, r.errors, r.status);
    // A re-ask with a code proves the second factor too (the administration console requires it).
    await d.sessions.reauthenticated(ctx, [...r.methods]);
    ctx.status = 303;
    ctx.redirect(next);
  }));

  return router;
}
