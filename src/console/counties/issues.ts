import { z } from 'zod';
import { ProviderExists } from '../../admin/county-admin.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { text } from '../../i18n/translate.ts';
import { ApiError, conflict } from '../kit/errors.ts';
import type { FieldIssue } from '../apps/issues.ts';

const KEYS: Record<string, MessageKey> = {
  id: 'admin.counties.error.id',
  county: 'admin.counties.error.county',
  displayName: 'admin.counties.error.text',
  labels: 'admin.counties.error.text',
  issuer: 'admin.apps.error.url',
  endpoints: 'admin.counties.error.endpoints',
  clientId: 'admin.counties.error.required',
  clientSecret: 'admin.counties.error.required',
  icon: 'admin.counties.error.icon',
};
const FORM_PREFIX: Record<string, string> = { claims: 'claim', labels: 'label', endpoints: 'endpoint' };

/** The form field of a schema path: `labels.login` is the field `label_login`. */
const fieldOf = (path: PropertyKey[]) => {
  const [head, sub] = path.map(String);
  return sub && FORM_PREFIX[head!] ? `${FORM_PREFIX[head!]}_${sub}` : (head ?? 'form');
};

/** A county provider's refused input (src/methods/county-providers.ts checks it) as fields and translated reasons. */
export function providerIssues(err: unknown): (FieldIssue & { path: string })[] {
  if (!(err instanceof z.ZodError)) throw err;
  const all = err.issues.map((i) => ({ field: fieldOf(i.path), path: i.path.map(String).join('.'), key: KEYS[String(i.path[0])] ?? ('admin.error.invalid' as const) }));
  // One reason a field: a URL refused by two rules is said once.
  return all.filter((i, n) => all.findIndex((j) => j.field === i.field) === n);
}

/** The same refusals as the API answers them. */
export function providerRefusal(err: unknown): never {
  if (err instanceof ProviderExists) throw conflict('admin.counties.error.exists');
  const issues = providerIssues(err).map((i) => ({ path: `body.${i.path}`, message: text('zh-TW', i.key) }));
  throw new ApiError(400, 'invalid_request', 'admin.error.invalid', { issues });
}
