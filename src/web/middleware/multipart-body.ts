import busboy from 'busboy';
import { constantTimeEqual } from '../../security/tokens.ts';
import type { Ctx } from '../context.ts';
import { HttpError } from './errors.ts';

export const MULTIPART_LIMIT_BYTES = 5 * 1024 * 1024;
const FIELD_LIMIT_CHARS = 2000;

export interface UploadedFile {
  field: string;
  filename: string;
  type: string;
  data: Buffer;
}
export interface MultipartForm {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/**
 * Reads a multipart/form-data post (a form with a file input): its fields and at most one file, up to
 * `limit` bytes in all; refuses another type (415), anything larger (413), a repeated field or a second file (400).
 * The CSRF token travels as the `_csrf` field and is checked here.
 */
export async function readMultipart(ctx: Ctx, limit = MULTIPART_LIMIT_BYTES): Promise<MultipartForm> {
  if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'error.badForm');
  if (Number(ctx.get('content-length') || 0) > limit + 64 * 1024) throw new HttpError(413, 'error.tooLarge');
  const form = await new Promise<MultipartForm>((resolve, reject) => {
    const fields: Record<string, string> = Object.create(null);
    const files: UploadedFile[] = [];
    let failed: HttpError | undefined;
    const fail = (e: HttpError) => {
      failed ??= e;
      ctx.req.unpipe(parser);
      ctx.req.resume();
      reject(failed);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: ctx.req.headers, limits: { fileSize: limit, files: 1, fields: 20, fieldSize: FIELD_LIMIT_CHARS, parts: 21 } });
    } catch {
      throw new HttpError(400, 'error.badForm');
    }
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new HttpError(413, 'error.tooLarge'));
      if (name in fields) return fail(new HttpError(400, 'error.badForm'));
      fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(new HttpError(413, 'error.tooLarge')));
      stream.on('end', () => {
        if (!failed) files.push({ field, filename: info.filename ?? '', type: info.mimeType, data: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => fail(new HttpError(400, 'error.badForm')));
    parser.on('fieldsLimit', () => fail(new HttpError(400, 'error.badForm')));
    parser.on('partsLimit', () => fail(new HttpError(400, 'error.badForm')));
    parser.on('error', () => fail(new HttpError(400, 'error.badForm')));
    parser.on('close', () => (failed ? reject(failed) : resolve({ fields, files })));
    ctx.req.pipe(parser);
  });
  if (!form.fields._csrf || !constantTimeEqual(form.fields._csrf, ctx.state.csrf)) throw new HttpError(403, 'error.csrf');
  return form;
}
