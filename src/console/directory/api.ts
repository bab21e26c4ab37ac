import { z } from 'zod';
import type { ConsoleDeps } from '../deps.ts';
import type { AdminApi } from '../kit/api.ts';
import { schoolSchema, uploadAnswer, uploadSchema } from './schemas.ts';

const uploadId = z.object({ id: z.string().max(64) });

/** The API of uploads (preview, commit) and of the school directory. */
export function directoryApi(d: ConsoleDeps, api: AdminApi) {
  api.add({
    method: 'post',
    path: '/uploads',
    operationId: 'previewUpload',
    summary: 'Upload a school list (admin:directory) or source data (admin:people) as CSV text: every row is checked and a preview kept for an hour; nothing is written yet. Rows outside the caller’s county or school are row errors (and audited as refusals).',
    tag: 'uploads',
    capability: null,
    body: z.object({ kind: z.enum(['schools', 'people']), csv: z.string().min(1).max(4_000_000) }),
    response: uploadSchema,
    status: 201,
    errors: [413],
    handler: ({ principal, body, req }) => d.s.uploads.preview(principal, body, req).then(uploadAnswer),
  });
  api.add({
    method: 'get',
    path: '/uploads/{id}',
    operationId: 'getUpload',
    summary: 'A preview the caller uploaded: its counts and row errors',
    tag: 'uploads',
    capability: null,
    params: uploadId,
    response: uploadSchema,
    errors: [404],
    handler: ({ principal, params }) => d.s.uploads.get(principal, params.id).then(uploadAnswer),
  });
  api.add({
    method: 'post',
    path: '/uploads/{id}/commit',
    operationId: 'commitUpload',
    summary: 'Writes a preview without errors in one transaction, once, by the caller who uploaded it; reach is checked again',
    tag: 'uploads',
    capability: null,
    params: uploadId,
    response: uploadSchema,
    errors: [404, 409],
    handler: ({ principal, params, req }) => d.s.uploads.commit(principal, params.id, req).then(uploadAnswer),
  });

  api.add({
    method: 'get',
    path: '/schools',
    operationId: 'listSchools',
    summary: 'Schools by code prefix or name, within the counties the caller reaches',
    tag: 'directory',
    capability: 'admin:directory',
    query: z.object({ q: z.string().max(50).optional(), county: z.string().regex(/^\d{8}$/).optional(), page: z.coerce.number().int().min(1).max(10_000).optional() }),
    response: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), schools: z.array(schoolSchema) }).meta({ id: 'SchoolPage' }),
    handler: ({ principal, query, req }) => d.s.schoolDirectory.search(principal, query, req),
  });
  api.add({
    method: 'get',
    path: '/schools/{code}',
    operationId: 'getSchool',
    summary: 'One school of the directory',
    tag: 'directory',
    capability: 'admin:directory',
    params: z.object({ code: z.string().max(20) }),
    response: schoolSchema,
    errors: [404],
    handler: ({ principal, params, req }) => d.s.schoolDirectory.get(principal, params.code, req),
  });
}
