import type { Next } from 'koa';
import { constantTimeEqual } from '../../security/tokens.ts';
import type { Ctx } from '../context.ts';
import { HttpError } from './errors.ts';
import { readForm } from './form-body.ts';

/** Every state-changing form post must carry the token bound to this browser. */
export async function requireCsrf(ctx: Ctx, next: Next) {
  if (ctx.method === 'POST') {
    const form = await readForm(ctx);
    if (!form._csrf || !constantTimeEqual(form._csrf, ctx.state.csrf)) throw new HttpError(403, 'error.csrf');
  }
  await next();
}
