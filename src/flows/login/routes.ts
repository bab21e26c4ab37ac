import Router from '@koa/router';
import type Provider from 'oidc-provider';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { AuditRepo, ClientRepo } from '../../storage/ports.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { translator } from '../../i18n/translate.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { HttpError } from '../../web/middleware/errors.ts';
import type { WebSessions } from '../../web/middleware/web-session.ts';
import { loginPage } from '../../web/views/login.ts';
import { consentPage } from '../../web/views/pages.ts';
import type { Authenticate } from './service.ts';
import { afterAttempt, onSubmit } from './flow.ts';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_MS, knownNames, rememberName } from './known-devices.ts';
import { parseForm } from '../kit/form.ts';
import { safeNext } from '../kit/signed-in.ts';
import { toAmr } from '../../domain/sign-in-method.ts';
import { consentForm, loginForm } from './schemas.ts';
import type { SecondFactorGate } from '../second-factor/gate.ts';
import { firstPasswordUrl } from '../first-password/flow.ts';

interface Deps {
  oidc: { readonly provider: Provider };
  authenticate: Authenticate;
  captcha: CaptchaService;
  sessions: WebSessions;
  clients: ClientRepo;
  audit: AuditRepo;
  secure: boolean;
  /** Starts the session, or with two-factor on sends to the second-factor page first. */
  secondFactor: SecondFactorGate;
}

/**
 * The login page, standalone on the SSO site (/login) and inside an application's sign-in
 * (/interaction/:uid), and the consent page for third-party applications.
 */
