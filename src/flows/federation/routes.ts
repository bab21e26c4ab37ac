import Router from '@koa/router';
import { FEDERATION_CALLBACK_PATH } from '../../methods/county-client.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import type { WebSessions } from '../../web/middleware/web-session.ts';
import * as views from '../../web/views/federation.ts';
import { messagePage } from '../../web/views/pages.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { withForm } from '../kit/form.ts';
import { interactionOf, purposeOf } from './flow.ts';
import * as forms from './schemas.ts';
import type { FederationService, Outcome } from './service.ts';
import { renderOutcome } from './views.ts';
import type { SecondFactorGate } from '../second-factor/gate.ts';

/** 縣市帳號: sign in (貳.2), register (壹 4-1), find the account (伍.1) and reset the password (陸.2). */
export function federationRoutes(d: { service: FederationService; sessions: WebSessions; cookie: FlowCookie; registrationCookie: FlowCookie; secondFactor: SecondFactorGate }) {
  const router = new Router<AppState>();
  const context = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });

  async function respond(ctx: Ctx, o: Outcome) {
    if (o.endFlow) d.cookie.clear(ctx);
    if (o.kind === 'redirect') {
      d.cookie.set(ctx, o.token);
      return ctx.redirect(o.url);
    }
    if (o.kind === 'signed-in') {
      const secondStep = await d.secondFactor.afterFirstFactor(ctx, { accountId: o.account.id, method: 'county', next: o.next });
      if (secondStep) return ctx.redirect(secondStep);
      ctx.body = views.yourAccountPage(page(ctx), { username: o.account.username, next: o.next }).value;
      return;
    }
    renderOutcome(ctx, o);
  }

  router.get('/county', async (ctx) => {
    ctx.body = views.countyMapPage(page(ctx), { purpose: purposeOf(ctx.query.purpose), interaction: interactionOf(ctx.query.interaction), counties: await d.service.counties() }).value;
  });

  router.get('/county/:id/icon', async (ctx) => {
    const icon = await d.service.icon(ctx.params.id!);
    if (!icon) return;
    ctx.type = icon.type;
    // An SVG is an image here, never a document that could run script.
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = icon.bytes;
  });

  router.get('/county/:id', async (ctx) => {
    const provider = await d.service.provider(ctx.params.id!);
    if (!provider) return respond(ctx, { kind: 'fail', reason: 'unknown-provider', purpose: 'login' });
    ctx.body = views.countyPage(page(ctx), { provider, purpose: purposeOf(ctx.query.purpose), interaction: interactionOf(ctx.query.interaction) }).value;
  });

  router.get('/county/:id/start', async (ctx) => {
    await respond(ctx, await d.service.start(ctx.params.id!, purposeOf(ctx.query.purpose), interactionOf(ctx.query.interaction)));
  });

  router.get(FEDERATION_CALLBACK_PATH, async (ctx) => {
    await respond(ctx, await d.service.callback(d.cookie.get(ctx), ctx.querystring, d.registrationCookie.get(ctx), context(ctx)));
  });

  router.post('/federation/link', requireCsrf, withForm(forms.linkForm, async (ctx, input) => {
    await respond(ctx, input.ok ? await d.service.link(d.cookie.get(ctx), input.data, context(ctx)) : { kind: 'fail', reason: 'state', purpose: 'login' });
  }));

  router.post('/federation/reset', requireCsrf, withForm(forms.resetForm, async (ctx, input) => {
    await respond(ctx, input.ok ? await d.service.resetPassword(d.cookie.get(ctx), input.data, context(ctx)) : { kind: 'fail', reason: 'state', purpose: 'reset-password' });
  }));

  router.post('/account/county/unlink', requireCsrf, withForm(forms.unlinkForm, async (ctx, input) => {
    const account = ctx.state.account;
    if (!account) return ctx.redirect('/login');
    if (input.ok && (await d.service.unlink(account, input.data.provider, input.data.subject, context(ctx))) === 'last-way-in') {
      ctx.status = 409;
      ctx.body = messagePage(page(ctx), { title: ctx.state.t('county.linkedList'), message: ctx.state.t('county.lastWayIn'), status: 'error', links: [{ href: '/account', label: ctx.state.t('menu.profile') }] }).value;
      return;
    }
    ctx.status = 303;
    ctx.redirect('/account');
  }));

  return router;
}
