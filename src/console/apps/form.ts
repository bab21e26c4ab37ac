import { supportedScopes } from '../../oidc/claims.ts';
import { adminScopeNames } from '../../domain/admin-scopes.ts';
import type { ClientView } from '../../admin/clients.ts';

export type AppKind = 'web' | 'public' | 'service';

/** An application's form as the person filled it in (kept to show again beside the errors). */
export interface AppFormValues {
  kind: AppKind;
  name: string;
  logoUri: string;
  redirectUris: string;
  backchannelLogoutUri: string;
  firstParty: boolean;
  scopes: string[];
  adminCounty: string;
}

/** Every scope an application may be allowed: the sign-in ones, then the admin ones (service clients only). */
export const FORM_SCOPES = [...supportedScopes, ...adminScopeNames];

export const emptyForm = (): AppFormValues => ({
  kind: 'web',
  name: '',
  logoUri: '',
  redirectUris: '',
  backchannelLogoutUri: '',
  firstParty: false,
  scopes: ['openid', 'profile'],
  adminCounty: '',
});

export const formOf = (c: ClientView): AppFormValues => ({
  kind: c.kind,
  name: c.name,
  logoUri: c.logoUri ?? '',
  redirectUris: c.redirectUris.join('\n'),
  backchannelLogoutUri: c.backchannelLogoutUri ?? '',
  firstParty: c.firstParty,
  scopes: c.scopes,
  adminCounty: c.adminCounty ?? '',
});

/** The posted form (one field per scope checkbox: `scope_<name>`), read leniently: the service checks it. */
export function readAppForm(form: Record<string, string>, kind?: AppKind): AppFormValues {
  const given = form.kind;
  return {
    kind: kind ?? (given === 'public' || given === 'service' ? given : 'web'),
    name: (form.name ?? '').slice(0, 200),
    logoUri: (form.logoUri ?? '').trim(),
    redirectUris: (form.redirectUris ?? '').trim(),
    backchannelLogoutUri: (form.backchannelLogoutUri ?? '').trim(),
    firstParty: form.firstParty === 'on',
    scopes: FORM_SCOPES.filter((s) => form[`scope_${s}`] === 'on'),
    adminCounty: (form.adminCounty ?? '').trim(),
  };
}

export const linesOf = (s: string) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

export type AppNotice = 'saved' | 'disabled' | 'enabled';
