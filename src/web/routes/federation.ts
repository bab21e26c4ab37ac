import Router from '@koa/router';
import { listCounties } from '../../directory/repository.ts';
import { FederationError, type CountyClient, type CountyIdentity } from '../../flows/federation/county-client.ts';
import type { CountyIdentities } from '../../flows/federation/identities.ts';
import type { CountyProviders } from '../../flows/federation/providers.ts';
import { purposes, type FederationService, type FederationState, type Purpose } from '../../flows/federation/service.ts';
import type { FlowStore, StoredFlow } from '../../flows/flow-store.ts';
import type { RegistrationService } from '../../flows/registration/service.ts';
import type { RegistrationState } from '../../flows/registration/state.ts';
import type { Authenticate } from '../../flows/login/authenticate.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { AccountRepo, AuditRepo } from '../../storage/ports.ts';
import type { Db } from '../../storage/db.ts';
import { page, type AppState, type Ctx } from '../context.ts';
import { requireCsrf } from '../middleware/csrf.ts';
import type { WebSessions } from '../middleware/web-session.ts';
import * as views from '../views/federation.ts';
import { messagePage } from '../views/pages.ts';

export const FEDERATION_COOKIE = 'edusso.fed';
export const REGISTRATION_COOKIE = 'edusso.reg';

interface Deps {
  db: Db;
  providers: CountyProviders;
  client: CountyClient;
  service: FederationService;
  identities: CountyIdentities;
  accounts: AccountRepo;
  audit: AuditRepo;
  flows: FlowStore<FederationState>;
  registrationFlows: FlowStore<RegistrationState>;
  registration: RegistrationService;
  sessions: WebSessions;
  captcha: CaptchaService;
  authenticate: Authenticate;
  secure: boolean;
  redirectUri: string;
}

const purposeOf = (v: unknown): Purpose => (purposes.includes(v as Purpose) ? (v as Purpose) : 'login');
const interactionOf = (v: unknown) => (typeof v === 'string' && /^[\w-]{10,64}$/.test(v) ? v : undefined);

