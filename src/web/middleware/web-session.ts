import type { Next } from 'koa';
import type { AccountRepo, SignInMethod, WebSessionRepo } from '../../storage/ports.ts';
import { randomToken, sha256 } from '../../security/tokens.ts';
import type { Ctx } from '../context.ts';

export const WEB_SESSION_COOKIE = 'edusso.sid';
const TTL_SECONDS = 8 * 3600;

/** The SSO site's own session: the cookie holds a random token, the database only its hash. */
export function webSessions(repo: WebSessionRepo, accounts: AccountRepo, secure: boolean) {
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure, overwrite: true };
  return {
    async load(ctx: Ctx, next: Next) {
      const token = ctx.cookies.get(WEB_SESSION_COOKIE);
      if (token && token.length < 100) {
        const session = await repo.find(sha256(token));
        const account = session && (await accounts.findById(session.accountId));
        if (session && account?.status === 'active') {
          ctx.state.account = account;
          ctx.state.session = session;
          // The row was just read: write last-seen only when it is a minute old, not on every page.
          if (Date.now() - session.lastSeenAt.getTime() > 60_000) await repo.touch(session.idHash);
        }
      }
      await next();
    },
    /** A new session (a new cookie: never the one the browser brought) proven by `methods`. */
    async start(ctx: Ctx, accountId: string, methods: SignInMethod[]) {
      const old = ctx.cookies.get(WEB_SESSION_COOKIE);
      if (old) await repo.remove(sha256(old));
      const token = randomToken();
      await repo.create(sha256(token), accountId, TTL_SECONDS, { ip: ctx.ip, userAgent: ctx.get('user-agent') || null, methods });
      ctx.cookies.set(WEB_SESSION_COOKIE, token, { ...cookie, maxAge: TTL_SECONDS * 1000 });
    },
    /** Credentials were proven again in this session: a sensitive change may follow (see flows/kit/signed-in.ts). */
    async reauthenticated(ctx: Ctx, methods: SignInMethod[] = []) {
      if (ctx.state.session) await repo.reauthenticated(ctx.state.session.idHash, methods);
    },
    async end(ctx: Pick<Ctx, 'cookies'>) {
      const token = ctx.cookies.get(WEB_SESSION_COOKIE);
      if (token) await repo.remove(sha256(token));
      ctx.cookies.set(WEB_SESSION_COOKIE, null, cookie);
    },
  };
}
export type WebSessions = ReturnType<typeof webSessions>;
