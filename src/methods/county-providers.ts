import { z } from 'zod';
import { hasUnsafeCharacters } from '../domain/safe-text.ts';
import { isHttpUrl } from '../domain/safe-url.ts';
import type { SealedBox } from '../security/sealed-box.ts';
import type { ClaimMapping, CountyLabels, CountyProviderRepo, CountyProviderRow, DirectoryRepo } from '../storage/ports.ts';

export type { ClaimMapping, CountyLabels };

/** A county as the flows use it: the secret opened, the labels filled in with the defaults. */
export type CountyProvider = Omit<CountyProviderRow, 'clientSecretSealed' | 'labels'> & { clientSecret: string; labels: CountyLabels };

export const ICON_MAX_BYTES = 64 * 1024;

/** PNG by its signature, SVG by its root element; anything else is refused. */
export function iconType(bytes: Buffer): 'image/png' | 'image/svg+xml' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  const head = bytes.subarray(0, 512).toString('utf8');
  return /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(head) ? 'image/svg+xml' : undefined;
}

export const defaultLabels: CountyLabels = {
  login: '教育人員登入',
  forgotAccount: '使用 SSO 單一認證帳號取得',
  resetPassword: '使用 SSO 單一認證帳號重設密碼',
};

const label = z.string().refine((s) => !hasUnsafeCharacters(s), 'must not contain control or bidirectional-override characters');
const httpUrl = (message = 'must be an http(s) URL') => z.url(message).refine(isHttpUrl, message);

export const newProviderSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'must be 2–31 lowercase letters, digits or dashes').optional(),
    county: z.string().min(2),
    displayName: label.pipe(z.string().min(1).max(50)).optional(),
    kind: z.enum(['oidc', 'oauth2']).default('oidc'),
    issuer: httpUrl('must be an absolute http(s) URL'),
    clientId: z.string().min(1, 'is required').max(200),
    clientSecret: z.string().min(1, 'is required').max(500),
    scopes: z.string().optional(),
    claims: z
      .object({
        subject: z.string().optional(),
        idNumber: z.string().optional(),
        personId: z.string().optional(),
        name: z.string().optional(),
        schoolCode: z.string().optional(),
        titles: z.string().optional(),
      })
      .default({}),
    labels: z.object({ login: label.optional(), forgotAccount: label.optional(), resetPassword: label.optional() }).default({}),
    endpoints: z.object({ authorize: httpUrl().optional(), token: httpUrl().optional(), user: httpUrl().optional(), profile: httpUrl().optional() }).default({}),
  })
  .refine((p) => p.kind === 'oidc' || (p.endpoints.authorize && p.endpoints.token && p.endpoints.user), {
    message: 'an oauth2 provider needs --authorize-url, --token-url and --user-url',
    path: ['endpoints'],
  });
export type NewProvider = z.input<typeof newProviderSchema>;

/** What an update may change: everything but the id and the county; an absent or empty secret keeps the old one. */
export type ProviderChanges = Partial<Omit<NewProvider, 'id' | 'county'>>;

/** A stored provider as the input that would add it again. */
function inputOf(p: CountyProvider, row: CountyProviderRow): NewProvider {
  return { id: p.id, county: p.countyName, displayName: p.displayName, kind: p.kind, issuer: p.issuer, clientId: p.clientId, clientSecret: p.clientSecret, scopes: p.scopes, claims: p.claims, labels: row.labels, endpoints: p.endpoints };
}

/** The stored row of checked input, with the defaults of a new provider filled in and the secret sealed. */
function rowOf(p: z.output<typeof newProviderSchema>, id: string, county: { code: string; name: string }, box: SealedBox) {
  const claims: ClaimMapping = {
    subject: p.claims.subject || (p.kind === 'oauth2' ? 'uuid' : 'sub'),
    name: p.claims.name || 'name',
    ...(p.claims.idNumber ? { idNumber: p.claims.idNumber } : {}),
    ...(p.claims.personId ? { personId: p.claims.personId } : {}),
    ...(p.claims.schoolCode ? { schoolCode: p.claims.schoolCode } : {}),
    ...(p.claims.titles ? { titles: p.claims.titles } : {}),
  };
  return {
    id,
    countyCode: county.code,
    displayName: p.displayName || county.name,
    kind: p.kind,
    issuer: p.issuer.replace(/\/$/, ''),
    clientId: p.clientId,
    clientSecretSealed: box.seal(p.clientSecret),
    scopes: p.scopes || (p.kind === 'oidc' ? 'openid profile' : 'user profile'),
    claims,
    labels: Object.fromEntries(Object.entries(p.labels).filter(([, v]) => v)),
    endpoints: Object.fromEntries(Object.entries(p.endpoints).filter(([, v]) => v)),
  };
}

/** The counties whose accounts sign people in here (`edusso county …`): secrets sealed at rest. */
export function countyProviders(repo: CountyProviderRepo, directory: DirectoryRepo, box: SealedBox) {
  const toProvider = (r: CountyProviderRow): CountyProvider => {
    const { clientSecretSealed, ...rest } = r;
    return { ...rest, clientSecret: box.open(clientSecretSealed), labels: { ...defaultLabels, ...r.labels } };
  };
  return {
    async add(input: NewProvider, icon?: Buffer): Promise<CountyProvider> {
      const p = newProviderSchema.parse(input);
      const county = await directory.findCounty(p.county);
      if (!county) throw new z.ZodError([{ code: 'custom', path: ['county'], message: `unknown county "${p.county}"`, input: p.county }]);
      const type = icon && checkIcon(icon);
      const id = p.id ?? `county-${county.code}`;
      await repo.insert(rowOf(p, id, county, box));
      if (icon && type) await repo.setIcon(id, icon, type);
      return (await this.get(id))!;
    },
    /**
     * Changes a provider with the same checks as `add`; what is not given stays (the secret too). The id
     * and the county stay. Undefined: no such provider.
     */
    async update(id: string, changes: ProviderChanges): Promise<CountyProvider | undefined> {
      const row = await repo.get(id);
      if (!row) return undefined;
      const current = toProvider(row);
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== ''));
      const p = newProviderSchema.parse({ ...inputOf(current, row), ...given, id, county: current.countyName });
      if (!(await repo.update(rowOf(p, id, { code: current.countyCode, name: current.countyName }, box)))) return undefined;
      return this.get(id);
    },
    async get(id: string): Promise<CountyProvider | undefined> {
      const row = await repo.get(id);
      return row && toProvider(row);
    },
    async list(): Promise<CountyProvider[]> {
      return (await repo.list()).map(toProvider);
    },
    async setIcon(id: string, bytes: Buffer): Promise<void> {
      await repo.setIcon(id, bytes, checkIcon(bytes));
    },
    icon: (id: string) => repo.icon(id),
    remove: (id: string) => repo.remove(id),
  };
}
export type CountyProviders = ReturnType<typeof countyProviders>;

function checkIcon(bytes: Buffer) {
  const type = iconType(bytes);
  if (!type || bytes.length > ICON_MAX_BYTES) throw new z.ZodError([{ code: 'custom', path: ['icon'], message: `must be a PNG or SVG file of at most ${ICON_MAX_BYTES / 1024} KiB`, input: undefined }]);
  return type;
}
