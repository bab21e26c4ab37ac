import Router from '@koa/router';
import type { Next } from 'koa';
import { z } from 'zod';
import { AdminForbidden, reachesAnything, reachOf, type Principal } from '../../admin/access.ts';
import { AdminRefusal } from '../../admin/refusal.ts';
import type { AdminScope } from '../../domain/admin-scopes.ts';
import { isMessageKey } from '../../i18n/catalog.ts';
import { text } from '../../i18n/translate.ts';
import type { AppState, Ctx } from '../../web/context.ts';
import { ApiError, type ApiErrorBody } from './errors.ts';
import type { AdminAuth } from './principal.ts';

export const API_PREFIX = '/admin/api/v1';
const REFUSAL_CODE = { invalid: 'invalid_request', 'not-found': 'not_found', conflict: 'conflict' } as const;
const JSON_LIMIT_BYTES = 4 * 1024 * 1024;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface HandlerInput<P, Q, B> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  /** Where the request came from, for the audit log. */
  req: { ip: string; userAgent: string | null };
  ctx: Ctx;
}

/** A non-JSON answer (a CSV export, a PDF sheet): the handler returns its bytes. */
export interface FileAnswer {
  file: { type: string; name: string; body: string | Buffer };
}

/**
 * One operation of the administration API. The same zod schemas check the request and describe it in
 * the OpenAPI document (src/console/kit/openapi.ts), so the two cannot disagree.
 */
export interface Operation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** OpenAPI style: `/tickets/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The capability the principal must reach somewhere; the handler checks the exact target with access.authorize. */
  capability: AdminScope | null;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body (JSON); for a file answer, its media type in `produces`. */
  response: R;
  produces?: string;
  status?: 200 | 201;
  /** The refusals this operation can answer besides 400/401/403 (e.g. 404, 409). */
  errors?: (404 | 409 | 413 | 415)[];
  handler(input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R> | FileAnswer>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any, any, any>;

/** The message of an error in zh-TW (the API's language) and English. */
export function errorBody(code: string, key: string, params?: Record<string, string | number>, issues?: ApiErrorBody['issues']): ApiErrorBody {
  return { error: code, message: text('zh-TW', key, params), message_en: text('en', key, params), ...(issues?.length ? { issues } : {}) };
}

function issuesOf(err: z.ZodError, where: string) {
  return err.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: isMessageKey(i.message) ? text('zh-TW', i.message) : i.message,
  }));
}

async function readJson(ctx: Ctx): Promise<unknown> {
  if (!ctx.is('application/json')) throw new ApiError(415, 'unsupported_media_type', 'admin.error.json');
  if (Number(ctx.get('content-length') || 0) > JSON_LIMIT_BYTES) throw new ApiError(413, 'too_large', 'error.tooLarge');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > JSON_LIMIT_BYTES) throw new ApiError(413, 'too_large', 'error.tooLarge');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new ApiError(400, 'invalid_request', 'admin.error.badJson');
  }
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'invalid_request', 'admin.error.invalid', { issues: issuesOf(r.error, where) });
  return r.data;
}

/** Every answer of the API is JSON (or a file), never cached, and every refusal has the one error shape. */
export async function apiErrors(ctx: Ctx, next: Next) {
  ctx.set('Cache-Control', 'no-store');
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw new ApiError(404, 'not_found', 'admin.error.noRoute');
  } catch (err) {
    if (err instanceof ApiError) {
      ctx.status = err.status;
      ctx.body = errorBody(err.code, err.key, err.params, err.issues);
      if (err.status === 401) ctx.set('WWW-Authenticate', 'Bearer realm="edusso-admin"');
    } else if (err instanceof AdminForbidden) {
      ctx.status = 403;
      ctx.body = errorBody('forbidden', 'admin.error.forbidden');
    } else if (err instanceof AdminRefusal) {
      // A service's refusal of the input (400), the thing (404) or its state (409).
      ctx.status = err.status;
      ctx.body = errorBody(REFUSAL_CODE[err.kind], err.key, err.params, err.field ? [{ path: `body.${err.field}`, message: text('zh-TW', err.key, err.params) }] : undefined);
    } else throw err;
  }
}

/** The operations of every area, on one router under /admin/api/v1, and listed for the OpenAPI document. */
export function adminApi(auth: AdminAuth) {
  const operations: AnyOperation[] = [];
  const router = new Router<AppState>({ prefix: API_PREFIX });

  function add<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
    operations.push(op);
    const koaPath = op.path.replace(/\{(\w+)\}/g, ':$1');
    router[op.method](koaPath, async (ctx: Ctx) => {
      const principal = await auth.apiPrincipal(ctx);
      const req = { ip: ctx.ip, userAgent: ctx.get('user-agent') || null };
      if (op.capability && !reachesAnything(reachOf(principal, op.capability))) {
        await auth.access.refuse(principal, op.capability, { kind: 'everything' }, req);
      }
      const params = parse(op.params, ctx.params, 'params');
      const query = parse(op.query, ctx.query, 'query');
      const body = (op.body ? parse(op.body, await readJson(ctx), 'body') : undefined) as z.output<B>;
      const result = await op.handler({ principal, params, query, body, req, ctx });
      if (result && typeof result === 'object' && 'file' in result && op.produces) {
        const { file } = result as FileAnswer;
        ctx.type = file.type;
        ctx.attachment(file.name);
        ctx.body = file.body;
      } else {
        // The answer is what the document describes and nothing more: unknown fields are dropped.
        const described = op.response.safeParse(result ?? {});
        if (!described.success) throw new Error(`${op.operationId}: answer does not match its schema: ${described.error.message}`);
        ctx.status = op.status ?? 200;
        ctx.body = described.data;
      }
    });
  }

  return { add, router, operations };
}
export type AdminApi = ReturnType<typeof adminApi>;
