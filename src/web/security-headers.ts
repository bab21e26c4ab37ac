import { createHash } from 'node:crypto';
import type { Context } from 'koa';

// Strict: no inline script or style anywhere; our own files only.
const csp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every response's headers. The provider's own responses (`/oidc/*`, `/.well-known/*`) get them too,
 * set before it answers: its form_post page adds its inline script's hash to this CSP itself, and it
 * chooses its own caching (`cache: false`).
 */
export function securityHeaders(ctx: Pick<Context, 'set' | 'secure'>, opts: { cache?: boolean } = {}) {
  ctx.set('Content-Security-Policy', csp);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (opts.cache !== false) ctx.set('Cache-Control', 'no-store');
  if (ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

/** Lets this response run one inline script, named by its hash (never 'unsafe-inline'); returns the script. */
export function allowInlineScript(ctx: Pick<Context, 'set' | 'response'>, script: string): string {
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  ctx.set('Content-Security-Policy', (ctx.response.get('Content-Security-Policy') || csp).replace("script-src 'self'", `script-src 'self' ${hash}`));
  return script;
}
