import { z } from 'zod';
import type { ClientAdmin } from '../../admin/clients.ts';
import { clientView } from '../../admin/clients.ts';
import type { AdminApi } from '../kit/api.ts';
import { notFound } from '../kit/errors.ts';
import type { ConsoleDeps } from '../deps.ts';
import { apiRefusal } from './issues.ts';
import { resolveCounty } from './county-bound.ts';

const EVERYTHING = { kind: 'everything' } as const;

export const clientSchema = z
  .object({
    clientId: z.string(),
    name: z.string(),
    kind: z.enum(['web', 'public', 'service']).meta({ description: 'web: signs people in with a secret; public: PKCE, no secret; service: client credentials only' }),
    firstParty: z.boolean(),
    homeUrl: z.string().nullable(),
    logoUri: z.string().nullable(),
    redirectUris: z.array(z.string()),
    postLogoutRedirectUris: z.array(z.string()),
    backchannelLogoutUri: z.string().nullable(),
    scopes: z.array(z.string()),
    adminCounty: z.string().nullable().meta({ description: 'a service client with admin scopes bounded to this county (code)' }),
    authMethod: z.string(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Client' });

const url = z.string().max(2000);
const changeFields = {
  name: z.string().max(200),
  redirectUris: z.array(url).max(20),
  postLogoutRedirectUris: z.array(url).max(20),
  homeUrl: url.nullable(),
  logoUri: url.nullable(),
  backchannelLogoutUri: url.nullable(),
  firstParty: z.boolean(),
  scopes: z.array(z.string().max(50)).max(30).meta({ description: 'the scopes it may ask for; admin:… for a service client only' }),
  adminCounty: z.string().max(20).nullable().meta({ description: 'county code or name; a service client only' }),
};

const registerSchema = z
  .object({
    ...changeFields,
    kind: z.enum(['web', 'public', 'service']).default('web'),
    authMethod: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
  })
  .partial({ redirectUris: true, postLogoutRedirectUris: true, homeUrl: true, logoUri: true, backchannelLogoutUri: true, firstParty: true, scopes: true, adminCounty: true, authMethod: true })
  .meta({ id: 'NewClient' });

const updateSchema = z.object(changeFields).partial().meta({ id: 'ClientChanges', description: 'only the fields given change; null clears an optional URL or the county bound' });

const withSecret = z.object({ client: clientSchema, clientSecret: z.string().optional().meta({ description: 'shown once; not stored anywhere it can be read back' }) }).meta({ id: 'ClientWithSecret' });
const secretSchema = z.object({ clientId: z.string(), clientSecret: z.string().meta({ description: 'shown once; the old secret stops working at once' }) }).meta({ id: 'ClientSecret' });
const idParams = z.object({ id: z.string().max(100) });

/** /clients: connected applications (admin:clients, everywhere: system administrators). */
export function appsApi(d: ConsoleDeps, admin: ClientAdmin, api: AdminApi) {
  const tag = 'applications';
  const allowed = (p: Parameters<typeof d.auth.access.authorize>[0], req: { ip: string; userAgent: string | null }) =>
    d.auth.access.authorize(p, 'admin:clients', EVERYTHING, req);
  const shown = async (id: string) => {
    const c = await admin.find(id);
    if (!c) throw notFound();
    return clientView(c);
  };

  api.add({
    method: 'get',
    path: '/clients',
    operationId: 'listClients',
    summary: 'The connected applications (never their secrets)',
    tag,
    capability: 'admin:clients',
    response: z.object({ clients: z.array(clientSchema) }),
    async handler({ principal, req }) {
      await allowed(principal, req);
      return { clients: (await admin.list()).map(clientView) };
    },
  });

  api.add({
    method: 'post',
    path: '/clients',
    operationId: 'registerClient',
    summary: 'Registers an application; its secret is in this answer only',
    tag,
    capability: 'admin:clients',
    body: registerSchema,
    response: withSecret,
    status: 201,
    async handler({ principal, body, req }) {
      await allowed(principal, req);
      const adminCounty = await resolveCounty(d.s.store.directory, body.adminCounty).catch(apiRefusal);
      const r = await admin
        .add(
          {
            name: body.name,
            service: body.kind === 'service',
            public: body.kind === 'public',
            redirectUris: body.redirectUris,
            postLogoutRedirectUris: body.postLogoutRedirectUris,
            homeUrl: body.homeUrl ?? undefined,
            logoUri: body.logoUri ?? undefined,
            backchannelLogoutUri: body.backchannelLogoutUri ?? undefined,
            firstParty: body.firstParty,
            scopes: body.scopes?.join(' '),
            authMethod: body.authMethod,
            adminCounty,
          },
          { principal, req },
        )
        .catch(apiRefusal);
      return { client: await shown(r.clientId), clientSecret: r.clientSecret };
    },
  });

  api.add({
    method: 'get',
    path: '/clients/{id}',
    operationId: 'getClient',
    summary: 'One application',
    tag,
    capability: 'admin:clients',
    params: idParams,
    response: clientSchema,
    errors: [404],
    async handler({ principal, params, req }) {
      await allowed(principal, req);
      return shown(params.id);
    },
  });

  api.add({
    method: 'put',
    path: '/clients/{id}',
    operationId: 'updateClient',
    summary: 'Changes the fields given (the others stay) with the same checks as a registration; its kind, id and secret stay',
    tag,
    capability: 'admin:clients',
    params: idParams,
    body: updateSchema,
    response: clientSchema,
    errors: [404],
    async handler({ principal, params, body, req }) {
      await allowed(principal, req);
      const adminCounty = body.adminCounty === null ? null : await resolveCounty(d.s.store.directory, body.adminCounty).catch(apiRefusal);
      const { scopes, ...rest } = body;
      await admin.update(params.id, { ...rest, adminCounty, scopes: scopes?.join(' ') }, { principal, req }).catch(apiRefusal);
      return shown(params.id);
    },
  });

  api.add({
    method: 'post',
    path: '/clients/{id}/rotate-secret',
    operationId: 'rotateClientSecret',
    summary: 'A new secret, in this answer only; the old one stops working at once',
    tag,
    capability: 'admin:clients',
    params: idParams,
    response: secretSchema,
    errors: [404, 409],
    async handler({ principal, params, req }) {
      await allowed(principal, req);
      return admin.rotateSecret(params.id, { principal, req }).catch(apiRefusal);
    },
  });

  for (const disabled of [true, false]) {
    api.add({
      method: 'post',
      path: `/clients/{id}/${disabled ? 'disable' : 'enable'}`,
      operationId: disabled ? 'disableClient' : 'enableClient',
      summary: disabled
        ? 'Disables an application: no sign-in, code exchange, refresh or client-credentials grant; its grants and tokens are revoked'
        : 'Enables a disabled application again (its revoked tokens stay revoked)',
      tag,
      capability: 'admin:clients',
      params: idParams,
      response: clientSchema,
      errors: [404],
      async handler({ principal, params, req }) {
        await allowed(principal, req);
        const r = await (disabled ? admin.disable : admin.enable)(params.id, { principal, req }).catch(apiRefusal);
        return r.client;
      },
    });
  }
}
