import { validateEmail } from '../../domain/email.ts';
import { validateMobile } from '../../domain/phone.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { CodeMethod } from '../../methods/code.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import type { Account, Channel, Store } from '../../storage/ports.ts';
import type { FlowStore, StoredFlow } from '../kit/flow-store.ts';
import type { FieldErrors } from '../kit/form.ts';
import * as flow from './flow.ts';
import type { ContactsState } from './flow.ts';
import { contactsChangedMessage } from './notice.ts';

/** Caps on the shared rate-limit port, per account (the person is signed in: no name to hide). */
export const policies = {
  /** Rounds of codes sent (「儲存變更」 and every resend) a day. */
  sends: { name: 'contacts.send.account', points: 10, windowSeconds: 24 * 60 * 60 },
  /** Wrong codes a day, however many codes were sent. */
  codeFailures: { name: 'contacts.code.account', points: 10, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export interface Visitor {
  account: Account;
  ip?: string;
  userAgent?: string;
  lang: Lang;
}

export type ContactsPage =
  | { step: 'form'; email: string; mobile: string; errors?: FieldErrors; tooMany?: boolean }
  | { step: 'codes'; email?: string; mobile?: string; wait: number; errors?: FieldErrors; notice?: 'resent' | 'wait'; tooMany?: boolean }
  | { step: 'done' };

export type Outcome = { kind: 'go'; path: string; token?: string } | { kind: 'show'; page: ContactsPage; status?: number };

export interface ContactsDeps {
  store: Store;
  flows: FlowStore<ContactsState>;
  codes: CodeMethod;
  limits: RateLimits;
  kickDelivery?: () => void;
}

type Flow = StoredFlow<ContactsState>;
const go = (path: string, token?: string): Outcome => ({ kind: 'go', path, token });
const show = (page: ContactsPage, status?: number): Outcome => ({ kind: 'show', page, status });

/** 參 「修改備用電子郵件信箱/行動電話」: every change happens here; the routes only parse, check the session and render. */
export function contactsService(d: ContactsDeps) {
  const { store, flows } = d;

  /** This account's flow, if this browser has one. */
  async function load(token: string | undefined, v: Visitor): Promise<Flow | undefined> {
    const f = await flows.load(token);
    return f && f.state.accountId === v.account.id ? f : undefined;
  }

  /** Seconds until the pending codes may be sent again. */
  const resendWait = async (f: Flow) => Math.max(0, ...(await Promise.all(f.state.pending.map((c) => d.codes.resendWait(f.id, c)))));

  async function codesPage(f: Flow, extra: Partial<Extract<ContactsPage, { step: 'codes' }>> = {}, status?: number): Promise<Outcome> {
    const s = f.state;
    const wait = await resendWait(f);
    return show(
      { step: 'codes', email: s.pending.includes('email') ? s.wanted.email : undefined, mobile: s.pending.includes('sms') ? s.wanted.mobile! : undefined, wait, ...extra },
      status,
    );
  }

  const sendCodes = (f: Flow, s: ContactsState, lang: Lang) =>
    d.codes.send(f.id, 'contacts', s.pending.map((channel) => ({ channel, to: flow.targetOf(s, channel) })), lang);

  /** Everything proven: the new values, the audit event, the notice to the old email and the flow's end, in one transaction. */
  async function save(f: Flow, v: Visitor): Promise<Outcome> {
    const saved = await store.transaction(async (repos) => {
      const before = await repos.accounts.findById(v.account.id);
      if (!before || !(await flows.save(f, flow.completed(f.state), repos.flows))) return false;
      const after = { email: f.state.wanted.email, mobile: f.state.wanted.mobile };
      await repos.accounts.setContacts(before.id, after);
      const masked = (key: 'email' | 'mobile', mask: (x: string | null) => string) =>
        before[key] === after[key] ? {} : { [key]: { from: mask(before[key]), to: mask(after[key]) } };
      await repos.audit.record({
        type: 'account.contacts_changed',
        accountId: before.id,
        ip: v.ip,
        userAgent: v.userAgent,
        detail: { ...masked('email', flow.maskEmail), ...masked('mobile', flow.maskMobile) },
      });
      if (before.email) {
        const notice = contactsChangedMessage(before.username, before, after, v.lang);
        await repos.outbox.enqueue({ channel: 'email', to: before.email, subject: notice.subject, text: notice.text });
      }
      return true;
    });
    if (saved) d.kickDelivery?.();
    return go(saved ? flow.stepPath('done') : flow.basePath);
  }

  return {
    /** The form with the account's values (the routes send a session not proven recently to /account/confirm first). */
    form: (v: Visitor): Outcome => show({ step: 'form', email: v.account.email ?? '', mobile: v.account.mobile ?? '' }),

    /** 「儲存變更」: checked values; codes to each new one; nothing changes yet. */
    async request(v: Visitor, input: { email: string; mobile: string }): Promise<Outcome> {
      const errors: FieldErrors = {};
      const email = validateEmail(input.email);
      if (!email.ok) errors.email = { key: email.error };
      const mobile = input.mobile.trim() ? validateMobile(input.mobile) : ({ ok: true, value: null } as const);
      if (!mobile.ok) errors.mobile = { key: mobile.error };
      const again = (e: FieldErrors, extra: { tooMany?: boolean } = {}, status = 400) => show({ step: 'form', email: input.email, mobile: input.mobile, errors: e, ...extra }, status);
      if (!email.ok || !mobile.ok) return again(errors);
      const wanted = { email: email.value, mobile: mobile.value };
      if (flow.unchanged(v.account, wanted)) return again({ form: { key: 'contacts.unchanged' } });
      const state = flow.requested(v.account.id, v.account, wanted);
      if (state.pending.length && !(await d.limits.consume(policies.sends, v.account.id)).allowed) return again({}, { tooMany: true }, 429);
      const created = await flows.create(state);
      if (!state.pending.length) {
        const outcome = await save(created.flow, v);
        return outcome.kind === 'go' ? { ...outcome, token: created.token } : outcome;
      }
      await sendCodes(created.flow, state, v.lang);
      await store.audit.record({ type: 'account.contacts_codes_sent', accountId: v.account.id, ip: v.ip, userAgent: v.userAgent, detail: { channels: state.pending } });
      return go(flow.stepPath('codes'), created.token);
    },

    async showCodes(token: string | undefined, v: Visitor): Promise<Outcome> {
      const f = await load(token, v);
      if (!f || f.state.step !== 'codes') return go(f?.state.step === 'done' ? flow.stepPath('done') : flow.basePath);
      return codesPage(f);
    },

    async showDone(token: string | undefined, v: Visitor): Promise<Outcome> {
      const f = await load(token, v);
      return f?.state.step === 'done' ? show({ step: 'done' }) : go(flow.basePath);
    },

    /** The codes, 「開始驗證」; or the codes sent again after the cooldown. */
    async verify(token: string | undefined, v: Visitor, input: { email_code: string; sms_code: string; action: string }): Promise<Outcome> {
      const f = await load(token, v);
      if (!f || f.state.step !== 'codes') return go(f?.state.step === 'done' ? flow.stepPath('done') : flow.basePath);
      if (input.action === 'resend') {
        if ((await resendWait(f)) > 0) return codesPage(f, { notice: 'wait' }, 429);
        if (!(await d.limits.consume(policies.sends, v.account.id)).allowed) return codesPage(f, { tooMany: true }, 429);
        await sendCodes(f, f.state, v.lang);
        await store.audit.record({ type: 'account.contacts_codes_sent', accountId: v.account.id, ip: v.ip, userAgent: v.userAgent, detail: { channels: f.state.pending, resend: true } });
        return codesPage(f, { notice: 'resent' });
      }
      if ((await d.limits.get(policies.codeFailures, v.account.id)).remaining <= 0) return codesPage(f, { errors: { form: { key: 'contacts.codesLocked' } } }, 429);
      const errors: FieldErrors = {};
      const ok: Channel[] = [];
      for (const channel of f.state.pending) {
        const typed = (channel === 'email' ? input.email_code : input.sms_code).trim();
        const result = await d.codes.check(f.id, channel, flow.targetOf(f.state, channel), typed);
        if (result === 'ok') ok.push(channel);
        else errors[channel === 'email' ? 'email_code' : 'sms_code'] = { key: `code.${result}` };
      }
      const next = flow.proven(f.state, ok);
      if (!flow.readyToSave(next)) {
        await d.limits.penalty(policies.codeFailures, v.account.id);
        await store.audit.record({ type: 'account.contacts_code_failed', accountId: v.account.id, ip: v.ip, userAgent: v.userAgent, detail: { proven: ok, refused: next.pending } });
        if (!(await flows.save(f, next))) return go(flow.stepPath('codes'));
        return codesPage({ ...f, state: next }, { errors }, 400);
      }
      return save({ ...f, state: next }, v);
    },
  };
}
export type ContactsService = ReturnType<typeof contactsService>;
