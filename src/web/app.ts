import Koa from 'koa';
import type Provider from 'oidc-provider';
import { demoRoutes } from '../demo/demo-rp.ts';
import { fromAmr, strongestMethod } from '../domain/sign-in-method.ts';
import { composeFlows } from '../app/flows.ts';
import type { Services } from '../app/compose.ts';
import { contactRoutes } from '../flows/contact/routes.ts';
import { schoolTransferRoutes } from '../flows/school-transfer/routes.ts';
import { forgotAccountRoutes } from '../flows/forgot-account/routes.ts';
import { federationRoutes } from '../flows/federation/routes.ts';
import { FEDERATION_COOKIE, flowCookie, RECOVERY_COOKIE, REGISTRATION_COOKIE } from '../flows/kit/flow-cookie.ts';
import { PASSKEY_COOKIE } from '../flows/passkeys/flow.ts';
import { recoveryRoutes } from '../flows/recovery/routes.ts';
import { registrationRoutes } from '../flows/registration/routes.ts';
import { liveProvider, type LiveProvider } from '../oidc/live-provider.ts';
import { cachedClients } from '../storage/cached-clients.ts';
import { renderLogoutConfirm, renderLogoutDone, renderOidcError } from './views/oidc-pages.ts';
import type { AppState } from './context.ts';
import { handleErrors } from './middleware/errors.ts';
import { requestContext } from './middleware/request-context.ts';
import { webSessions } from './middleware/web-session.ts';
import { securityHeaders } from './security-headers.ts';
import { logoutSteps } from './oidc-logout.ts';
import { accountRoutes } from './routes/account.ts';
import { CONTACTS_COOKIE, contactsRoutes } from '../flows/contacts/routes.ts';
import { assetRoutes } from './routes/assets.ts';
import { captchaRoutes } from './routes/captcha.ts';
import { healthRoutes } from './routes/health.ts';
import { loginRoutes } from '../flows/login/routes.ts';
import { resourceRoutes } from './routes/resources.ts';
import { directoryRoutes } from './routes/directory.ts';
import { devOutboxRoutes } from './routes/dev-outbox.ts';
import { authorizationRoutes } from '../flows/authorizations/routes.ts';
import { authorizationsService } from '../flows/authorizations/service.ts';
import { signInRecordRoutes } from '../flows/sign-in-records/routes.ts';
import { backchannelLogout } from '../oidc/backchannel-logout.ts';
import { changePasswordRoutes } from '../flows/change-password/routes.ts';
import { sessionsRoutes } from '../flows/sessions/routes.ts';
import { linkProviderSession } from '../flows/sessions/provider-link.ts';
import { TWO_FACTOR_COOKIE, twoFactorRoutes, twoFactorStatusOf } from '../flows/two-factor/routes.ts';
import { SECOND_FACTOR_COOKIE } from '../flows/second-factor/flow.ts';
import { secondFactorGate } from '../flows/second-factor/gate.ts';
import { secondFactorRoutes } from '../flows/second-factor/routes.ts';
import { passkeyRoutes, passkeySecondFactorOf, passkeySectionOf } from '../flows/passkeys/routes.ts';
import { reauthRoutes } from '../flows/reauth/routes.ts';
import { adminConsole } from '../console/index.ts';
import { firstPasswordGate, firstPasswordRoutes } from '../flows/first-password/routes.ts';
import { adminAuth } from '../console/kit/principal.ts';

const isProviderPath = (path: string) => path.startsWith('/oidc/') || path.startsWith('/.well-known/');

