import Router from '@koa/router';
import type { z } from 'zod';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { choicePage, expiredPage, recoveryPage } from '../../web/views/recovery.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { withForm } from '../kit/form.ts';
import { basePath, isStep, stepPath, type Purpose, type Step } from './flow.ts';
import * as forms from './schemas.ts';
import type { Outcome, RecoveryService } from './service.ts';

/** 陸 忘記密碼 (/forgot-password, /forgot-password/code…) and 柒 啟用帳號 (/activate…): parse → service → render or redirect. */
export function recoveryRoutes(d: { service: RecoveryService; cookie: FlowCookie }) {
  const router = new Router<AppState>();
  const token = (ctx: Ctx) => d.cookie.get(ctx);
  const context = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });

  const respond = (ctx: Ctx, o: Outcome) => {
    ctx.set('Cache-Control', 'no-store');
    if (o.kind === 'go') {
      if (o.token) d.cookie.set(ctx, o.token);
      ctx.status = 303;
      return ctx.redirect(stepPath(o.purpose, o.step));
    }
    if (o.kind === 'expired') {
      d.cookie.clear(ctx);
      ctx.status = 410;
      return void (ctx.body = expiredPage(page(ctx), o.purpose).value);
    }
    if (o.status) ctx.status = o.status;
    ctx.body = recoveryPage(page(ctx), o.page).value;
  };

  router.get('/forgot-password', (ctx) => {
    ctx.body = choicePage(page(ctx)).value;
  });

  for (const purpose of ['reset', 'activation'] as const satisfies Purpose[]) {
    const base = basePath(purpose);
    const post = <S extends z.ZodType>(step: Step, schema: S, run: (ctx: Ctx, input: z.output<S>) => Promise<Outcome>) =>
      router.post(stepPath(purpose, step), requireCsrf, withForm(schema, async (ctx, input) => respond(ctx, input.ok ? await run(ctx, input.data) : { kind: 'go', purpose, step })));

    router.get(base, async (ctx) => respond(ctx, ctx.query.new ? await d.service.start(purpose) : await d.service.show(token(ctx), purpose, 'account')));
    router.get(`${base}/:step`, async (ctx) => {
      const step = ctx.params.step!;
      if (isStep(step) && step !== 'account') respond(ctx, await d.service.show(token(ctx), purpose, step));
    });
    post('account', forms.accountForm, (ctx, input) => d.service.requestCode(token(ctx), purpose, input, context(ctx), ctx.state.lang));
    post('code', forms.codeForm, (ctx, input) => d.service.verifyCode(token(ctx), purpose, input, context(ctx), ctx.state.lang));
    post('reset', forms.resetForm, (ctx, input) => d.service.reset(token(ctx), purpose, input, context(ctx), ctx.state.lang));
  }
  return router;
}
