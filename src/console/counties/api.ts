import { z } from 'zod';
import { providerView, type CountyAdmin } from '../../admin/county-admin.ts';
import type { AdminApi } from '../kit/api.ts';
import { notFound } from '../kit/errors.ts';
import type { ConsoleDeps } from '../deps.ts';
import { providerRefusal } from './issues.ts';

const short = z.string().max(200);
const claims = z.object({ subject: short, idNumber: short, personId: short, name: short, schoolCode: short, titles: short }).partial();
const labels = z.object({ login: short, forgotAccount: short, resetPassword: short }).partial();
const endpoints = z.object({ authorize: z.string().max(2000), token: z.string().max(2000), user: z.string().max(2000), profile: z.string().max(2000) }).partial();

export const providerSchema = z
  .object({
    id: z.string(),
    countyCode: z.string(),
    countyName: z.string(),
    displayName: z.string(),
    kind: z.enum(['oidc', 'oauth2']),
    issuer: z.string(),
    clientId: z.string(),
    scopes: z.string(),
    claims: claims.extend({ subject: short, name: short }).meta({ description: 'which claim (or user API field) carries each fact' }),
    labels: labels.meta({ description: 'the texts of the county’s buttons (defaults filled in)' }),
    endpoints: endpoints.meta({ description: 'an OAuth 2 county’s endpoints' }),
    hasIcon: z.boolean(),
  })
  .meta({ id: 'CountyProvider', description: 'its client secret is sealed at rest and never shown' });

const changes = {
  displayName: short,
  kind: z.enum(['oidc', 'oauth2']),
  issuer: z.string().max(2000),
  clientId: short,
  clientSecret: z.string().max(500).meta({ description: 'write-only; absent or empty keeps the stored one' }),
  scopes: short,
  claims,
  labels,
  endpoints,
};
const newSchema = z
  .object({ id: z.string().max(40).optional(), county: z.string().max(20).meta({ description: 'county name or code' }), ...changes })
  .partial({ displayName: true, kind: true, scopes: true, claims: true, labels: true, endpoints: true })
  .meta({ id: 'NewCountyProvider' });
const updateSchema = z.object(changes).partial().meta({ id: 'CountyProviderChanges', description: 'only the fields given change; an object given (claims, labels, endpoints) replaces the stored one' });
const idParams = z.object({ id: z.string().max(100) });

/** /county-providers: the county identity providers (admin:counties, everywhere: system administrators). */
export function countiesApi(d: ConsoleDeps, admin: CountyAdmin, api: AdminApi) {
  const tag = 'county providers';
  const allowed = (p: Parameters<typeof d.auth.access.authorize>[0], req: { ip: string; userAgent: string | null }) =>
    d.auth.access.authorize(p, 'admin:counties', { kind: 'everything' }, req);
  const shown = async (id: string) => {
    const p = await admin.get(id);
    if (!p) throw notFound();
    return providerView(p);
  };

  api.add({
    method: 'get',
    path: '/county-providers',
    operationId: 'listCountyProviders',
    summary: 'The county identity providers (never their secrets)',
    tag,
    capability: 'admin:counties',
    response: z.object({ providers: z.array(providerSchema) }),
    async handler({ principal, req }) {
      await allowed(principal, req);
      return { providers: (await admin.list()).map(providerView) };
    },
  });

  api.add({
    method: 'post',
    path: '/county-providers',
    operationId: 'addCountyProvider',
    summary: 'Adds a county identity provider (register this service’s /federation/callback at the county)',
    tag,
    capability: 'admin:counties',
    body: newSchema,
    response: providerSchema,
    status: 201,
    errors: [409],
    async handler({ principal, body, req }) {
      await allowed(principal, req);
      const p = await admin.add({ ...body, clientSecret: body.clientSecret ?? '' }, { principal, req }).catch(providerRefusal);
      return providerView(p);
    },
  });

  api.add({
    method: 'get',
    path: '/county-providers/{id}',
    operationId: 'getCountyProvider',
    summary: 'One county identity provider',
    tag,
    capability: 'admin:counties',
    params: idParams,
    response: providerSchema,
    errors: [404],
    async handler({ principal, params, req }) {
      await allowed(principal, req);
      return shown(params.id);
    },
  });

  api.add({
    method: 'put',
    path: '/county-providers/{id}',
    operationId: 'updateCountyProvider',
    summary: 'Changes the fields given with the same checks as adding; the id and the county stay',
    tag,
    capability: 'admin:counties',
    params: idParams,
    body: updateSchema,
    response: providerSchema,
    errors: [404],
    async handler({ principal, params, body, req }) {
      await allowed(principal, req);
      const p = await admin.update(params.id, body, { principal, req }).catch(providerRefusal);
      if (!p) throw notFound();
      return providerView(p);
    },
  });

  api.add({
    method: 'put',
    path: '/county-providers/{id}/icon',
    operationId: 'setCountyProviderIcon',
    summary: 'Replaces the county’s icon on the county map: a PNG or SVG file of at most 64 KiB, base64-encoded',
    tag,
    capability: 'admin:counties',
    params: idParams,
    body: z.object({ base64: z.string().max(90_000).meta({ description: 'the file, base64-encoded' }) }).meta({ id: 'CountyIcon' }),
    response: providerSchema,
    errors: [404],
    async handler({ principal, params, body, req }) {
      await allowed(principal, req);
      await shown(params.id);
      await admin.setIcon(params.id, Buffer.from(body.base64, 'base64'), { principal, req }).catch(providerRefusal);
      return shown(params.id);
    },
  });

  api.add({
    method: 'delete',
    path: '/county-providers/{id}',
    operationId: 'removeCountyProvider',
    summary: 'Removes a county identity provider and the county identities linked through it',
    tag,
    capability: 'admin:counties',
    params: idParams,
    response: z.object({ removed: z.string() }),
    errors: [404],
    async handler({ principal, params, req }) {
      await allowed(principal, req);
      if (!(await admin.remove(params.id, { principal, req }))) throw notFound();
      return { removed: params.id };
    },
  });
}