/** Wires the SSO site, the resource APIs and the OpenID provider into one Koa application. */
export async function createWebApp(s: Services, hooks: { kickDelivery?: () => void } = {}): Promise<{ app: Koa<AppState>; oidc: LiveProvider }> {
  const { settings } = s;
  const secure = settings.issuer.startsWith('https:');
  const { captcha } = s;
  const sessions = webSessions(s.webSessions, s.accounts, secure);
  const flows = composeFlows(s, hooks);
  const { authenticate, registration, registrationPrefill, federation, recovery, forgotAccount, contact, twoFactor, secondFactor: secondFactorService, passkeys } = flows;
  const registrationCookie = flowCookie(REGISTRATION_COOKIE, secure);
  const secondFactorCookie = flowCookie(SECOND_FACTOR_COOKIE, secure);
  const secondFactor = secondFactorGate({ service: secondFactorService, cookie: secondFactorCookie, sessions });

  const pages = { renderError: renderOidcError, logoutSource: renderLogoutConfirm, postLogoutSuccessSource: renderLogoutDone };
  // This node's view of the connected applications, kept fresh by the database's change notifications.
  const clients = await cachedClients(s.clients, s.db);
  const oidc = await liveProvider({ ...s, clients }, pages, (provider: Provider) => {
    // The provider's own pages and answers carry the site's headers (set first: form_post adds its script hash).
    provider.use(async (ctx, next) => {
      securityHeaders(ctx, { cache: false });
      await next();
    });
    // Signing out at the provider (RP-initiated logout) ends the SSO site's session too.
    logoutSteps(provider, { sessions, webSessions: s.webSessions });
    provider.on('end_session.success', (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      s.audit.record({ type: 'logout', accountId, clientId: ctx.oidc.client?.clientId, ip: ctx.ip }).catch(() => undefined);
    });
    // Every sign-in to an application, with or without a password typed (single sign-on).
    provider.on('authorization.success', (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId) return;
      const clientId = ctx.oidc.client?.clientId;
      const userAgent = ctx.get('user-agent');
      s.audit.record({ type: 'app.signed_in', accountId, clientId, ip: ctx.ip, userAgent }).catch((err) => s.log.error({ err }, 'audit failed'));
      linkProviderSession(s.webSessions, ctx).catch((err) => s.log.error({ err }, 'session link failed'));
      // 應用服務登入紀錄 (SPEC 捌.2): written now, named by how the session was proven.
      const method = strongestMethod(fromAmr(ctx.oidc.session?.amr as string[] | undefined)) ?? 'password';
      s.store.signIns
        .record({ accountId, kind: 'application', clientId, method, result: 'succeeded', ip: ctx.ip, userAgent })
        .catch((err) => s.log.error({ err }, 'sign-in record failed'));
    });
    provider.on('server_error', (_ctx, err) => s.log.error({ err }, 'oidc server error'));
    provider.on('grant.error', (ctx, err) => s.log.info({ error: (err as any).error, clientId: ctx.oidc.client?.clientId }, 'token request refused'));
  });

  const app = new Koa<AppState>();
  app.keys = [settings.secrets.COOKIE_SECRET];
  app.proxy = settings.trustProxy;
  // The client address is the entry the nearest trusted proxy appended, not the leftmost one the client wrote.
  app.maxIpsCount = settings.trustedProxyHops;

  const health = healthRoutes(s.store.health, s.db.driver, s.log);
  app.use(health.routes());
  // Behind the TLS proxy every request arrives marked https; one that is not came around the proxy.
  if (secure)
    app.use(async (ctx, next) => {
      if (ctx.secure) return next();
      ctx.status = 308;
      ctx.redirect(settings.issuer + ctx.originalUrl);
    });
  app.use(requestContext(s.log, settings.secrets.COOKIE_SECRET, secure));
  app.use(async (ctx, next) => {
    if (!isProviderPath(ctx.path)) return next();
    ctx.respond = false;
    await oidc.handle(ctx.req, ctx.res);
  });
  app.use(async (ctx, next) => {
    securityHeaders(ctx);
    await next();
  });
  app.use(handleErrors);
  // Stylesheet, script and captcha requests need no session: they skip its two queries.
  for (const router of [assetRoutes(), captchaRoutes(captcha)]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  app.use(sessions.load);
  // An account with an initial password (students) reaches nothing else until it sets its own.
  app.use(firstPasswordGate);
  const admin = adminConsole({ s, oidc, clients, flows, auth: adminAuth({ access: s.access, oidc, clients, store: s.store }) });
  app.use(admin.guard);
  for (const router of [
    ...admin.routers,
    loginRoutes({ oidc, authenticate, captcha, sessions, clients, audit: s.audit, secure, secondFactor }),
    accountRoutes({ accounts: s.accounts, clients, identities: s.store.countyIdentities }),
    resourceRoutes(oidc, s.accounts),
    directoryRoutes(s.store.directory),
    registrationRoutes({ service: registration, cookie: registrationCookie }),
    federationRoutes({ service: federation, sessions, cookie: flowCookie(FEDERATION_COOKIE, secure), registrationCookie, secondFactor }),
    recoveryRoutes({ service: recovery, cookie: flowCookie(RECOVERY_COOKIE, secure) }),
    forgotAccountRoutes({ service: forgotAccount }),
    contactRoutes({ service: contact, registrationCookie, fromRegistration: registrationPrefill }),
    schoolTransferRoutes({ service: flows.schoolTransfer }),
    contactsRoutes({ service: flows.contacts, cookie: flowCookie(CONTACTS_COOKIE, secure) }),
    twoFactorRoutes({ service: twoFactor, cookie: flowCookie(TWO_FACTOR_COOKIE, secure), extraSection: passkeySectionOf(passkeys) }),
    secondFactorRoutes({ service: secondFactorService, gate: secondFactor, cookie: secondFactorCookie, extraSection: passkeySecondFactorOf(passkeys, secondFactor) }),
    ...(settings.seedDemo ? [demoRoutes(settings.issuer, secure)] : []),
    ...(settings.devOutbox ? [devOutboxRoutes(s.store.outbox)] : []),
    authorizationRoutes({ service: authorizationsService({ store: s.store, clients, logout: backchannelLogout(() => oidc.provider, s.log) }) }),
    signInRecordRoutes({ service: s.signInRecords }),
    changePasswordRoutes({ service: flows.changePassword }),
    firstPasswordRoutes({ service: flows.firstPassword }),
    sessionsRoutes({ service: flows.sessions }),
    passkeyRoutes({ service: passkeys, sessions, cookie: flowCookie(PASSKEY_COOKIE, secure), oidc, gate: secondFactor, embed: twoFactorStatusOf(twoFactor) }),
    reauthRoutes({ service: flows.reauth, sessions }),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return { app, oidc };
}
