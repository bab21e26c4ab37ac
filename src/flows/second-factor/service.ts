import type { TotpMethod } from '../../methods/totp.ts';
import type { Store } from '../../storage/ports.ts';
import type { FlowStore, StoredFlow } from '../kit/flow-store.ts';
import type { FieldErrors } from '../kit/form.ts';
import { codeError } from '../two-factor/service.ts';
import { sessionMethods, type Mode, type PendingSignIn, type SecondFactor } from './flow.ts';

export interface RequestContext {
  ip?: string;
  userAgent?: string;
  clientId?: string;
}

export type Verified = { kind: 'signed-in'; accountId: string; methods: ReturnType<typeof sessionMethods>; next: string };
export type VerifyOutcome = Verified | { kind: 'again'; errors: FieldErrors; status: number } | { kind: 'expired' };

/** The second step of a sign-in: the only code that keeps, checks and ends a pending sign-in. */
export function secondFactorService(d: { store: Store; flows: FlowStore<PendingSignIn>; totp: TotpMethod }) {
  const { store, flows } = d;

  /** A pending sign-in proven: it ends (single use), and the sign-in is recorded and audited. */
  async function proven(f: StoredFlow<PendingSignIn>, via: SecondFactor, c: RequestContext): Promise<Verified | undefined> {
    const ended = await store.transaction(async (repos) => {
      // Two tabs racing with one pending sign-in: only the first one signs in.
      if (!(await flows.save(f, f.state, repos.flows))) return false;
      await repos.flows.remove(f.id);
      await repos.audit.record({ type: 'login.second_factor_succeeded', accountId: f.state.accountId, ip: c.ip, userAgent: c.userAgent, detail: { via, first: f.state.method } });
      await repos.signIns.record({ accountId: f.state.accountId, kind: 'authentication', method: via === 'passkey' ? 'passkey' : 'two-factor', result: 'succeeded', ip: c.ip, userAgent: c.userAgent });
      return true;
    });
    return ended ? { kind: 'signed-in', accountId: f.state.accountId, methods: sessionMethods(f.state, via), next: f.state.next } : undefined;
  }

  return {
    /** Whether this account's sign-ins need a second factor (two-factor bound and turned on). */
    async required(accountId: string): Promise<boolean> {
      return Boolean((await store.twoFactor.find(accountId))?.enabledAt);
    },

    /** The first factor was proven: a pending sign-in for this browser (its token goes in the cookie). */
    async begin(s: PendingSignIn, c: RequestContext): Promise<string> {
      const created = await flows.create(s);
      await store.audit.record({ type: 'login.second_factor_asked', accountId: s.accountId, ip: c.ip, userAgent: c.userAgent, clientId: c.clientId, detail: { first: s.method } });
      return created.token;
    },

    async pending(token: string | undefined): Promise<PendingSignIn | undefined> {
      return (await flows.load(token))?.state;
    },

    /** A code of the app or a recovery code; wrong ones are capped per account (methods/totp.ts). */
    async verify(token: string | undefined, mode: Mode, code: string, c: RequestContext): Promise<VerifyOutcome> {
      const f = await flows.load(token);
      if (!f) return { kind: 'expired' };
      const { accountId } = f.state;
      const r = mode === 'recovery' ? await d.totp.useRecoveryCode(accountId, code, { ...c, purpose: 'sign-in' }) : await d.totp.verify(accountId, code, { ...c, purpose: 'sign-in' });
      if (!r.ok) {
        await store.audit.record({ type: 'login.second_factor_failed', accountId, ip: c.ip, userAgent: c.userAgent, detail: { mode, reason: r.reason } });
        await store.signIns.record({ accountId, kind: 'authentication', method: 'two-factor', result: 'failed', ip: c.ip, userAgent: c.userAgent });
        const error = mode === 'recovery' && r.reason !== 'locked' ? { key: 'secondFactor.recoveryWrong' } : codeError(r);
        return { kind: 'again', errors: { code: error }, status: r.reason === 'locked' ? 429 : 400 };
      }
      return (await proven(f, mode === 'recovery' ? 'recovery' : 'totp', c)) ?? { kind: 'expired' };
    },

    /** Another second factor (a passkey) was proven by its own flow: the pending sign-in completes. */
    async complete(token: string | undefined, via: SecondFactor, c: RequestContext): Promise<Verified | undefined> {
      const f = await flows.load(token);
      return f && proven(f, via, c);
    },

    async cancel(token: string | undefined): Promise<void> {
      const f = await flows.load(token);
      if (f) await flows.remove(f);
    },
  };
}
export type SecondFactorService = ReturnType<typeof secondFactorService>;
