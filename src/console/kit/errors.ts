import { z } from 'zod';

/** The body of every refusal of the administration API: a machine-readable code and a zh-TW message. */
export const apiErrorSchema = z
  .object({
    error: z.string().meta({ description: 'machine-readable code: invalid_request, unauthorized, forbidden, not_found, conflict, unsupported_media_type, too_large, csrf' }),
    message: z.string().meta({ description: 'zh-TW, for a person' }),
    message_en: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export type ApiErrorCode = 'invalid_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unsupported_media_type' | 'too_large' | 'csrf';

/** A refusal a handler throws: the status, the code and a catalog key for the message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly key: string;
  readonly params?: Record<string, string | number>;
  readonly issues?: { path: string; message: string }[];
  constructor(status: number, code: ApiErrorCode, key: string, opts: { params?: Record<string, string | number>; issues?: { path: string; message: string }[] } = {}) {
    super(`${code}: ${key}`);
    this.status = status;
    this.code = code;
    this.key = key;
    this.params = opts.params;
    this.issues = opts.issues;
  }
}

export const notFound = (key = 'admin.error.notFound') => new ApiError(404, 'not_found', key);
export const conflict = (key: string, params?: Record<string, string | number>) => new ApiError(409, 'conflict', key, { params });
