import { summarizeUserAgent } from '../../domain/user-agent.ts';
import { text, type Lang } from '../../i18n/translate.ts';
import { PASSKEY_NAME_MAX, passkeyName, type PasskeyMethod } from '../../methods/passkey.ts';
import { TOTP_FAILURE_POLICY } from '../../methods/totp.ts';
import type { RateLimits } from '../../security/rate-limit.ts';
import type { Account, Passkey, Store } from '../../storage/ports.ts';
import type { FlowStore } from '../kit/flow-store.ts';
import { newChallenge, usable, type PasskeyChallenge } from './flow.ts';
import { passkeyNotice } from './notice.ts';

export interface RequestContext {
  ip?: string;
  userAgent?: string;
  /** The application whose sign-in this is, if any. */
  clientId?: string;
}

export type Refusal = { ok: false; error: string; params?: Record<string, number>; status: number };
const refuse = (error: string, status = 400, params?: Record<string, number>): Refusal => ({ ok: false, error, status, params });

/** Every change to passkeys, and passkey sign-in, happens here; the routes only parse and answer. */
export function passkeyService(d: { store: Store; method: PasskeyMethod; flows: FlowStore<PasskeyChallenge>; limits: RateLimits; kickDelivery?: () => void }) {
  const { store, method, flows } = d;

  /** The challenge this browser holds for this ceremony, taken (marked used) so it answers once. */
  async function take(token: string | undefined, purpose: PasskeyChallenge['purpose'], accountId?: string): Promise<string | undefined> {
    const f = await flows.load(token);
    if (!f || !usable(f.state, purpose, accountId)) return undefined;
    if (!(await flows.save(f, { ...f.state, used: true }))) return undefined;
    await flows.remove(f);
    return f.state.challenge;
  }

  async function start(purpose: PasskeyChallenge['purpose'], options: { challenge: string }, accountId?: string) {
    const { token } = await flows.create(newChallenge(purpose, options.challenge, accountId));
    return { token, options };
  }

  /** The owner's notice mail, queued in the change's transaction (only to a verified address). */
  async function notify(repos: Pick<Store, 'outbox'>, account: Account, change: 'added' | 'removed', name: string, lang: Lang) {
    if (!account.email || !account.emailVerified) return;
    const m = passkeyNotice(change, { username: account.username, name, at: new Date() }, lang);
    await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: m.subject, text: m.text });
  }

  return {
    list: (accountId: string): Promise<Passkey[]> => store.passkeys.listForAccount(accountId),
    find: async (accountId: string, id: string): Promise<Passkey | undefined> => {
      const p = await store.passkeys.find(id);
      return p?.accountId === accountId ? p : undefined;
    },

    /** 「新增通行金鑰」, first half: options for navigator.credentials.create, the challenge kept for this browser. */
    async registrationOptions(account: Account) {
      return start('register', await method.registrationOptions(account), account.id);
    },

    /** Second half: the authenticator's answer verified and stored, audited, the owner told. */
    async register(account: Account, token: string | undefined, response: unknown, typedName: string, context: RequestContext, lang: Lang): Promise<{ ok: true; passkey: Pick<Passkey, 'id' | 'name'> } | Refusal> {
      const challenge = await take(token, 'register', account.id);
      if (!challenge) return refuse('passkey.expired');
      const ua = summarizeUserAgent(context.userAgent);
      const fallback = ua.browser && ua.system ? text(lang, 'passkey.defaultName', { browser: ua.browser, system: ua.system }) : ua.browser;
      const r = await method.verifyRegistration(account.id, response, challenge, passkeyName(typedName, fallback));
      if (!r.ok) {
        await store.audit.record({ type: 'passkey.add_failed', accountId: account.id, ip: context.ip, userAgent: context.userAgent });
        return refuse('passkey.invalid');
      }
      if (await store.passkeys.find(r.passkey.id)) return refuse('passkey.exists', 409);
      await store.transaction(async (repos) => {
        await repos.passkeys.add(r.passkey);
        await repos.audit.record({ type: 'passkey.added', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { passkey: r.passkey.id, name: r.passkey.name } });
        await notify(repos, account, 'added', r.passkey.name, lang);
      });
      d.kickDelivery?.();
      return { ok: true, passkey: { id: r.passkey.id, name: r.passkey.name } };
    },

    /** 「重新命名」: only the owner's passkey; a name is required. */
    async rename(account: Account, id: string, typed: string, context: RequestContext): Promise<{ ok: true } | Refusal> {
      const name = typed.replace(/\s+/g, ' ').trim().slice(0, PASSKEY_NAME_MAX);
      if (!name) return refuse('passkey.nameMissing');
      if (!(await store.passkeys.rename(account.id, id, name))) return refuse('passkey.notFound', 404);
      await store.audit.record({ type: 'passkey.renamed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { passkey: id, name } });
      return { ok: true };
    },

    /** 「移除」 (the routes ask a recent sign-in first): only the owner's passkey, audited, the owner told. */
    async remove(account: Account, id: string, context: RequestContext, lang: Lang): Promise<{ ok: true } | Refusal> {
      const removed = await store.transaction(async (repos) => {
        const gone = await repos.passkeys.remove(account.id, id);
        if (!gone) return undefined;
        await repos.audit.record({ type: 'passkey.removed', accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { passkey: gone.id, name: gone.name } });
        await notify(repos, account, 'removed', gone.name, lang);
        return gone;
      });
      if (!removed) return refuse('passkey.notFound', 404);
      d.kickDelivery?.();
      return { ok: true };
    },

    /** 「使用通行金鑰登入」, first half: discoverable options, the challenge kept for this browser. */
    async signInOptions() {
      return start('login', await method.authenticationOptions());
    },

    /**
     * Second half: whom the passkey proves. Every refusal reads the same to the person; the owner of a
     * known passkey sees it in ＩＰ登入紀錄. A disabled account is refused as password sign-in refuses it.
     */
    async signIn(token: string | undefined, response: unknown, context: RequestContext): Promise<{ ok: true; account: Account } | Refusal> {
      const { ip, userAgent, clientId } = context;
      const challenge = await take(token, 'login');
      if (!challenge) return refuse('passkey.expired');
      const r = await method.verifyAuthentication(response, challenge);
      const account = r.accountId ? await store.accounts.findById(r.accountId) : undefined;
      const failed = async (reason: string) => {
        await store.audit.record({ type: 'login.failed', accountId: account?.id, ip, userAgent, clientId, detail: { method: 'passkey', reason } });
        if (account) await store.signIns.record({ accountId: account.id, kind: 'authentication', method: 'passkey', result: 'failed', ip, userAgent, clientId });
      };
      if (!r.ok || !account) {
        await failed(r.ok ? 'unknown' : r.reason);
        return refuse('passkey.signInFailed');
      }
      if (account.status !== 'active') {
        await failed('disabled');
        return refuse('login.disabled', 403);
      }
      await store.accounts.recordLogin(account.id);
      await store.audit.record({ type: 'login.succeeded', accountId: account.id, ip, userAgent, clientId, detail: { method: 'passkey', passkey: r.passkey.id } });
      await store.signIns.record({ accountId: account.id, kind: 'authentication', method: 'passkey', result: 'succeeded', ip, userAgent, clientId });
      return { ok: true, account };
    },

    /** 「使用通行金鑰」 on the second-factor page, first half: this pending account's passkeys, the challenge bound to it. */
    async secondFactorOptions(accountId: string) {
      return start('second-factor', await method.authenticationOptions(accountId), accountId);
    },

    /**
     * Second half: the passkey must be the pending account's. A refusal counts against the account like a
     * wrong code of the app (the same cap), is audited and recorded; the caller then completes the sign-in.
     */
    async verifySecondFactor(token: string | undefined, response: unknown, accountId: string, context: RequestContext): Promise<{ ok: true } | Refusal> {
      const { ip, userAgent } = context;
      const locked = await d.limits.get(TOTP_FAILURE_POLICY, accountId);
      if (locked.remaining <= 0) return refuse('twoFactor.locked', 429, { minutes: Math.max(1, Math.ceil(locked.retryAfterSeconds / 60)) });
      const challenge = await take(token, 'second-factor', accountId);
      const r = challenge ? await method.verifyAuthentication(response, challenge, accountId) : ({ ok: false, reason: 'expired' } as const);
      if (r.ok) return { ok: true };
      const state = await d.limits.penalty(TOTP_FAILURE_POLICY, accountId);
      await store.audit.record({ type: 'login.second_factor_failed', accountId, ip, userAgent, detail: { mode: 'passkey', reason: r.reason } });
      await store.signIns.record({ accountId, kind: 'authentication', method: 'passkey', result: 'failed', ip, userAgent });
      if (state.remaining <= 0) return refuse('twoFactor.locked', 429, { minutes: Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) });
      return refuse(r.reason === 'expired' ? 'passkey.expired' : 'passkey.secondFactorFailed');
    },
  };
}
export type PasskeyService = ReturnType<typeof passkeyService>;
