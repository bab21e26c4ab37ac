import type { Ctx } from '../context.ts';
import { HttpError } from './errors.ts';

export const FORM_LIMIT_BYTES = 16 * 1024;
const FIELD_LIMIT_CHARS = 2000;

/** Reads an urlencoded form into ctx.state.form; refuses other types, oversized bodies and fields, repeated fields. */
export async function readForm(ctx: Ctx): Promise<Record<string, string>> {
  if (ctx.state.form) return ctx.state.form;
  if (!ctx.is('application/x-www-form-urlencoded')) throw new HttpError(415, 'error.badForm');
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > FORM_LIMIT_BYTES) throw new HttpError(413, 'error.tooLarge');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) throw new HttpError(413, 'error.tooLarge');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const form: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    if (key in form) throw new HttpError(400, 'error.badForm');
    if (value.length > FIELD_LIMIT_CHARS) throw new HttpError(413, 'error.tooLarge');
    form[key] = value;
  }
  ctx.state.form = form;
  return form;
}
