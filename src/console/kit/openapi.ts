import { z } from 'zod';
import { ADMIN_SCOPES } from '../../domain/admin-scopes.ts';
import { oidcRoutes } from '../../oidc/provider.ts';
import { API_PREFIX, type AnyOperation } from './api.ts';
import { apiErrorSchema } from './errors.ts';
import { WEB_SESSION_COOKIE } from '../../web/middleware/web-session.ts';

type Json = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); `io` picks the request or the answer side
 * of transforms. A schema with an id becomes a component, referenced where it is used.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output', named: Record<string, Json>): Json {
  const { $schema: _drop, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json & { $defs?: Record<string, Json> };
  const relinked = (j: unknown) => JSON.parse(JSON.stringify(j).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [id, def] of Object.entries($defs ?? {})) named[id] = relinked(def);
  return relinked(rest);
}

function parametersOf(schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query', named: Record<string, Json>) {
  if (!schema) return [];
  const json = schemaOf(schema, 'input', named) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input: nothing was changed',
  401: 'no valid token or console session (with a second factor)',
  403: 'the principal may not do this here (audited)',
  404: 'no such thing (or not within the principal’s reach)',
  409: 'conflicts with the current state',
  413: 'the body is too large',
  415: 'the body must be application/json',
};

/** The OpenAPI 3.1 document of the administration API, generated from the operations' own zod schemas. */
export function openApiDocument(operations: AnyOperation[], issuer: string) {
  const paths: Record<string, Record<string, Json>> = {};
  // Named schemas (zod `.meta({ id })`) become components.schemas, referenced where they are used.
  const named: Record<string, Json> = {};
  schemaOf(apiErrorSchema, 'output', named); // the Error component
  for (const op of operations) {
    const statuses = new Set<number>([400, 401, 403, ...(op.errors ?? [])]);
    if (op.body) statuses.add(413).add(415);
    const success = op.produces
      ? { description: 'the file', content: { [op.produces]: { schema: { type: 'string' } } } }
      : { description: 'done', content: { 'application/json': { schema: schemaOf(op.response, 'output', named) } } };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      security: op.capability ? [{ clientCredentials: [op.capability] }, { consoleSession: [] }] : [{ clientCredentials: [] }, { consoleSession: [] }],
      ...(op.capability ? { 'x-capability': op.capability } : {}),
      parameters: [...parametersOf(op.params, 'path', named), ...parametersOf(op.query, 'query', named)],
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input', named) } } } } : {}),
      responses: {
        [String(op.status ?? 200)]: success,
        ...Object.fromEntries([...statuses].sort().map((s) => [String(s), errorResponse(ERROR_DESCRIPTIONS[s] ?? 'refused')])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'edusso administration API',
      version: '1.0.0',
      description:
        'Everything the helpdesk and administration console does. Authenticate with a client-credentials access token (a service client holding admin scopes) or the console session; a change made with the session sends the page’s CSRF token in X-CSRF-Token. Refusals are JSON: {error, message (zh-TW), message_en, issues?}.',
    },
    servers: [{ url: issuer + API_PREFIX }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: named,
      securitySchemes: {
        clientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: issuer + oidcRoutes.token, scopes: { ...ADMIN_SCOPES } } } },
        consoleSession: { type: 'apiKey', in: 'cookie', name: WEB_SESSION_COOKIE, description: 'the console’s session (roles, and a second factor proven in it)' },
      },
    },
  };
}
