import type { Next } from 'koa';
import { z } from 'zod';
import type { Ctx } from '../../web/context.ts';
import { readForm } from '../../web/middleware/form-body.ts';

/** Field → message key (with parameters) shown beside that field. */
export type FieldErrors = Record<string, { key: string; params?: Record<string, string | number> }>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A form field: text, '' when absent, cut to max characters. */
export const text = (max = 200) => z.string().default('').transform((s) => s.slice(0, max));

/**
 * Parses the posted form with a zod schema into typed input, or into field errors whose texts are
 * the schema's messages (message keys). The CSRF check is separate (requireCsrf runs first).
 */
export async function parseForm<S extends z.ZodType>(ctx: Ctx, schema: S): Promise<Parsed<z.output<S>>> {
  const form = await readForm(ctx);
  const r = schema.safeParse(form);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) errors[String(issue.path[0] ?? 'form')] ??= { key: issue.message };
  return { ok: false, errors };
}

/** The middleware form of parseForm: the handler gets the typed input or the field errors. */
export function withForm<S extends z.ZodType>(schema: S, handler: (ctx: Ctx, input: Parsed<z.output<S>>) => unknown) {
  return async (ctx: Ctx, _next: Next) => {
    await handler(ctx, await parseForm(ctx, schema));
  };
}
