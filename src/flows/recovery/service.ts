import { parseLoginName } from '../../domain/account-name.ts';
import { newPasswordCheck } from '../../methods/password.ts';
import { PASSWORD_LOCK_HOURS } from '../../domain/password-policy.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { CodeMethod } from '../../methods/code.ts';
import { passwordChangedMessage } from './notice.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import { hashPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import { sha256 } from '../../security/tokens.ts';
import type { Store } from '../../storage/ports.ts';
import type { FlowStore, StoredFlow } from '../kit/flow-store.ts';
import type { FieldErrors } from '../kit/form.ts';
import * as flow from './flow.ts';
import type { Purpose, RecoveryState, Step } from './flow.ts';

/** Seconds between two sends of one flow (「傳送驗證碼」 is locked meanwhile). */
export const SEND_COOLDOWN_SECONDS = 60;
/** Where the one code of a flow is kept (both messages carry it). */
const CODE_KEY = 'recovery';

/** Send caps and the per-account failure count, on the shared rate-limit port. */
export const policies = {
  /** Codes sent for one account name (as typed, known or not) a day. */
  sendsPerAccount: { name: 'recovery.send.account', points: 5, windowSeconds: 24 * 60 * 60 },
  /** Codes sent from one address an hour. */
  sendsPerAddress: { name: 'recovery.send.ip', points: 20, windowSeconds: 60 * 60 },
  /** Text messages to one mobile number a day (SMS pumping). */
  sendsPerNumber: { name: 'recovery.send.mobile', points: 5, windowSeconds: 24 * 60 * 60 },
  /** Mails to one address a day. */
  sendsPerEmail: { name: 'recovery.send.email', points: 10, windowSeconds: 24 * 60 * 60 },
  /** Wrong codes for one account name, however many codes were sent: a new code does not reset it. */
  codeFailuresPerAccount: { name: 'recovery.code.account', points: 10, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export type Outcome =
  | { kind: 'go'; purpose: Purpose; step: Step; token?: string }
  | { kind: 'show'; page: RecoveryPage; status?: number }
  | { kind: 'expired'; purpose: Purpose };

export type RecoveryPage =
  | { step: 'account'; purpose: Purpose; captchaId: string; account?: string; errors?: FieldErrors; tooMany?: boolean }
  | { step: 'code'; purpose: Purpose; wait: number; errors?: FieldErrors; notice?: 'resent' | 'wait' }
  | { step: 'reset'; purpose: Purpose; username: string; name: string; errors?: FieldErrors }
  | { step: 'done'; purpose: Purpose }
  | { step: 'helpdesk'; purpose: Purpose };

export interface RecoveryDeps {
  store: Store;
  flows: FlowStore<RecoveryState>;
  captcha: CaptchaService;
  codes: CodeMethod;
  limits: RateLimits;
  pii: PiiVault;
  accountDomain: string;
}

type Flow = StoredFlow<RecoveryState>;
export interface RequestContext {
  ip?: string;
  userAgent?: string;
}

/** The audit event of a new password, per purpose. */
const auditType: Record<Purpose, string> = { reset: 'password.reset', activation: 'account.activated' };

const go = (purpose: Purpose, step: Step, token?: string): Outcome => ({ kind: 'go', purpose, step, token });

/** 陸.1 and 柒: every change of a recovery flow happens here; the routes only parse and render. */
export function recoveryService(d: RecoveryDeps) {
  const { store, flows } = d;
  const newPasswordRule = newPasswordCheck(store.accounts, d.pii);
  const nameKey = (name: string) => sha256(`recovery:${name}`);

  async function load(token: string | undefined, purpose: Purpose) {
    const f = await flows.load(token);
    return f && f.state.purpose === purpose ? f : undefined;
  }

  async function codePage(f: Flow, extra: Partial<Extract<RecoveryPage, { step: 'code' }>> = {}, status?: number): Promise<Outcome> {
    return { kind: 'show', page: { step: 'code', purpose: f.state.purpose, wait: await d.codes.resendWait(f.id, 'email'), ...extra }, status };
  }

  async function resetPage(f: Flow, errors?: FieldErrors): Promise<Outcome> {
    const account = f.state.accountId ? await store.accounts.findById(f.state.accountId) : undefined;
    if (!account) return { kind: 'expired', purpose: f.state.purpose };
    return { kind: 'show', page: { step: 'reset', purpose: f.state.purpose, username: account.username, name: account.displayName, errors }, status: errors ? 400 : undefined };
  }

  /**
   * Sends the flow's code to the account's addresses, or pretends to: an unknown name, a name this
   * purpose cannot recover, or an address over its cap gets the same work and the same page, no message.
   */
  async function send(f: Flow, name: string, context: RequestContext, lang: Lang): Promise<void> {
    const account = await store.accounts.findByUsername(name);
    const ok = account && flow.eligible(f.state.purpose, account.status) ? account : undefined;
    const targets: { channel: 'email' | 'sms'; to: string }[] = [];
    // Each cap costs the same write whether or not there is an address to count (a stand-in key of the typed name otherwise).
    const capped = async (policy: RateLimitPolicy, key: string | null | undefined) => {
      const r = await d.limits.consume(policy, key ?? `-${nameKey(name)}`);
      return Boolean(key) && r.allowed;
    };
    if (await capped(policies.sendsPerEmail, ok?.emailVerified ? ok.email?.toLowerCase() : undefined)) targets.push({ channel: 'email', to: ok!.email! });
    if (await capped(policies.sendsPerNumber, ok?.mobile)) targets.push({ channel: 'sms', to: ok!.mobile! });
    await d.codes.sendShared(f.id, f.state.purpose, CODE_KEY, targets, lang);
    await store.audit.record({ type: `recovery.${f.state.purpose}.code_sent`, accountId: ok?.id, ip: context.ip, userAgent: context.userAgent, detail: { name_hash: nameKey(name), sent: targets.length } });
    if (!(await flows.save(f, flow.codeSent(f.state, name, ok?.id)))) return;
  }

  /** The per-account and per-address caps, one point each; refused sends show the same message to everyone. */
  async function maySend(name: string, ip: string | undefined): Promise<boolean> {
    const byName = await d.limits.consume(policies.sendsPerAccount, nameKey(name));
    const byIp = await d.limits.consume(policies.sendsPerAddress, ip ?? 'unknown');
    return byName.allowed && byIp.allowed;
  }

  return {
    /** 「傳送驗證碼重設」 / 「啟用帳號」: a new flow for this browser. */
    async start(purpose: Purpose): Promise<Outcome> {
      const created = await flows.create(flow.initialState(purpose));
      return go(purpose, 'account', created.token);
    },

    async show(token: string | undefined, purpose: Purpose, step: Step): Promise<Outcome> {
      const f = await load(token, purpose);
      if (!f) return step === 'account' ? this.start(purpose) : { kind: 'expired', purpose };
      const elsewhere = flow.redirectForShow(f.state, step);
      if (elsewhere) return go(purpose, elsewhere);
      switch (step) {
        case 'account':
          return { kind: 'show', page: { step, purpose, captchaId: await d.captcha.issue(), account: f.state.name } };
        case 'code':
          return codePage(f);
        case 'reset':
          return resetPage(f);
        default:
          return { kind: 'show', page: { step, purpose } };
      }
    },

    /** Account and captcha, 「傳送認證碼」: the code goes to the verified email and the mobile. */
    async requestCode(token: string | undefined, purpose: Purpose, input: { account: string; captcha_id: string; captcha: string; action: string }, context: RequestContext, lang: Lang): Promise<Outcome> {
      const f = await load(token, purpose);
      if (!f) return { kind: 'expired', purpose };
      if (flow.redirectForSubmit(f.state, 'account')) return go(purpose, f.state.step);
      const again = async (errors: FieldErrors, extra: { tooMany?: boolean } = {}, status = 400): Promise<Outcome> => ({
        kind: 'show',
        page: { step: 'account', purpose, captchaId: await d.captcha.issue(), account: input.account, errors, ...extra },
        status,
      });
      if (input.action === 'new_captcha') return again({}, {}, 200);
      const name = parseLoginName(input.account, d.accountDomain);
      const captchaOk = await d.captcha.check(input.captcha_id, input.captcha);
      const errors: FieldErrors = {};
      if (!name.ok) errors.account = { key: name.error };
      if (!captchaOk) errors.captcha = { key: 'register.captchaWrong' };
      if (!name.ok || Object.keys(errors).length) return again(errors);
      const wait = await d.codes.resendWait(f.id, 'email');
      if (wait > 0 && f.state.step === 'code') return codePage(f, { notice: 'wait' }, 429);
      if (!(await maySend(name.value, context.ip))) return again({}, { tooMany: true }, 429);
      await send(f, name.value, context, lang);
      return go(purpose, 'code');
    },

    /** The code, 「開始驗證」; or 「傳送驗證碼」 again after the cooldown. */
    async verifyCode(token: string | undefined, purpose: Purpose, input: { code: string; action: string }, context: RequestContext, lang: Lang): Promise<Outcome> {
      const f = await load(token, purpose);
      if (!f) return { kind: 'expired', purpose };
      const elsewhere = flow.redirectForSubmit(f.state, 'code');
      if (elsewhere || !f.state.name) return go(purpose, elsewhere ?? 'account');
      const name = f.state.name;
      if (input.action === 'resend') {
        if ((await d.codes.resendWait(f.id, 'email')) > 0) return codePage(f, { notice: 'wait' }, 429);
        if (!(await maySend(name, context.ip))) return codePage(f, { errors: { code: { key: 'recovery.tooMany' } } }, 429);
        await send(f, name, context, lang);
        return codePage(f, { notice: 'resent' });
      }
      // The account's count of wrong codes: checked before the code, so a locked name costs the same.
      if ((await d.limits.get(policies.codeFailuresPerAccount, nameKey(name))).remaining <= 0) return codePage(f, { errors: { code: { key: 'recovery.accountLocked' } } }, 429);
      const result = await d.codes.check(f.id, 'email', CODE_KEY, input.code.trim());
      if (result !== 'ok') {
        if (result === 'wrong' || result === 'locked') await d.limits.penalty(policies.codeFailuresPerAccount, nameKey(name));
        await store.audit.record({ type: `recovery.${purpose}.code_failed`, accountId: f.state.accountId, ip: context.ip, detail: { result } });
        return codePage(f, { errors: { code: { key: `code.${result}` } } }, 400);
      }
      // The right code for no account: only whoever typed a wrong name gets here, and it still says nothing.
      if (!f.state.accountId) return codePage(f, { errors: { code: { key: 'code.wrong' } } }, 400);
      const disabledBy = purpose === 'activation' ? await store.accounts.disabledReason(f.state.accountId) : undefined;
      const next = flow.codeProven(f.state, disabledBy === 'admin');
      await flows.save(f, next);
      await store.audit.record({ type: `recovery.${purpose}.code_proven`, accountId: f.state.accountId, ip: context.ip, detail: disabledBy ? { disabled: disabledBy } : {} });
      return go(purpose, next.step);
    },

    /** 「重設密碼」: the one new-password rule, then every session and token of the account ends, a notice is mailed, and the next voluntary change waits 24 hours. */
    async reset(token: string | undefined, purpose: Purpose, input: { password: string; password2: string }, context: RequestContext, lang: Lang): Promise<Outcome> {
      const f = await load(token, purpose);
      if (!f) return { kind: 'expired', purpose };
      const elsewhere = flow.redirectForSubmit(f.state, 'reset');
      if (elsewhere) return go(purpose, elsewhere);
      const account = f.state.accountId ? await store.accounts.findById(f.state.accountId) : undefined;
      if (!account) return { kind: 'expired', purpose };
      const check = await newPasswordRule(account, input.password, input.password2);
      if (!check.ok) return resetPage(f, { [check.field]: { key: check.key } });
      const passwordHash = await hashPassword(input.password);
      const saved = await store.transaction(async (repos) => {
        if (!(await flows.save(f, flow.completed(f.state), repos.flows))) return false;
        await repos.accounts.setPassword(account.id, passwordHash, PASSWORD_LOCK_HOURS);
        if (purpose === 'activation') await repos.accounts.activate(account.id);
        await repos.webSessions.removeForAccount(account.id);
        const revoked = await repos.oidcPayloads.revokeAccount(account.id);
        await repos.audit.record({ type: auditType[purpose], accountId: account.id, ip: context.ip, userAgent: context.userAgent, detail: { via: 'code', revoked } });
        if (account.email) {
          const notice = passwordChangedMessage(account.username, purpose, lang);
          await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: notice.subject, text: notice.text });
        }
        return true;
      });
      return go(purpose, saved ? 'done' : ((await flows.load(token))?.state.step ?? 'account'));
    },
  };
}
export type RecoveryService = ReturnType<typeof recoveryService>;
