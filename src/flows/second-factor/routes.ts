import Router from '@koa/router';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { secondFactorExpiredPage, secondFactorPage } from '../../web/views/second-factor.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { withForm } from '../kit/form.ts';
import { modeOf, SECOND_FACTOR_PATH } from './flow.ts';
import type { SecondFactorGate } from './gate.ts';
import * as forms from './schemas.ts';
import type { SecondFactorService } from './service.ts';

/** /login/second-factor: a current code or a recovery code finishes a pending sign-in. */
export function secondFactorRoutes(d: {
  service: SecondFactorService;
  gate: SecondFactorGate;
  cookie: FlowCookie;
  /** Another way to finish (the passkey button), wired by the integrator; nothing when absent. */
  extraSection?: (ctx: Ctx) => Promise<JSX.Element | string>;
}) {
  const router = new Router<AppState>();
  const context = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });

  const expired = (ctx: Ctx) => {
    d.cookie.clear(ctx);
    ctx.status = 410;
    ctx.body = secondFactorExpiredPage(page(ctx)).value;
  };

  router.get(SECOND_FACTOR_PATH, async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    if (!(await d.service.pending(d.cookie.get(ctx)))) return expired(ctx);
    ctx.body = secondFactorPage(page(ctx), { mode: modeOf(ctx.query.mode) }, d.extraSection ? await d.extraSection(ctx) : '').value;
  });

  router.post(SECOND_FACTOR_PATH, requireCsrf, withForm(forms.secondFactorForm, async (ctx, input) => {
    ctx.set('Cache-Control', 'no-store');
    const mode = modeOf(input.ok ? input.data.mode : undefined);
    const o = await d.service.verify(d.cookie.get(ctx), mode, input.ok ? input.data.code : '', context(ctx));
    if (o.kind === 'expired') return expired(ctx);
    if (o.kind === 'again') {
      ctx.status = o.status;
      ctx.body = secondFactorPage(page(ctx), { mode, errors: o.errors }, d.extraSection ? await d.extraSection(ctx) : '').value;
      return;
    }
    ctx.status = 303;
    ctx.redirect(await d.gate.signIn(ctx, o));
  }));

  router.post(`${SECOND_FACTOR_PATH}/cancel`, requireCsrf, async (ctx) => {
    await d.service.cancel(d.cookie.get(ctx));
    d.cookie.clear(ctx);
    ctx.status = 303;
    ctx.redirect('/login');
  });
  return router;
}