export function loginRoutes(d: Deps) {
  const router = new Router<AppState>();
  async function showLogin(ctx: Ctx, action: string, opts: { account?: string; error?: string; clientName?: string; interaction?: string } = {}) {
    if (opts.error) ctx.status = 400;
    ctx.body = loginPage(page(ctx), { action, captchaId: await d.captcha.issue(), ...opts }).value;
  }

  /** Returns the signed-in account, or renders the form again (new captcha, typed account kept, never the password). */
  async function attemptLogin(ctx: Ctx, action: string, next: string, clientId?: string, clientName?: string) {
    const parsed = await parseForm(ctx, loginForm);
    // Every field is text with a default, so the schema never fails; an empty field is the flow's to judge.
    const form = parsed.ok ? parsed.data : loginForm.parse({});
    const knownDevice = ctx.cookies.get(KNOWN_DEVICE_COOKIE, { signed: true });
    let step = onSubmit(form);
    if (step.kind === 'attempt') {
      const { account, password, captcha_id: captchaId, captcha } = form;
      const result = await d.authenticate({ account, password, captchaId, captcha, ip: ctx.ip, userAgent: ctx.get('user-agent'), clientId, knownDevice: knownNames(knownDevice) });
      step = afterAttempt(result);
    }
    if (step.kind === 'signed-in') {
      const remembered = rememberName(knownDevice, step.deviceMark);
      ctx.cookies.set(KNOWN_DEVICE_COOKIE, remembered, { signed: true, httpOnly: true, sameSite: 'lax', secure: d.secure, maxAge: KNOWN_DEVICE_MAX_AGE_MS });
      const secondStep = await d.secondFactor.afterFirstFactor(ctx, { accountId: step.account.id, method: 'password', next, clientId });
      if (!secondStep) return step.account;
      ctx.status = 303;
      return void ctx.redirect(secondStep);
    }
    if (step.kind === 'form' && step.retryAfterSeconds) ctx.set('Retry-After', String(step.retryAfterSeconds));
    const error = step.kind === 'form' && step.error ? ctx.state.t(step.error.key, step.error.params) : undefined;
    await showLogin(ctx, action, { account: form.account, clientName, error });
  }

  // ?next= brings a person who was sent to sign in back to the page they asked for (flows/kit/signed-in.ts).
  const loginAction = (next: string | undefined) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  router.get('/login', async (ctx) => {
    const next = safeNext(ctx.query.next);
    if (ctx.state.account) return ctx.redirect(next ?? '/account');
    await showLogin(ctx, loginAction(next));
  });
  router.post('/login', requireCsrf, async (ctx) => {
    const next = safeNext(ctx.query.next);
    if (await attemptLogin(ctx, loginAction(next), next ?? '/account')) ctx.redirect(next ?? '/account');
  });

  async function loadInteraction(ctx: Ctx) {
    try {
      const details = await d.oidc.provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== ctx.params.uid) throw new Error('uid mismatch');
      const client = await d.clients.find(String(details.params.client_id));
      // The application's ui_locales picks the language unless the person already chose one.
      const wanted = String(details.params.ui_locales ?? '').split(/\s+/)[0];
      if (!ctx.cookies.get('lang') && (wanted === 'en' || wanted?.startsWith('en-'))) {
        ctx.state.lang = 'en';
        ctx.state.t = translator('en');
      }
      return { details, clientName: client?.name ?? String(details.params.client_id) };
    } catch {
      throw new HttpError(400, 'error.interactionExpired');
    }
  }

  async function finish(ctx: Ctx, result: Parameters<Provider['interactionFinished']>[2]) {
    const url = await d.oidc.provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(url);
  }

  router.get('/interaction/:uid', async (ctx) => {
    const { details, clientName } = await loadInteraction(ctx);
    const action = `/interaction/${details.uid}`;
    if (details.prompt.name === 'login') {
      // Already signed in on the SSO site: that is the single sign-on.
      const forceLogin = details.prompt.reasons.includes('login_prompt') || details.prompt.reasons.includes('max_age');
      // A session proven after this interaction began (e.g. through the second-factor page) is a fresh sign-in.
      const fresh = (ctx.state.session?.authenticatedAt.getTime() ?? 0) >= Number(details.iat) * 1000;
      if (ctx.state.account && (!forceLogin || fresh))
        return finish(ctx, { login: { accountId: ctx.state.account.id, amr: toAmr(ctx.state.session?.methods ?? []) } });
      return showLogin(ctx, `${action}/login`, { clientName, interaction: details.uid });
    }
    const missing = details.prompt.details.missingOIDCScope as string[] | undefined;
    ctx.body = consentPage(page(ctx), {
      action: `${action}/consent`,
      clientName,
      scopes: missing ?? ['openid'],
    }).value;
  });

  router.post('/interaction/:uid/login', requireCsrf, async (ctx) => {
    const { details, clientName } = await loadInteraction(ctx);
    if (details.prompt.name !== 'login') throw new HttpError(400, 'error.interactionExpired');
    const account = await attemptLogin(ctx, `/interaction/${details.uid}/login`, `/interaction/${details.uid}`, String(details.params.client_id), clientName);
    if (!account) return;
    // An initial password (students) is replaced first; the page then continues this sign-in.
    if (account.mustChangePassword) {
      ctx.status = 303;
      return ctx.redirect(firstPasswordUrl(`/interaction/${details.uid}`));
    }
    await finish(ctx, { login: { accountId: account.id, amr: toAmr(['password']) } });
  });

  router.post('/interaction/:uid/consent', requireCsrf, async (ctx) => {
    const { details } = await loadInteraction(ctx);
    if (details.prompt.name !== 'consent' || !details.session) throw new HttpError(400, 'error.interactionExpired');
    const clientId = String(details.params.client_id);
    const accountId = details.session.accountId;
    const consent = await parseForm(ctx, consentForm);
    if (!consent.ok || consent.data.decision !== 'allow') {
      await d.audit.record({ type: 'consent.denied', accountId, clientId, ip: ctx.ip });
      return finish(ctx, { error: 'access_denied', error_description: 'End-User denied the authorization' });
    }
    const grant = details.grantId
      ? (await d.oidc.provider.Grant.find(details.grantId))!
      : new d.oidc.provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details as Record<string, any>;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, (scopes as string[]).join(' '));
    const grantId = await grant.save();
    await d.audit.record({ type: 'consent.granted', accountId, clientId, ip: ctx.ip, detail: { scopes: missingOIDCScope ?? [] } });
    await finish(ctx, { consent: { grantId } });
  });

  return router;
}
