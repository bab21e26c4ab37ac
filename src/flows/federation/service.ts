import { newPasswordCheck } from '../../methods/password.ts';
import { PASSWORD_LOCK_HOURS } from '../../domain/password-policy.ts';
import { FederationError, type CountyIdentity, type CountyMethod } from '../../methods/county.ts';
import type { FederationFailure } from '../../methods/county-client.ts';
import type { CountyProvider } from '../../methods/county-providers.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import { hashPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { Account, Store } from '../../storage/ports.ts';
import type { Authenticate } from '../login/service.ts';
import type { FlowStore, StoredFlow } from '../kit/flow-store.ts';
import type { FieldErrors } from '../kit/form.ts';
import type { Outcome as RegistrationOutcome, RegistrationService } from '../registration/service.ts';
import * as flow from './flow.ts';
import type { FederationState, Purpose } from './flow.ts';

export { purposes, type FederationState, type Purpose } from './flow.ts';

export type FailReason = FederationFailure | 'no-id-number' | 'unknown-provider' | 'disabled';

/** How a county request ends; `endFlow` asks the route to drop this browser's county flow cookie. */
export type Outcome = { endFlow?: boolean } & (
  | { kind: 'fail'; reason: FailReason; purpose: Purpose; detail?: string }
  | { kind: 'redirect'; url: string; token: string }
  | { kind: 'signed-in'; account: Account; next: string }
  | { kind: 'link'; captchaId: string; account?: string; error?: boolean }
  | { kind: 'linked-elsewhere' }
  | { kind: 'no-account'; purpose: Purpose }
  | { kind: 'forgot-result'; username: string }
  | { kind: 'reset-form'; account: Account; locked: boolean; errors?: FieldErrors }
  | { kind: 'reset-done' }
  | { kind: 'registration'; outcome: RegistrationOutcome }
);

type Flow = StoredFlow<FederationState>;

const fail = (reason: FailReason, purpose: Purpose = 'login', detail?: string, endFlow = false): Outcome => ({ kind: 'fail', reason, purpose, detail, endFlow });

/**
 * 縣市帳號: the round trip to a county, then what its identity is for: signing in (貳.2), registering
 * (壹 4-1), finding the account (伍.1) or a new password (陸.2). Every change happens here.
 */
