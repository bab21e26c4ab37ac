import type { ProviderView } from '../../admin/county-admin.ts';
import type { NewProvider } from '../../methods/county-providers.ts';

export const CLAIMS = ['subject', 'idNumber', 'personId', 'name', 'schoolCode', 'titles'] as const;
export const LABELS = ['login', 'forgotAccount', 'resetPassword'] as const;
export const ENDPOINTS = ['authorize', 'token', 'user', 'profile'] as const;

/** A county provider's form as posted: flat fields (`claim_idNumber`, `label_login`, `endpoint_token` …). */
export type ProviderForm = Record<string, string>;

const FIELDS = ['county', 'id', 'displayName', 'kind', 'issuer', 'clientId', 'clientSecret', 'scopes', ...CLAIMS.map((c) => `claim_${c}`), ...LABELS.map((l) => `label_${l}`), ...ENDPOINTS.map((e) => `endpoint_${e}`)];

/** Only the known fields, trimmed (the secret as typed). */
export const readProviderForm = (form: Record<string, string>): ProviderForm =>
  Object.fromEntries(FIELDS.map((f) => [f, f === 'clientSecret' ? (form[f] ?? '') : (form[f] ?? '').trim()]));

const orNone = (s: string | undefined) => (s ? s : undefined);
const group = <K extends string>(f: ProviderForm, prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, orNone(f[`${prefix}_${k}`])])) as Partial<Record<K, string>>;

/** The service's input: an empty field is "not given" (the defaults of a new provider, or the stored secret). */
export function providerInput(f: ProviderForm): NewProvider {
  return {
    id: orNone(f.id),
    county: f.county ?? '',
    displayName: orNone(f.displayName),
    kind: f.kind === 'oauth2' ? 'oauth2' : 'oidc',
    issuer: f.issuer ?? '',
    clientId: f.clientId ?? '',
    clientSecret: f.clientSecret ?? '',
    scopes: orNone(f.scopes),
    claims: group(f, 'claim', CLAIMS),
    labels: group(f, 'label', LABELS),
    endpoints: group(f, 'endpoint', ENDPOINTS),
  };
}

/** The form of a stored provider (never its secret). */
export function formOfProvider(p: ProviderView): ProviderForm {
  const f: ProviderForm = { county: p.countyCode, id: p.id, displayName: p.displayName, kind: p.kind, issuer: p.issuer, clientId: p.clientId, clientSecret: '', scopes: p.scopes };
  for (const c of CLAIMS) f[`claim_${c}`] = p.claims[c] ?? '';
  for (const l of LABELS) f[`label_${l}`] = p.labels[l] ?? '';
  for (const e of ENDPOINTS) f[`endpoint_${e}`] = p.endpoints[e] ?? '';
  return f;
}

export type CountyNotice = 'saved' | 'removed' | 'added';
