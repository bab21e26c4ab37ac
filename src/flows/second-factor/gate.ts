import type { Ctx } from '../../web/context.ts';
import type { WebSessions } from '../../web/middleware/web-session.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { SECOND_FACTOR_PATH, type PendingSignIn, type SecondFactor } from './flow.ts';
import type { SecondFactorService } from './service.ts';

const context = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') });

/**
 * Where every sign-in passes after its first factor. The login page, the county sign-in and (later)
 * the passkey step call this; it keeps the pending sign-in in a flow bound to this browser's cookie
 * and starts the web session only once the second factor is proven.
 */
export function secondFactorGate(d: { service: SecondFactorService; cookie: FlowCookie; sessions: WebSessions }) {
  return {
    /**
     * After the first factor: with two-factor on, keeps a pending sign-in and returns the path of the
     * second-factor page (start no session); otherwise starts the session and returns undefined.
     */
    async afterFirstFactor(ctx: Ctx, s: PendingSignIn & { clientId?: string }): Promise<string | undefined> {
      if (await d.service.required(s.accountId)) {
        d.cookie.set(ctx, await d.service.begin({ accountId: s.accountId, method: s.method, next: s.next }, { ...context(ctx), clientId: s.clientId }));
        // An application's ui_locales may have picked English without the cookie: the next page keeps it.
        return ctx.state.lang === 'en' ? `${SECOND_FACTOR_PATH}?lang=en` : SECOND_FACTOR_PATH;
      }
      await d.sessions.start(ctx, s.accountId, [s.method]);
      return undefined;
    },

    /** This browser's pending sign-in: `{ accountId, method, next }`, or undefined. */
    pending: (ctx: Ctx): Promise<PendingSignIn | undefined> => d.service.pending(d.cookie.get(ctx)),

    /**
     * Another second factor (a passkey) was proven for the pending sign-in's account: the session
     * starts, and the return value is the path to continue to (undefined when nothing was pending).
     */
    async complete(ctx: Ctx, via: SecondFactor): Promise<string | undefined> {
      const done = await d.service.complete(d.cookie.get(ctx), via, context(ctx));
      return done && this.signIn(ctx, done);
    },

    /** Starts the session of a proven sign-in and ends the pending one; returns where to continue. */
    async signIn(ctx: Ctx, done: { accountId: string; methods: Parameters<WebSessions['start']>[2]; next: string }): Promise<string> {
      d.cookie.clear(ctx);
      await d.sessions.start(ctx, done.accountId, done.methods);
      return done.next;
    },
  };
}
export type SecondFactorGate = ReturnType<typeof secondFactorGate>;
