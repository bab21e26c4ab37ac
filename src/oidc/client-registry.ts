import { randomUUID } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import { z } from 'zod';
import { hasUnsafeCharacters } from '../domain/safe-text.ts';
import type { ClientRecord, ClientRepo } from '../storage/ports.ts';
import { randomToken } from '../security/tokens.ts';
import { supportedScopes } from './claims.ts';
import { isHttpUrl } from '../domain/safe-url.ts';
import { isAdminScope } from '../domain/admin-scopes.ts';

const httpUrl = (message: string) => z.string().refine(isHttpUrl, message);

export const newClientSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'name is required')
      .max(100)
      .refine((s) => !hasUnsafeCharacters(s), 'name must not contain control or bidirectional-override characters'),
    redirectUris: z.array(httpUrl('each --redirect-uri must be an absolute http(s) URL')).default([]),
    postLogoutRedirectUris: z.array(httpUrl('each --post-logout-redirect-uri must be an absolute http(s) URL')).optional(),
    homeUrl: httpUrl('--home-url must be an absolute http(s) URL').optional(),
    logoUri: httpUrl('--logo-uri must be an absolute http(s) URL').optional(),
    backchannelLogoutUri: httpUrl('--backchannel-logout-uri must be an absolute http(s) URL').optional(),
    firstParty: z.boolean().default(false),
    public: z.boolean().default(false),
    service: z.boolean().default(false),
    authMethod: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
    scopes: z
      .string()
      .default(supportedScopes.join(' '))
      .refine((s) => s.split(/\s+/).filter(Boolean).every((x) => supportedScopes.includes(x) || isAdminScope(x)), {
        message: `scopes must be among: ${supportedScopes.join(' ')} (and admin:… for a service client)`,
      }),
    /** A service client with admin scopes may be bounded to one county (its code). */
    adminCounty: z.string().regex(/^\d{5,8}$/, 'the county bound is a county code').optional(),
    clientId: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/).optional(),
  })
  .refine((c) => c.service || c.redirectUris.length > 0, { message: 'at least one --redirect-uri is required', path: ['redirectUris'] })
  .refine((c) => !(c.service && c.public), { message: 'a service client cannot be public', path: ['public'] })
  .refine((c) => c.service || !c.scopes.split(/\s+/).some(isAdminScope), { message: 'admin scopes are for service clients only (--service)', path: ['scopes'] })
  .refine((c) => !c.adminCounty || c.service, { message: 'a county bound is for service clients only', path: ['adminCounty'] });
export type NewClient = z.input<typeof newClientSchema>;

type ParsedClient = z.output<typeof newClientSchema>;

/** The provider's metadata of a parsed registration, with its secret (none for a public client). */
function metadataOf(c: ParsedClient, clientId: string, clientSecret: string | undefined): ClientMetadata {
  return {
    client_id: clientId,
    client_name: c.name,
    scope: c.scopes.split(/\s+/).filter(Boolean).join(' '),
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    token_endpoint_auth_method: c.public ? 'none' : c.authMethod,
    ...(c.logoUri && { logo_uri: c.logoUri }),
    ...(c.adminCounty && { admin_county: c.adminCounty }),
    ...(c.backchannelLogoutUri && { backchannel_logout_uri: c.backchannelLogoutUri, backchannel_logout_session_required: true }),
    ...(c.service
      ? { grant_types: ['client_credentials'], response_types: [], redirect_uris: [] }
      : {
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: c.redirectUris,
          post_logout_redirect_uris: c.postLogoutRedirectUris ?? c.redirectUris.map((u) => new URL(u).origin + '/'),
        }),
  };
}

const homeUrlOf = (c: ParsedClient) => (c.service ? null : (c.homeUrl ?? new URL(c.redirectUris[0]!).origin + '/'));

/** Registers a connected application; the secret is returned once and stored only inside the metadata row. */
export async function addClient(
  repo: ClientRepo,
  input: NewClient,
  validate: (metadata: ClientMetadata) => Promise<unknown>,
): Promise<{ clientId: string; clientSecret?: string; metadata: ClientMetadata }> {
  const c = newClientSchema.parse(input);
  const clientId = c.clientId ?? randomUUID();
  const clientSecret = c.public ? undefined : randomToken(32);
  const metadata = metadataOf(c, clientId, clientSecret);
  await validate(metadata);
  await repo.insert({ clientId, name: c.name, firstParty: c.firstParty, homeUrl: homeUrlOf(c), metadata: { ...metadata } });
  return { clientId, clientSecret, metadata };
}

/** What `edusso client update` and the console may change; the kind (web, public, service) and the id stay. */
export type ClientChanges = Partial<Pick<NewClient, 'name' | 'redirectUris' | 'postLogoutRedirectUris' | 'firstParty' | 'scopes'>> & {
  homeUrl?: string | null;
  logoUri?: string | null;
  backchannelLogoutUri?: string | null;
  adminCounty?: string | null;
};

/** A stored client as the registration input it came from. */
export function registrationOf(r: ClientRecord): ParsedClient {
  const m = r.metadata as ClientMetadata & { admin_county?: string };
  const service = (m.grant_types ?? []).includes('client_credentials');
  return {
    name: r.name,
    redirectUris: [...(m.redirect_uris ?? [])],
    postLogoutRedirectUris: service || !m.post_logout_redirect_uris ? undefined : [...m.post_logout_redirect_uris],
    homeUrl: r.homeUrl ?? undefined,
    logoUri: m.logo_uri,
    backchannelLogoutUri: m.backchannel_logout_uri,
    firstParty: r.firstParty,
    public: m.token_endpoint_auth_method === 'none',
    service,
    authMethod: m.token_endpoint_auth_method === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
    scopes: String(m.scope ?? ''),
    adminCounty: m.admin_county,
  };
}

/**
 * Changes a registered client with the same checks as a registration (the schema, then the provider's
 * own metadata check); the secret and the disabled state are kept. Undefined: no such client.
 */
export async function updateClient(
  repo: ClientRepo,
  clientId: string,
  changes: ClientChanges,
  validate: (metadata: ClientMetadata) => Promise<unknown>,
): Promise<ClientRecord | undefined> {
  const current = await repo.find(clientId);
  if (!current) return undefined;
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v ?? undefined]));
  const c = newClientSchema.parse({ ...registrationOf(current), ...given });
  const secret = typeof current.metadata.client_secret === 'string' ? current.metadata.client_secret : undefined;
  const metadata = metadataOf(c, clientId, secret);
  await validate(metadata);
  const kept = Object.fromEntries(Object.entries(current.metadata).filter(([k]) => k === 'disabled' || k === 'disabled_at'));
  const record = { clientId, name: c.name, firstParty: c.firstParty, homeUrl: homeUrlOf(c), metadata: { ...metadata, ...kept } };
  if (!(await repo.update(record))) return undefined;
  return { ...record, createdAt: current.createdAt };
}
