import { z } from 'zod';
import type { UploadRow } from '../../storage/ports.ts';
import { text } from '../../i18n/translate.ts';

export const uploadSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['schools', 'people']),
    createdAt: z.string().meta({ format: 'date-time' }),
    expiresAt: z.string().meta({ format: 'date-time', description: 'a preview not committed by then must be uploaded again' }),
    committedAt: z.string().nullable().meta({ format: 'date-time' }),
    counts: z.object({
      rows: z.number().int().meta({ description: 'data rows in the file' }),
      records: z.number().int().meta({ description: 'valid records after merging a person’s rows' }),
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int(),
    }),
    written: z.object({ inserted: z.number().int(), updated: z.number().int() }).optional().meta({ description: 'what the commit wrote (its answer only)' }),
    errors: z.array(
      z.object({
        line: z.number().int(),
        field: z.string(),
        key: z.string().meta({ description: 'message key' }),
        message: z.string().meta({ description: 'zh-TW' }),
        message_en: z.string(),
      }),
    ),
  })
  .meta({ id: 'Upload', description: 'A preview of an uploaded file; with errors it cannot be committed' });

export const uploadAnswer = (u: UploadRow & { written?: { inserted: number; updated: number } }): z.input<typeof uploadSchema> => ({
  written: u.written,
  id: u.id,
  kind: u.kind,
  createdAt: u.createdAt.toISOString(),
  expiresAt: u.expiresAt.toISOString(),
  committedAt: u.committedAt?.toISOString() ?? null,
  counts: u.counts,
  errors: u.errors.map((e) => ({ line: e.line, field: e.field, key: e.key, message: text('zh-TW', e.key), message_en: text('en', e.key) })),
});

export const schoolSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.string(),
    countyCode: z.string(),
    countyName: z.string(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    ownership: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'School' });
