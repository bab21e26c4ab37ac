import { z } from 'zod';
import { newRecordSchema, recordChangeSchema } from '../../admin/source-records.ts';
import type { ConsoleDeps } from '../deps.ts';
import type { AdminApi } from '../kit/api.ts';

const classSchema = z.object({ year: z.string(), semester: z.string(), grade: z.string(), classno: z.string(), classtitle: z.string() });
const recordSchema = z
  .object({
    id: z.string().meta({ description: 'stable id of the record: its identity and the keyed hash of the identity number' }),
    name: z.string(),
    idMasked: z.string().meta({ description: 'the identity number, masked' }),
    identity: z.enum(['教師', '職員', '學生']),
    titles: z.array(z.string()),
    classes: z.array(classSchema),
  })
  .meta({ id: 'SourceRecord' });
const school = z.object({ code: z.string().max(20) });
const oneRecord = z.object({ code: z.string().max(20), id: z.string().max(100) });

/** The API of a school's source records; every read and change audited. */
export function peopleApi(d: ConsoleDeps, api: AdminApi) {
  const records = d.s.sourceRecords;
  api.add({
    method: 'get',
    path: '/schools/{code}/people',
    operationId: 'listSchoolPeople',
    summary: 'A school’s source records (staff and students), 50 a page, identity numbers masked; audited',
    tag: 'people',
    capability: 'admin:people',
    params: school,
    query: z.object({ page: z.coerce.number().int().min(1).max(100_000).optional() }),
    response: z
      .object({ school: z.object({ code: z.string(), name: z.string() }), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), records: z.array(recordSchema) })
      .meta({ id: 'SourceRecordPage' }),
    errors: [404],
    handler: ({ principal, params, query, req }) => records.list(principal, params.code, query.page ?? 1, req),
  });
  api.add({
    method: 'post',
    path: '/schools/{code}/people',
    operationId: 'addSchoolPerson',
    summary: 'Adds one source record to the school',
    tag: 'people',
    capability: 'admin:people',
    params: school,
    body: newRecordSchema,
    response: recordSchema,
    status: 201,
    errors: [404, 409],
    handler: ({ principal, params, body, req }) => records.add(principal, params.code, body, req),
  });
  api.add({
    method: 'get',
    path: '/schools/{code}/people/{id}',
    operationId: 'getSchoolPerson',
    summary: 'One source record; audited',
    tag: 'people',
    capability: 'admin:people',
    params: oneRecord,
    response: recordSchema,
    errors: [404],
    handler: ({ principal, params, req }) => records.get(principal, params.code, params.id, req),
  });
  api.add({
    method: 'put',
    path: '/schools/{code}/people/{id}',
    operationId: 'correctSchoolPerson',
    summary: 'Corrects a record’s name, identity, titles or classes (a new identity gives the record a new id)',
    tag: 'people',
    capability: 'admin:people',
    params: oneRecord,
    body: recordChangeSchema,
    response: recordSchema,
    errors: [404, 409],
    handler: ({ principal, params, body, req }) => records.correct(principal, params.code, params.id, body, req),
  });
  api.add({
    method: 'delete',
    path: '/schools/{code}/people/{id}',
    operationId: 'removeSchoolPerson',
    summary: 'Removes one source record',
    tag: 'people',
    capability: 'admin:people',
    params: oneRecord,
    response: z.object({ removed: z.literal(true) }),
    errors: [404],
    handler: async ({ principal, params, req }) => {
      await records.remove(principal, params.code, params.id, req);
      return { removed: true as const };
    },
  });
}
