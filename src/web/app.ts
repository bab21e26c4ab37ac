import Koa from 'koa';
import type Provider from 'oidc-provider';
import { demoRoutes } from '../demo/demo-rp.ts';
import { authenticator } from '../flows/login/authenticate.ts';
import { liveProvider, type LiveProvider } from '../oidc/live-provider.ts';
import { captchaService } from '../security/captcha/challenge.ts';
import type { Services } from '../services.ts';
import type { AppState } from './context.ts';
import { handleErrors } from './middleware/errors.ts';
import { requestContext } from './middleware/request-context.ts';
import { webSessions } from './middleware/web-session.ts';
import { securityHeaders } from './security-headers.ts';
import { logoutSteps } from './oidc-logout.ts';
import { accountRoutes } from './routes/account.ts';
import { assetRoutes } from './routes/assets.ts';
import { captchaRoutes } from './routes/captcha.ts';
import { healthRoutes } from './routes/health.ts';
import { loginRoutes } from '../flows/login/routes.ts';
import { resourceRoutes } from './routes/resources.ts';
import { directoryRoutes } from './routes/directory.ts';
import { registrationRoutes } from './routes/registration.ts';
import { devOutboxRoutes } from './routes/dev-outbox.ts';
import { flowStore } from '../flows/flow-store.ts';
import { registrationService } from '../flows/registration/service.ts';
import type { RegistrationState } from '../flows/registration/state.ts';
import { verificationCodes } from '../security/verification-codes.ts';
import { countyClient } from '../flows/federation/county-client.ts';
import { countyIdentities } from '../flows/federation/identities.ts';
import { federationService, type FederationState } from '../flows/federation/service.ts';
import { federationRoutes } from './routes/federation.ts';

const REGISTRATION_TTL_SECONDS = 30 * 60;
const FEDERATION_TTL_SECONDS = 10 * 60;
export const FEDERATION_CALLBACK_PATH = '/federation/callback';
const isProviderPath = (path: string) => path.startsWith('/oidc/') || path.startsWith('/.well-known/');

/** Wires the SSO site, the resource APIs and the OpenID provider into one Koa application. */
export async function createWebApp(s: Services, hooks: { kickDelivery?: () => void } = {}): Promise<{ app: Koa<AppState>; oidc: LiveProvider }> {
  const { settings } = s;
  const secure = settings.issuer.startsWith('https:');
  const captcha = captchaService(s.captchas, settings.production ? undefined : settings.captchaTestAnswer);
  const sessions = webSessions(s.webSessions, s.accounts, secure);
  const authenticate = authenticator({ accounts: s.accounts, audit: s.audit, limits: s.rateLimits, captcha, accountDomain: settings.accountDomain });
  const countyFlows = flowStore<FederationState>(s.db, 'federation', FEDERATION_TTL_SECONDS);
  const registrationFlows = flowStore<RegistrationState>(s.db, 'registration', REGISTRATION_TTL_SECONDS);
  const identities = countyIdentities(s.db);
  const registration = registrationService({
    db: s.db,
    pii: s.pii,
    captcha,
    codes: verificationCodes(s.db),
    audit: s.audit,
    verifyMobile: settings.registrationVerifyMobile,
    kickDelivery: hooks.kickDelivery,
  });

  const oidc = await liveProvider(s, (provider: Provider) => {
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
      s.audit
        .record({ type: 'app.signed_in', accountId, clientId: ctx.oidc.client?.clientId, ip: ctx.ip, userAgent: ctx.get('user-agent') })
        .catch((err) => s.log.error({ err }, 'audit failed'));
    });
    provider.on('server_error', (_ctx, err) => s.log.error({ err }, 'oidc server error'));
    provider.on('grant.error', (ctx, err) => s.log.info({ error: (err as any).error, clientId: ctx.oidc.client?.clientId }, 'token request refused'));
  });

  const app = new Koa<AppState>();
  app.keys = [settings.secrets.COOKIE_SECRET];
  app.proxy = settings.trustProxy;
  // The client address is the entry the nearest trusted proxy appended, not the leftmost one the client wrote.
  app.maxIpsCount = settings.trustedProxyHops;

  const health = healthRoutes(s.db, s.log);
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
  for (const router of [
    loginRoutes({ oidc, authenticate, captcha, sessions, clients: s.clients, audit: s.audit, secure }),
    accountRoutes({ accounts: s.accounts, clients: s.clients, identities }),
    resourceRoutes(oidc, s.accounts),
    directoryRoutes(s.db),
    registrationRoutes({
      db: s.db,
      flows: registrationFlows,
      service: registration,
      providers: s.countyProviders,
      captcha,
      pii: s.pii,
      accountDomain: settings.accountDomain,
      verifyMobile: settings.registrationVerifyMobile,
      secure,
    }),
    federationRoutes({
      db: s.db,
      providers: s.countyProviders,
      client: countyClient(`${settings.issuer}${FEDERATION_CALLBACK_PATH}`, { allowHttp: !settings.production }),
      service: federationService({ accounts: s.accounts, identities, pii: s.pii, audit: s.audit }),
      identities,
      accounts: s.accounts,
      audit: s.audit,
      flows: countyFlows,
      registrationFlows,
      registration,
      sessions,
      captcha,
      authenticate,
      secure,
      redirectUri: `${settings.issuer}${FEDERATION_CALLBACK_PATH}`,
    }),
    ...(settings.seedDemo ? [demoRoutes(settings.issuer, secure)] : []),
    ...(settings.devOutbox ? [devOutboxRoutes(s.db)] : []),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return { app, oidc };
}
