import type { Account } from '../../storage/ports.ts';
import type { Ctx } from '../../web/context.ts';

/** A sensitive change (contacts, two-factor) needs credentials proven this recently, or asked again. */
export const RECENT_SIGN_IN_SECONDS = 5 * 60;

/** The one page that asks a signed-in person's password again (src/flows/reauth), then returns to `next`. */
export const REAUTH_PATH = '/account/confirm';
export const reauthUrl = (next: string) => `${REAUTH_PATH}?next=${encodeURIComponent(next)}`;

/** A local path to return to after signing in: never another site (`//host`, `/\host`) or a scheme. */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : undefined;
}

/** The signed-in account, or undefined after redirecting to the login page, which comes back here. */
export function requireAccount(ctx: Ctx): Account | undefined {
  if (ctx.state.account) return ctx.state.account;
  ctx.redirect(`/login?next=${encodeURIComponent(ctx.originalUrl)}`);
  return undefined;
}

/** Whether this session proved its credentials within RECENT_SIGN_IN_SECONDS. */
export function recentlySignedIn(ctx: Ctx, now = Date.now()): boolean {
  const at = ctx.state.session?.authenticatedAt;
  return Boolean(at && now - at.getTime() < RECENT_SIGN_IN_SECONDS * 1000);
}

/**
 * Whether this session proved its credentials recently; if not, a 303 to the password question, which
 * comes back to `back` (a GET address: this request's own unless it is a POST).
 */
export function requireRecentSignIn(ctx: Ctx, back: string = ctx.originalUrl): boolean {
  if (recentlySignedIn(ctx)) return true;
  ctx.status = 303;
  ctx.redirect(reauthUrl(back));
  return false;
}
