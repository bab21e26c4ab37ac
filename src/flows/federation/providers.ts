import { z } from 'zod';
import type { SealedBox } from '../../security/sealed-box.ts';
import { one, type Queryable } from '../../storage/db.ts';

/** Which claim (or user API field) carries each fact about the person. */
export interface ClaimMapping {
  subject: string;
  idNumber?: string;
  personId?: string;
  name: string;
  schoolCode?: string;
  titles?: string;
}

export interface CountyLabels {
  login: string;
  forgotAccount: string;
  resetPassword: string;
}

export interface CountyProvider {
  id: string;
  countyCode: string;
  countyName: string;
  displayName: string;
  kind: 'oidc' | 'oauth2';
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  claims: ClaimMapping;
  labels: CountyLabels;
  endpoints: { authorize?: string; token?: string; user?: string; profile?: string };
  hasIcon: boolean;
}

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

export const newProviderSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'must be 2–31 lowercase letters, digits or dashes'),
    county: z.string().min(2),
    displayName: z.string().min(1).max(50).optional(),
    kind: z.enum(['oidc', 'oauth2']).default('oidc'),
    issuer: z.url('must be an absolute URL'),
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
    labels: z.object({ login: z.string().optional(), forgotAccount: z.string().optional(), resetPassword: z.string().optional() }).default({}),
    endpoints: z.object({ authorize: z.url().optional(), token: z.url().optional(), user: z.url().optional(), profile: z.url().optional() }).default({}),
  })
  .refine((p) => p.kind === 'oidc' || (p.endpoints.authorize && p.endpoints.token && p.endpoints.user), {
    message: 'an oauth2 provider needs --authorize-url, --token-url and --user-url',
    path: ['endpoints'],
  });
export type NewProvider = z.input<typeof newProviderSchema>;

export function countyProviders(q: Queryable, box: SealedBox) {
  const toProvider = (r: Record<string, any>): CountyProvider => ({
    id: r.id,
    countyCode: r.county_code,
    countyName: r.county_name,
    displayName: r.display_name,
    kind: r.kind,
    issuer: r.issuer,
    clientId: r.client_id,
    clientSecret: box.open(r.client_secret_sealed),
    scopes: r.scopes,
    claims: r.claims,
    labels: { ...defaultLabels, ...r.labels },
    endpoints: r.endpoints,
    hasIcon: r.has_icon,
  });
  const select = `SELECT p.id, p.county_code, p.display_name, p.kind, p.issuer, p.client_id, p.client_secret_sealed, p.scopes, p.claims,
      p.labels, p.endpoints, p.icon IS NOT NULL AS has_icon, c.name AS county_name
    FROM county_providers p JOIN counties c ON c.code = p.county_code`;
  return {
    async add(input: NewProvider): Promise<CountyProvider> {
      const p = newProviderSchema.parse(input);
      const county = await one<{ code: string; name: string }>(q, `SELECT code, name FROM counties WHERE name = $1 OR code = $1`, [p.county.replace(/台/g, '臺')]);
      if (!county) throw new z.ZodError([{ code: 'custom', path: ['county'], message: `unknown county "${p.county}"`, input: p.county }]);
      const claims: ClaimMapping = {
        subject: p.claims.subject ?? (p.kind === 'oauth2' ? 'uuid' : 'sub'),
        name: p.claims.name ?? 'name',
        ...(p.claims.idNumber ? { idNumber: p.claims.idNumber } : {}),
        ...(p.claims.personId ? { personId: p.claims.personId } : {}),
        ...(p.claims.schoolCode ? { schoolCode: p.claims.schoolCode } : {}),
        ...(p.claims.titles ? { titles: p.claims.titles } : {}),
      };
      const scopes = p.scopes ?? (p.kind === 'oidc' ? 'openid profile' : 'user profile');
      await q.query(
        `INSERT INTO county_providers (id, county_code, display_name, kind, issuer, client_id, client_secret_sealed, scopes, claims, labels, endpoints)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [p.id, county.code, p.displayName ?? county.name, p.kind, p.issuer.replace(/\/$/, ''), p.clientId, box.seal(p.clientSecret), scopes, JSON.stringify(claims), JSON.stringify(p.labels), JSON.stringify(p.endpoints)],
      );
      return (await this.get(p.id))!;
    },
    async get(id: string): Promise<CountyProvider | undefined> {
      const row = await one<Record<string, any>>(q, `${select} WHERE p.id = $1`, [id]);
      return row && toProvider(row);
    },
    async list(): Promise<CountyProvider[]> {
      return (await q.query<Record<string, any>>(`${select} ORDER BY p.county_code, p.id`)).map(toProvider);
    },
    async setIcon(id: string, bytes: Buffer): Promise<void> {
      const type = iconType(bytes);
      if (!type || bytes.length > ICON_MAX_BYTES) throw new z.ZodError([{ code: 'custom', path: ['icon'], message: `must be a PNG or SVG file of at most ${ICON_MAX_BYTES / 1024} KiB`, input: undefined }]);
      await q.query(`UPDATE county_providers SET icon = $2, icon_type = $3 WHERE id = $1`, [id, bytes, type]);
    },
    async icon(id: string): Promise<{ bytes: Buffer; type: string } | undefined> {
      const row = await one<{ icon: Uint8Array | null; icon_type: string }>(q, `SELECT icon, icon_type FROM county_providers WHERE id = $1`, [id]);
      return row?.icon ? { bytes: Buffer.from(row.icon), type: row.icon_type } : undefined;
    },
    async remove(id: string): Promise<boolean> {
      return (await q.query(`DELETE FROM county_providers WHERE id = $1 RETURNING id`, [id])).length > 0;
    },
  };
}
export type CountyProviders = ReturnType<typeof countyProviders>;
