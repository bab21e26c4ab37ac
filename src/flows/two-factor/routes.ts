import Router from '@koa/router';
import { qrCode, type QrDrawing } from '../../methods/totp.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { twoFactorPage, type TwoFactorPage } from '../../web/views/two-factor.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { withForm } from '../kit/form.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { authenticatorApps } from './apps.ts';
import { BASE_PATH, confirmed, isStep, resultOf, stepPath, type Confirmed } from './flow.ts';
import * as forms from './schemas.ts';
import type { TwoFactorService } from './service.ts';

/** The cookie of a binding under way (the new secret stays on the server). */
export const TWO_FACTOR_COOKIE = 'edusso.2fa';

export interface TwoFactorRouteDeps {
  service: TwoFactorService;
  cookie: FlowCookie;
  /** The passkey section at the bottom of the page (wired by the integrator; nothing when absent). */
  extraSection?: (ctx: Ctx) => Promise<JSX.Element | string>;
}

/** The status page with `section` in place of the extra section (the passkey section with its error). */
export const twoFactorStatusOf = (service: TwoFactorService) => async (ctx: Ctx, accountId: string, section: JSX.Element) => {
  ctx.set('Cache-Control', 'no-store');
  ctx.body = twoFactorPage(page(ctx), { kind: 'status', status: await service.status(accountId) }, section).value;
};

/** 壹拾 雙因子認證綁定 (/account/two-factor…): parse → service → render or redirect. */
export function twoFactorRoutes(d: TwoFactorRouteDeps) {
  const router = new Router<AppState>();
  const context = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });
  let appQrs: Promise<QrDrawing[]> | undefined;

  const render = async (ctx: Ctx, v: TwoFactorPage, status?: number) => {
    ctx.set('Cache-Control', 'no-store');
    if (status) ctx.status = status;
    const extra = v.kind === 'status' && d.extraSection ? await d.extraSection(ctx) : '';
    ctx.body = twoFactorPage(page(ctx), v, extra).value;
  };
  const go = (ctx: Ctx, path: string) => {
    ctx.status = 303;
    ctx.redirect(path);
  };
  const showStatus = async (ctx: Ctx, accountId: string, extra: Partial<Extract<TwoFactorPage, { kind: 'status' }>> = {}, status?: number) =>
    render(ctx, { kind: 'status', status: await d.service.status(accountId), ...extra }, status);

  router.get(BASE_PATH, async (ctx) => {
    const account = requireAccount(ctx);
    if (account) await showStatus(ctx, account.id, { result: resultOf(ctx.query.done) });
  });

  router.post(`${BASE_PATH}/start`, requireCsrf, async (ctx) => {
    const account = requireAccount(ctx);
    if (!account) return;
    const token = await d.service.begin(account.id);
    if (!token) return go(ctx, BASE_PATH);
    d.cookie.set(ctx, token);
    go(ctx, stepPath('prepare'));
  });

  router.get(`${BASE_PATH}/:step`, async (ctx, next) => {
    const step = ctx.params.step!;
    if (!isStep(step)) return next();
    const account = requireAccount(ctx);
    if (!account) return;
    const pending = await d.service.pending(d.cookie.get(ctx), account);
    if (!pending) return render(ctx, { kind: 'expired' }, 410);
    if (step === 'prepare') return render(ctx, { kind: 'step', step });
    if (step === 'apps') {
      appQrs ??= Promise.all(authenticatorApps.map((a) => qrCode(a.url)));
      const qrs = await appQrs;
      return render(ctx, { kind: 'step', step, apps: authenticatorApps.map((a, i) => ({ ...a, qr: qrs[i]! })) });
    }
    await render(ctx, { kind: 'step', step, setup: { username: account.username, secret: pending.secret, qr: await qrCode(pending.uri) } });
  });

  router.post(`${BASE_PATH}/bind`, requireCsrf, withForm(forms.bindForm, async (ctx, input) => {
    const account = requireAccount(ctx);
    if (!account) return;
    const token = d.cookie.get(ctx);
    const r = await d.service.bind(token, account, input.ok ? input.data.code : '', context(ctx));
    if (r.ok) {
      d.cookie.clear(ctx);
      return go(ctx, `${BASE_PATH}?done=bound`);
    }
    const pending = await d.service.pending(token, account);
    if (r.expired || !pending) return render(ctx, { kind: 'expired' }, 410);
    const status = r.errors?.code?.key === 'twoFactor.locked' ? 429 : 400;
    await render(ctx, { kind: 'step', step: 'setup', errors: r.errors, setup: { username: account.username, secret: pending.secret, qr: await qrCode(pending.uri) } }, status);
  }));

  for (const change of confirmed satisfies readonly Confirmed[]) {
    router.post(`${BASE_PATH}/${change}`, requireCsrf, withForm(forms.confirmForm, async (ctx, input) => {
      const account = requireAccount(ctx);
      if (!account) return;
      const r = await d.service.confirm(change, account, input.ok ? input.data : { password: '', code: '' }, context(ctx), ctx.state.lang);
      if (!r.ok) return r.status === 409 ? go(ctx, BASE_PATH) : showStatus(ctx, account.id, { form: change, errors: r.errors }, r.status);
      if (change === 'remove') return go(ctx, `${BASE_PATH}?done=removed`);
      await render(ctx, { kind: 'codes', change, codes: r.codes! });
    }));
  }
  return router;
}
