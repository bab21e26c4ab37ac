import { z } from 'zod';
import { ClientHasNoSecret, ClientNotFound } from '../../admin/clients.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { text } from '../../i18n/translate.ts';
import { ApiError, conflict, notFound } from '../kit/errors.ts';

/** One refused field of an application's form, with the catalog key that says why. */
export interface FieldIssue {
  field: string;
  key: MessageKey;
  params?: Record<string, string>;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  name: 'admin.apps.error.name',
  logoUri: 'admin.apps.error.url',
  homeUrl: 'admin.apps.error.url',
  backchannelLogoutUri: 'admin.apps.error.url',
  redirectUris: 'admin.apps.error.redirectUris',
  postLogoutRedirectUris: 'admin.apps.error.redirectUris',
  scopes: 'admin.apps.error.scopes',
  adminCounty: 'admin.apps.error.adminCounty',
};

/**
 * The service's refusal of an application's input, as fields and translated reasons: the registry's
 * schema (its messages are for the command line) or the OpenID provider's own metadata check.
 * Anything else is not an input problem and is rethrown.
 */
export function clientIssues(err: unknown): FieldIssue[] {
  if (err instanceof z.ZodError) {
    const all = err.issues.map((i): FieldIssue => {
      const field = String(i.path[0] ?? 'form');
      if (field === 'scopes' && i.message.startsWith('admin scopes')) return { field, key: 'admin.apps.error.adminScopes' as const };
      return { field, key: FIELD_KEYS[field] ?? ('admin.error.invalid' as const) };
    });
    // One reason a field (the first): two refused redirect URLs are said once.
    return all.filter((i, n) => all.findIndex((j) => j.field === i.field) === n);
  }
  if (err instanceof Error && 'error_description' in err) {
    return [{ field: 'form', key: 'admin.apps.error.metadata', params: { detail: String((err as { error_description: unknown }).error_description) } }];
  }
  throw err;
}

/** The same refusals as the API answers them: 400 with issues, 404, 409. */
export function apiRefusal(err: unknown): never {
  if (err instanceof ClientNotFound) throw notFound();
  if (err instanceof ClientHasNoSecret) throw conflict('admin.apps.error.publicNoSecret');
  const issues = clientIssues(err).map((i) => ({ path: `body.${i.field}`, message: text('zh-TW', i.key, i.params) }));
  throw new ApiError(400, 'invalid_request', 'admin.error.invalid', { issues });
}
