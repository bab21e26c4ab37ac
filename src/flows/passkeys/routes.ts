import Router from '@koa/router';
import type Provider from 'oidc-provider';
import { toAmr } from '../../domain/sign-in-method.ts';
import { constantTimeEqual } from '../../security/tokens.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { HttpError } from '../../web/middleware/errors.ts';
import type { WebSessions } from '../../web/middleware/web-session.ts';
import { PASSKEYS_BASE, PASSKEYS_PAGE, passkeysDone, PasskeySecondFactor, passkeySection, passkeysPage, removePasskeyPage, type PasskeySectionView } from '../../web/views/passkeys.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { SECOND_FACTOR_PATH } from '../second-factor/flow.ts';
import type { SecondFactorGate } from '../second-factor/gate.ts';
import { withForm } from '../kit/form.ts';
import { recentlySignedIn, requireAccount, requireRecentSignIn, safeNext } from '../kit/signed-in.ts';
import { landing } from './flow.ts';
import { ceremonyBody, removeForm, renameForm, type CeremonyBody } from './schemas.ts';
import type { PasskeyService, Refusal } from './service.ts';
import { firstPasswordUrl } from '../first-password/flow.ts';

const JSON_LIMIT_BYTES = 32 * 1024;

/** A JSON post of passkeys.js: size-limited, shape-checked, and carrying this browser's CSRF token. */
async function readCeremony(ctx: Ctx): Promise<CeremonyBody> {
  if (!ctx.is('application/json')) throw new HttpError(415, 'error.badForm');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > JSON_LIMIT_BYTES) throw new HttpError(413, 'error.tooLarge');
    chunks.push(chunk);
  }
  let parsed;
  try {
    parsed = ceremonyBody.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  } catch {
    throw new HttpError(400, 'error.badForm');
  }
  if (!parsed.success) throw new HttpError(400, 'error.badForm');
  if (!parsed.data._csrf || !constantTimeEqual(parsed.data._csrf, ctx.state.csrf)) throw new HttpError(403, 'error.csrf');
  return parsed.data;
}

type SectionExtra = { renameError?: { id: string; refusal: Refusal }; formError?: Refusal };

/** What the section shows for this request: the list, whether adding is offered, a status (`?passkey=`) or an error. */
async function sectionView(ctx: Ctx, service: PasskeyService, accountId: string, extra: SectionExtra = {}): Promise<PasskeySectionView> {
  const done = (['added', 'removed', 'renamed'] as const).find((x) => x === ctx.query.passkey);
  const e = extra.renameError?.refusal ?? extra.formError;
  const field = (r: Refusal | undefined) => r && { key: r.error, params: r.params };
  return {
    passkeys: await service.list(accountId),
    recent: recentlySignedIn(ctx),
    done: e ? undefined : done,
    renameError: extra.renameError && { id: extra.renameError.id, error: field(extra.renameError.refusal) },
    formError: extra.formError && ctx.state.t(extra.formError.error),
  };
}

/** The passkey section embedded in 雙因子認證綁定 (that route's `extraSection`). */
export const passkeySectionOf = (service: PasskeyService) => async (ctx: Ctx) =>
  ctx.state.account ? passkeySection(page(ctx), await sectionView(ctx, service, ctx.state.account.id)) : '';

/** 「使用通行金鑰」 on the second-factor page (its `extraSection`), when the pending account has passkeys. */
export const passkeySecondFactorOf = (service: PasskeyService, gate: SecondFactorGate) => async (ctx: Ctx) => {
  const pending = await gate.pending(ctx);
  return pending && (await service.list(pending.accountId)).length ? PasskeySecondFactor({ p: page(ctx) }) : '';
};

/**
 * 通行金鑰: the management page (PASSKEYS_PAGE; the forms and calls under PASSKEYS_BASE wherever the section is shown), registration
 * and passwordless sign-in, on the SSO site and inside an application's sign-in.
 */