export function federationService(d: {
  store: Store;
  flows: FlowStore<FederationState>;
  county: CountyMethod;
  registration: RegistrationService;
  authenticate: Authenticate;
  captcha: CaptchaService;
  pii: PiiVault;
}) {
  const { store, flows, county } = d;
  const newPasswordRule = newPasswordCheck(store.accounts, d.pii);

  async function signIn(f: Flow, account: Account, context: { ip?: string; userAgent?: string }): Promise<Outcome> {
    await store.audit.record({ type: 'login.succeeded', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { method: 'county', provider: f.state.providerId } });
    await store.accounts.recordLogin(account.id);
    await store.signIns.record({ accountId: account.id, kind: 'authentication', method: 'county', result: 'succeeded', ip: context.ip, userAgent: context.userAgent });
    await flows.remove(f);
    return { kind: 'signed-in', account, next: f.state.interaction ? `/interaction/${f.state.interaction}` : '/account', endFlow: true };
  }

  /** The flow of this browser if it holds a county identity for this purpose. */
  async function identified(token: string | undefined, purpose: Purpose) {
    const f = await flows.load(token);
    return f?.state.identity && f.state.purpose === purpose ? { f, identity: f.state.identity } : undefined;
  }

  return {
    counties: async () => {
      const providers = await county.list();
      return (await store.directory.listCounties()).map((c) => ({ code: c.code, name: c.name, english: c.english, provider: providers.find((p) => p.countyCode === c.code) }));
    },
    provider: (id: string): Promise<CountyProvider | undefined> => county.provider(id),
    icon: (id: string) => store.countyProviders.icon(id),

    /** Off to the county, with a new flow remembering why. */
    async start(providerId: string, purpose: Purpose, interaction?: string): Promise<Outcome> {
      const provider = await county.provider(providerId);
      if (!provider) return fail('unknown-provider', purpose);
      try {
        const { url, pending } = await county.start(provider);
        const { token } = await flows.create(flow.started(provider.id, purpose, pending, interaction));
        return { kind: 'redirect', url: url.href, token };
      } catch (err) {
        if (err instanceof FederationError) return fail(err.reason, purpose, err.message);
        throw err;
      }
    },

    /** Back from the county: check its answer, then go where the purpose leads. */
    async callback(token: string | undefined, querystring: string, registrationToken: string | undefined, context: { ip?: string; userAgent?: string }): Promise<Outcome> {
      const f = await flows.load(token);
      if (!f?.state.pending) return fail('state', 'login', 'no pending county sign-in for this browser');
      const { purpose } = f.state;
      const provider = await county.provider(f.state.providerId);
      if (!provider) return fail('unknown-provider', purpose);
      let identity: CountyIdentity;
      try {
        identity = await county.finish(provider, querystring, f.state.pending);
      } catch (err) {
        await flows.remove(f);
        if (err instanceof FederationError) return fail(err.reason, purpose, err.message, true);
        throw err;
      }
      const state = flow.identified(f.state, identity);
      if (!(await flows.save(f, state))) return fail('state', purpose, 'callback replayed');
      const current: Flow = { ...f, state, version: f.version + 1 };

      const account = purpose === 'register' ? undefined : await county.resolve(identity);
      const locked = purpose === 'reset-password' && account ? Boolean(await store.accounts.passwordLockedUntil(account.id)) : false;
      const next = flow.afterCounty(purpose, { hasAccount: Boolean(account), hasIdNumber: Boolean(identity.idNumber), locked });
      if (next.next === 'signed-in' && account!.status !== 'active') {
        // The county proved who this is: the owner may learn the account is disabled and how to re-activate it (SPEC 柒).
        await flows.remove(current);
        return fail('disabled', purpose, undefined, true);
      }
      if (next.next === 'signed-in') return signIn(current, account!, context);
      if (flow.endsFlow(next)) await flows.remove(current);
      const endFlow = flow.endsFlow(next);
      switch (next.next) {
        case 'registration': {
          const outcome = await d.registration.verifyWithCounty(registrationToken, identity);
          if (outcome === 'no-registration') return fail('state', 'register', 'no registration waiting for the county identity', true);
          if (outcome === 'no-id-number') return fail('no-id-number', 'register', undefined, true);
          return { kind: 'registration', outcome, endFlow };
        }
        case 'link':
          return { kind: 'link', captchaId: await d.captcha.issue() };
        case 'no-id-number':
          return fail('no-id-number', purpose, undefined, true);
        case 'no-account':
          return { kind: 'no-account', purpose, endFlow };
        case 'forgot-result':
          return { kind: 'forgot-result', username: account!.username, endFlow };
        case 'reset-form':
          return { kind: 'reset-form', account: account!, locked: next.locked, endFlow };
      }
    },

    /** 貳.2 first county sign-in without a match: the Education Cloud password once, then linked. */
    async link(token: string | undefined, input: { account: string; password: string; captcha_id: string; captcha: string; action: string }, context: { ip?: string; userAgent?: string }): Promise<Outcome> {
      const found = await identified(token, 'login');
      if (!found) return fail('state');
      if (input.action === 'new_captcha') return { kind: 'link', captchaId: await d.captcha.issue(), account: input.account };
      const result = await d.authenticate({ account: input.account, password: input.password, captchaId: input.captcha_id, captcha: input.captcha, ip: context.ip, userAgent: context.userAgent });
      if (!result.ok) return { kind: 'link', captchaId: await d.captcha.issue(), account: input.account, error: true };
      if (!(await county.linkAfterPassword(found.identity, result.account))) {
        await flows.remove(found.f);
        return { kind: 'linked-elsewhere', endFlow: true };
      }
      return signIn(found.f, result.account, context);
    },

    /** 陸.2: a new password through the county account, under the one new-password rule, then no change for 24 hours. */
    async resetPassword(token: string | undefined, input: { password: string; password2: string }, context: { ip?: string }): Promise<Outcome> {
      const found = await identified(token, 'reset-password');
      const account = found && (await county.resolve(found.identity));
      if (!found || !account) return fail('state', 'reset-password');
      if (await store.accounts.passwordLockedUntil(account.id)) return { kind: 'reset-form', account, locked: true, errors: { password: { key: 'reset.locked' } } };
      const check = await newPasswordRule(account, input.password, input.password2);
      if (!check.ok) return { kind: 'reset-form', account, locked: false, errors: { [check.field]: { key: check.key } } };
      const passwordHash = await hashPassword(input.password);
      await store.transaction(async (repos) => {
        await repos.accounts.setPassword(account.id, passwordHash, PASSWORD_LOCK_HOURS);
        await repos.audit.record({ type: 'password.reset', accountId: account.id, ip: context.ip, detail: { via: 'county' } });
      });
      await flows.remove(found.f);
      return { kind: 'reset-done', endFlow: true };
    },

    /** Every account has a password, so a county identity is never the last way in; the check stays for accounts that may not. */
    async unlink(account: Account, providerId: string, subject: string, context: { ip?: string }): Promise<'unlinked' | 'last-way-in'> {
      const linked = await store.countyIdentities.forAccount(account.id);
      if (!flow.mayUnlink(Boolean(account.passwordHash), linked.length)) return 'last-way-in';
      if (await store.countyIdentities.unlink(account.id, providerId, subject))
        await store.audit.record({ type: 'county.unlinked', accountId: account.id, ip: context.ip, detail: { provider: providerId } });
      return 'unlinked';
    },
  };
}
export type FederationService = ReturnType<typeof federationService>;