/** 縣市帳號: sign in (貳.2), register (壹 4-1), find the account (伍.1) and reset the password (陸.2). */
export function federationRoutes(d: Deps) {
  const router = new Router<AppState>();
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: d.secure, overwrite: true };

  function fail(ctx: Ctx, reason: FederationError['reason'] | 'no-id-number' | 'unknown-provider', purpose: Purpose = 'login', detail?: string) {
    ctx.state.log.warn({ reason, detail }, 'county sign-in failed');
    ctx.status = reason === 'unreachable' ? 502 : 400;
    ctx.body = messagePage(page(ctx), {
      title: ctx.state.t('fed.failed.title'),
      message: ctx.state.t(`fed.failed.${reason}`),
      status: 'error',
      links: [
        { href: `/county?purpose=${purpose}`, label: ctx.state.t('fed.tryAgain') },
        { href: '/login', label: ctx.state.t('menu.login') },
      ],
    }).value;
  }

  async function endFlow(ctx: Ctx, flow: StoredFlow<FederationState>) {
    await d.flows.remove(flow);
    ctx.cookies.set(FEDERATION_COOKIE, null, cookie);
  }

  async function signedIn(ctx: Ctx, flow: StoredFlow<FederationState>, accountId: string, username: string) {
    await d.sessions.start(ctx, accountId);
    await d.audit.record({ type: 'login.succeeded', accountId, ip: ctx.ip, userAgent: ctx.get('user-agent'), detail: { method: 'county', provider: flow.state.providerId } });
    const next = flow.state.interaction ? `/interaction/${flow.state.interaction}` : '/account';
    await endFlow(ctx, flow);
    ctx.body = views.yourAccountPage(page(ctx), { username, next }).value;
  }

  router.get('/county', async (ctx) => {
    const purpose = purposeOf(ctx.query.purpose);
    const providers = await d.providers.list();
    const counties = (await listCounties(d.db)).map((c) => ({ code: c.code, name: c.name, english: c.english, provider: providers.find((p) => p.countyCode === c.code) }));
    ctx.body = views.countyMapPage(page(ctx), { purpose, interaction: interactionOf(ctx.query.interaction), counties }).value;
  });

  router.get('/county/:id/icon', async (ctx) => {
    const icon = await d.providers.icon(ctx.params.id!);
    if (!icon) return;
    ctx.type = icon.type;
    // An SVG is an image here, never a document that could run script.
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = icon.bytes;
  });

  router.get('/county/:id', async (ctx) => {
    const provider = await d.providers.get(ctx.params.id!);
    if (!provider) return fail(ctx, 'unknown-provider');
    ctx.body = views.countyPage(page(ctx), { provider, purpose: purposeOf(ctx.query.purpose), interaction: interactionOf(ctx.query.interaction) }).value;
  });

  router.get('/county/:id/start', async (ctx) => {
    const purpose = purposeOf(ctx.query.purpose);
    const provider = await d.providers.get(ctx.params.id!);
    if (!provider) return fail(ctx, 'unknown-provider', purpose);
    try {
      const { url, pending } = await d.client.start(provider);
      const { token } = await d.flows.create({ providerId: provider.id, purpose, interaction: interactionOf(ctx.query.interaction), pending });
      ctx.cookies.set(FEDERATION_COOKIE, token, cookie);
      ctx.redirect(url.href);
    } catch (err) {
      if (err instanceof FederationError) return fail(ctx, err.reason, purpose, err.message);
      throw err;
    }
  });

  router.get('/federation/callback', async (ctx) => {
    const flow = await d.flows.load(ctx.cookies.get(FEDERATION_COOKIE));
    if (!flow?.state.pending) return fail(ctx, 'state', 'login', 'no pending county sign-in for this browser');
    const { purpose } = flow.state;
    const provider = await d.providers.get(flow.state.providerId);
    if (!provider) return fail(ctx, 'unknown-provider', purpose);
    let identity: CountyIdentity;
    try {
      const callback = new URL(d.redirectUri);
      callback.search = ctx.querystring;
      identity = await d.client.finish(provider, callback, flow.state.pending);
    } catch (err) {
      await endFlow(ctx, flow);
      if (err instanceof FederationError) return fail(ctx, err.reason, purpose, err.message);
      throw err;
    }
    // The pending request is spent; what stays is the verified county identity.
    const state: FederationState = { ...flow.state, pending: undefined, identity };
    if (!(await d.flows.save(flow, state))) return fail(ctx, 'state', purpose, 'callback replayed');
    const current = { ...flow, state, version: flow.version + 1 };

    if (purpose === 'register') return registerWithCounty(ctx, current, identity);
    const resolved = await d.service.resolve(identity);
    if (purpose === 'login') {
      if (resolved) return signedIn(ctx, current, resolved.account.id, resolved.account.username);
      ctx.body = views.linkPage(page(ctx), { captchaId: await d.captcha.issue() }).value;
      return;
    }
    if (!resolved) {
      await endFlow(ctx, current);
      if (!identity.idNumber) return fail(ctx, 'no-id-number', purpose);
      ctx.status = 404;
      ctx.body = messagePage(page(ctx), {
        title: ctx.state.t(purpose === 'forgot-account' ? 'forgot.title' : 'reset.title'),
        message: ctx.state.t('county.noAccount'),
        links: [{ href: '/register', label: ctx.state.t('login.register') }],
      }).value;
      return;
    }
    if (purpose === 'forgot-account') {
      await endFlow(ctx, current);
      ctx.body = views.forgotResultPage(page(ctx), { username: resolved.account.username }).value;
      return;
    }
    const locked = Boolean(await d.accounts.passwordLockedUntil(resolved.account.id));
    if (locked) await endFlow(ctx, current);
    ctx.body = views.resetPage(page(ctx), { username: resolved.account.username, name: resolved.account.displayName, locked }).value;
  });

  async function registerWithCounty(ctx: Ctx, flow: StoredFlow<FederationState>, identity: CountyIdentity) {
    await endFlow(ctx, flow);
    const reg = await d.registrationFlows.load(ctx.cookies.get(REGISTRATION_COOKIE));
    if (!reg?.state.place.school) return fail(ctx, 'state', 'register', 'no registration waiting for the county identity');
    if (!identity.idNumber) return fail(ctx, 'no-id-number', 'register');
    const r = await d.registration.verifyWithCounty(reg.state, identity);
    if (r.ok) {
      await d.registrationFlows.save(reg, r.state);
      ctx.status = 303;
      return ctx.redirect('/register/confirm');
    }
    const outcome = 'outcome' in r ? r.outcome : 'not-found';
    ctx.status = outcome === 'already-registered' ? 409 : 404;
    ctx.body = messagePage(page(ctx), {
      title: ctx.state.t('register.title'),
      message: ctx.state.t(outcome === 'already-registered' ? 'register.already' : 'register.notFound'),
      links:
        outcome === 'already-registered'
          ? [
              { href: '/county?purpose=forgot-account', label: ctx.state.t('register.forgotAccount') },
              { href: '/login', label: ctx.state.t('menu.login') },
            ]
          : [{ href: '/register/verify', label: ctx.state.t('register.back') }],
    }).value;
  }

  router.post('/federation/link', requireCsrf, async (ctx) => {
    const flow = await d.flows.load(ctx.cookies.get(FEDERATION_COOKIE));
    const identity = flow?.state.identity;
    if (!flow || !identity || flow.state.purpose !== 'login') return fail(ctx, 'state');
    const form = ctx.state.form!;
    const account = (form.account ?? '').slice(0, 100);
    if (form.action === 'new_captcha') return void (ctx.body = views.linkPage(page(ctx), { captchaId: await d.captcha.issue(), account }).value);
    const result = await d.authenticate({
      account,
      password: (form.password ?? '').slice(0, 128),
      captchaId: form.captcha_id ?? '',
      captcha: form.captcha ?? '',
      ip: ctx.ip,
      userAgent: ctx.get('user-agent'),
    });
    if (!result.ok) {
      ctx.status = 400;
      ctx.body = views.linkPage(page(ctx), { captchaId: await d.captcha.issue(), account, error: ctx.state.t('login.failed') }).value;
      return;
    }
    if (!(await d.service.linkAfterPassword(identity, result.account))) {
      await endFlow(ctx, flow);
      ctx.status = 409;
      ctx.body = messagePage(page(ctx), {
        title: ctx.state.t('county.linkTitle'),
        message: ctx.state.t('county.linkedElsewhere'),
        status: 'error',
        links: [{ href: '/login', label: ctx.state.t('menu.login') }],
      }).value;
      return;
    }
    await signedIn(ctx, flow, result.account.id, result.account.username);
  });

  router.post('/federation/reset', requireCsrf, async (ctx) => {
    const flow = await d.flows.load(ctx.cookies.get(FEDERATION_COOKIE));
    const identity = flow?.state.identity;
    if (!flow || !identity || flow.state.purpose !== 'reset-password') return fail(ctx, 'state', 'reset-password');
    const resolved = await d.service.resolve(identity);
    if (!resolved) return fail(ctx, 'state', 'reset-password');
    const { account } = resolved;
    const form = ctx.state.form!;
    const r = await d.service.resetPassword(account, form.password ?? '', form.password2 ?? '', ctx.ip);
    if (!r.ok) {
      ctx.status = 400;
      const locked = r.key === 'reset.locked';
      ctx.body = views.resetPage(page(ctx), { username: account.username, name: account.displayName, locked, errors: { [r.field]: { key: r.key } } }).value;
      return;
    }
    await endFlow(ctx, flow);
    ctx.body = messagePage(page(ctx), {
      title: ctx.state.t('reset.title'),
      message: ctx.state.t('reset.done'),
      links: [
        { href: '/county?purpose=forgot-account', label: ctx.state.t('register.forgotAccount') },
        { href: '/login', label: ctx.state.t('menu.login') },
      ],
    }).value;
  });

  router.post('/account/county/unlink', requireCsrf, async (ctx) => {
    const account = ctx.state.account;
    if (!account) return ctx.redirect('/login');
    const form = ctx.state.form!;
    // Every account has a password, so a county identity is never the last way in; the check stays for accounts that may not.
    const hasPassword = Boolean(account.passwordHash);
    const linked = await d.identities.forAccount(account.id);
    if (!hasPassword && linked.length <= 1) {
      ctx.status = 409;
      ctx.body = messagePage(page(ctx), { title: ctx.state.t('county.linkedList'), message: ctx.state.t('county.lastWayIn'), status: 'error', links: [{ href: '/account', label: ctx.state.t('menu.profile') }] }).value;
      return;
    }
    if (await d.identities.unlink(account.id, form.provider ?? '', form.subject ?? '')) {
      await d.audit.record({ type: 'county.unlinked', accountId: account.id, ip: ctx.ip, detail: { provider: form.provider } });
    }
    ctx.status = 303;
    ctx.redirect('/account');
  });

  return router;
}
