import type { Next } from 'koa';
import type { Ctx } from '../context.ts';
import { page } from '../context.ts';
import { errorPage } from '../views/pages.ts';

/** An error a user caused, shown as a translated page with its status. */
export class HttpError extends Error {
  readonly status: number;
  readonly key: string;
  constructor(status: number, key: string) {
    super(key);
    this.status = status;
    this.key = key;
  }
}

export async function handleErrors(ctx: Ctx, next: Next) {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw new HttpError(404, 'error.notFound');
  } catch (err) {
    const known = err instanceof HttpError;
    if (!known) ctx.state.log.error({ err }, 'request failed');
    ctx.status = known ? err.status : 500;
    const message = ctx.state.t(known ? err.key : 'error.server');
    if (ctx.accepts('html', 'json') === 'json') ctx.body = { error: known ? err.key : 'server_error', message };
    else ctx.body = errorPage(page(ctx), message).value;
  }
}