export function passkeyRoutes(d: {
  service: PasskeyService;
  sessions: WebSessions;
  cookie: FlowCookie;
  oidc: { readonly provider: Provider };
  /** The pending sign-ins of the second-factor page (a passkey finishes them). */
  gate?: SecondFactorGate;
  /** Renders the page that embeds the section (PASSKEYS_PAGE), given the section; absent: the section is its own page. */
  embed?: (ctx: Ctx, accountId: string, section: JSX.Element) => Promise<void>;
}) {
  const router = new Router<AppState>();
  const context = (ctx: Ctx, clientId?: string) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') || undefined, clientId });
  const json = (ctx: Ctx, status: number, body: Record<string, unknown>) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = status;
    ctx.body = body;
  };
  const refused = (ctx: Ctx, r: Refusal) => json(ctx, r.status, { error: r.error, message: ctx.state.t(r.error, r.params) });
  /** The signed-in account of a JSON call (no redirect to a login page: the script shows the message). */
  const jsonAccount = (ctx: Ctx) => {
    if (!ctx.state.account) throw new HttpError(401, 'passkey.reauth');
    return ctx.state.account;
  };

  async function showPage(ctx: Ctx, extra: SectionExtra = {}) {
    const account = requireAccount(ctx);
    if (!account) return;
    const e = extra.renameError?.refusal ?? extra.formError;
    const v = await sectionView(ctx, d.service, account.id, extra);
    if (d.embed) await d.embed(ctx, account.id, passkeySection(page(ctx), v));
    else ctx.body = passkeysPage(page(ctx), v).value;
    if (e) ctx.status = e.status;
  }

  // Once another page shows the section, this address leads there.
  router.get(PASSKEYS_BASE, (ctx) => (d.embed ? ctx.redirect(`${PASSKEYS_PAGE}${ctx.search}#passkeys`) : showPage(ctx)));

  router.post(`${PASSKEYS_BASE}/options`, async (ctx) => {
    await readCeremony(ctx);
    const account = jsonAccount(ctx);
    if (!recentlySignedIn(ctx)) return json(ctx, 403, { error: 'passkey.reauth', message: ctx.state.t('passkey.reauth') });
    const { token, options } = await d.service.registrationOptions(account);
    d.cookie.set(ctx, token);
    json(ctx, 200, options as unknown as Record<string, unknown>);
  });

  router.post(PASSKEYS_BASE, async (ctx) => {
    const body = await readCeremony(ctx);
    const account = jsonAccount(ctx);
    const r = await d.service.register(account, d.cookie.get(ctx), body.response, body.name, context(ctx), ctx.state.lang);
    d.cookie.clear(ctx);
    if (!r.ok) return refused(ctx, r);
    json(ctx, 200, { redirect: passkeysDone('added') });
  });

  router.post(
    `${PASSKEYS_BASE}/:id/rename`,
    requireCsrf,
    withForm(renameForm, async (ctx, input) => {
      const account = requireAccount(ctx);
      if (!account) return;
      const id = ctx.params.id!;
      const r = await d.service.rename(account, id, input.ok ? input.data.name : '', context(ctx));
      if (!r.ok) return showPage(ctx, r.status === 404 ? { formError: r } : { renameError: { id, refusal: r } });
      ctx.status = 303;
      ctx.redirect(passkeysDone('renamed'));
    }),
  );

  const removePath = `${PASSKEYS_BASE}/:id/remove`;
  router.get(removePath, async (ctx) => {
    const account = requireAccount(ctx);
    if (!account || !requireRecentSignIn(ctx)) return;
    const passkey = await d.service.find(account.id, ctx.params.id!);
    if (!passkey) ctx.status = 404;
    ctx.body = removePasskeyPage(page(ctx), { passkey, formError: passkey ? undefined : ctx.state.t('passkey.notFound') }).value;
  });
  router.post(
    removePath,
    requireCsrf,
    withForm(removeForm, async (ctx) => {
      const account = requireAccount(ctx);
      const id = ctx.params.id!;
      if (!account || !requireRecentSignIn(ctx, `${PASSKEYS_BASE}/${encodeURIComponent(id)}/remove`)) return;
      const r = await d.service.remove(account, id, context(ctx), ctx.state.lang);
      if (r.ok) {
        ctx.status = 303;
        return ctx.redirect(passkeysDone('removed'));
      }
      ctx.status = r.status;
      ctx.body = removePasskeyPage(page(ctx), { formError: ctx.state.t(r.error) }).value;
    }),
  );

  // Passwordless sign-in: the options, then the answer; the same challenge cookie, one ceremony at a time.
  router.post('/login/passkey/options', async (ctx) => {
    await readCeremony(ctx);
    const { token, options } = await d.service.signInOptions();
    d.cookie.set(ctx, token);
    json(ctx, 200, options as unknown as Record<string, unknown>);
  });

  router.post('/login/passkey', async (ctx) => {
    const body = await readCeremony(ctx);
    const r = await d.service.signIn(d.cookie.get(ctx), body.response, context(ctx));
    d.cookie.clear(ctx);
    if (!r.ok) return refused(ctx, r);
    await d.sessions.start(ctx, r.account.id, ['passkey']);
    json(ctx, 200, { redirect: landing(safeNext(ctx.query.next)) });
  });

  // Inside an application's sign-in: the passkey signs in to the SSO site and finishes the interaction.
  router.post('/interaction/:uid/passkey', async (ctx) => {
    const body = await readCeremony(ctx);
    let details;
    try {
      details = await d.oidc.provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      throw new HttpError(400, 'error.interactionExpired');
    }
    if (details.uid !== ctx.params.uid || details.prompt.name !== 'login') throw new HttpError(400, 'error.interactionExpired');
    const r = await d.service.signIn(d.cookie.get(ctx), body.response, context(ctx, String(details.params.client_id)));
    d.cookie.clear(ctx);
    if (!r.ok) return refused(ctx, r);
    await d.sessions.start(ctx, r.account.id, ['passkey']);
    // An initial password (a student's, reset) is replaced first; the page then continues this sign-in.
    if (r.account.mustChangePassword) return json(ctx, 200, { redirect: firstPasswordUrl(`/interaction/${details.uid}`) });
    const redirect = await d.oidc.provider.interactionResult(ctx.req, ctx.res, { login: { accountId: r.account.id, amr: toAmr(['passkey']) } }, { mergeWithLastSubmission: false });
    json(ctx, 200, { redirect });
  });

  // 「使用通行金鑰」 as the second factor of this browser's pending sign-in: that account's passkeys only.
  const expired = (ctx: Ctx) => json(ctx, 410, { error: 'secondFactor.expired', message: ctx.state.t('secondFactor.expired') });
  const pendingOf = async (ctx: Ctx) => {
    const pending = d.gate && (await d.gate.pending(ctx));
    if (!pending) expired(ctx);
    return pending;
  };
  router.post(`${SECOND_FACTOR_PATH}/passkey/options`, async (ctx) => {
    await readCeremony(ctx);
    const pending = await pendingOf(ctx);
    if (!pending) return;
    const { token, options } = await d.service.secondFactorOptions(pending.accountId);
    d.cookie.set(ctx, token);
    json(ctx, 200, options as unknown as Record<string, unknown>);
  });
  router.post(`${SECOND_FACTOR_PATH}/passkey`, async (ctx) => {
    const body = await readCeremony(ctx);
    const pending = await pendingOf(ctx);
    if (!pending) return;
    const r = await d.service.verifySecondFactor(d.cookie.get(ctx), body.response, pending.accountId, context(ctx));
    d.cookie.clear(ctx);
    if (!r.ok) return refused(ctx, r);
    const next = await d.gate!.complete(ctx, 'passkey');
    if (!next) return expired(ctx);
    json(ctx, 200, { redirect: next });
  });

  return router;
}
