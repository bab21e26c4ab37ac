import Router from '@koa/router';
import type { AppState, Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import type { z } from 'zod';
import { withForm } from '../kit/form.ts';
import { isStep, type Step } from './flow.ts';
import * as forms from './schemas.ts';
import type { Outcome, RegistrationService } from './service.ts';
import { renderEnd, renderStep } from './views.ts';

/** 壹 申請帳號: GET shows a step of the stored flow, POST changes it and redirects (back, refresh and double submits are safe). */
export function registrationRoutes(d: { service: RegistrationService; cookie: FlowCookie }) {
  const router = new Router<AppState>();
  const token = (ctx: Ctx) => d.cookie.get(ctx);

  const go = (ctx: Ctx, step: Step) => {
    ctx.status = 303;
    ctx.redirect(`/register/${step}`);
  };

  const respond = (ctx: Ctx, o: Outcome) => {
    if (o.kind === 'go') return go(ctx, o.step);
    if (o.kind === 'show') {
      if (o.status) ctx.status = o.status;
      return void (ctx.body = renderStep(ctx, o.page));
    }
    if (o.clearCookie) d.cookie.clear(ctx);
    ctx.status = o.status;
    ctx.body = renderEnd(ctx, o.message);
  };

  /** A step's POST: CSRF, the form parsed by its schema, then the service. */
  const step = <S extends z.ZodType>(name: Step, schema: S, run: (ctx: Ctx, input: z.output<S>) => Promise<Outcome>) =>
    router.post(`/register/${name}`, requireCsrf, withForm(schema, async (ctx, input) => respond(ctx, input.ok ? await run(ctx, input.data) : { kind: 'go', step: name })));

  router.get('/register', async (ctx) => {
    const r = await d.service.start(token(ctx), Boolean(ctx.query.new));
    if (r.token) d.cookie.set(ctx, r.token);
    go(ctx, r.step);
  });

  router.get('/register/account-available', async (ctx) => {
    const query = forms.availabilityQuery.parse({ name: typeof ctx.query.name === 'string' ? ctx.query.name : '' });
    const r = await d.service.accountAvailable(token(ctx), query.name);
    ctx.status = r.status;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = r.status === 200 ? { available: r.available, message: ctx.state.t(r.key) } : { error: r.status === 429 ? 'too_many' : 'not_allowed' };
  });

  router.get('/register/:step', async (ctx) => {
    if (isStep(ctx.params.step!)) respond(ctx, await d.service.show(token(ctx), ctx.params.step));
  });

  router.post('/register/identity', requireCsrf, withForm(forms.identityForm, async (ctx, input) => respond(ctx, await d.service.identity(token(ctx), input.ok ? undefined : input.errors))));
  step('school', forms.schoolForm, (ctx, input) => d.service.school(token(ctx), input));
  step('verify', forms.verifyForm, (ctx, input) => d.service.verify(token(ctx), input, { ip: ctx.ip }));
  step('confirm', forms.noFields, (ctx) => d.service.confirm(token(ctx)));
  step('privacy', forms.privacyForm, (ctx, input) => d.service.privacy(token(ctx), input.decision));
  step('account', forms.accountForm, (ctx, input) => d.service.account(token(ctx), input, ctx.state.lang));
  step('codes', forms.codesForm, (ctx, input) => d.service.codes(token(ctx), input, ctx.state.lang));
  step('review', forms.noFields, (ctx) => d.service.review(token(ctx), { ip: ctx.ip, userAgent: ctx.get('user-agent') }));
  step('done', forms.noFields, (ctx) => d.service.current(token(ctx)));

  return router;
}
