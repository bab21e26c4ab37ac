import type { AccountGrant } from '../../storage/ports.ts';

/** One authorized application as the list shows it: its grants (one per browser that consented) merged. */
export interface AuthorizedApp {
  clientId: string;
  name: string;
  /** The client's `logo_uri`, only when safe to render. */
  logoUri?: string;
  firstParty: boolean;
  /** OpenID scopes granted, in the order the consent page lists them. */
  scopes: string[];
  /** The first consent. */
  since: Date;
  grantIds: string[];
}

export interface ClientFacts {
  name: string;
  logoUri?: string;
  firstParty: boolean;
}

/** A checkbox's name: one field per application (the form parser refuses repeated fields). */
export const CHOICE_PREFIX = 'app.';

/** The grants of an account grouped per application, oldest consent first; grants of removed clients are left out. */
export function authorizedApps(grants: AccountGrant[], clientOf: (clientId: string) => ClientFacts | undefined, scopeOrder: readonly string[]): AuthorizedApp[] {
  const apps = new Map<string, AuthorizedApp>();
  for (const g of grants) {
    const facts = clientOf(g.clientId);
    if (!facts) continue;
    const app = apps.get(g.clientId) ?? { clientId: g.clientId, ...facts, scopes: [], since: g.issuedAt, grantIds: [] };
    app.grantIds.push(g.grantId);
    app.scopes = scopeOrder.filter((s) => app.scopes.includes(s) || g.scopes.includes(s));
    if (g.issuedAt < app.since) app.since = g.issuedAt;
    apps.set(g.clientId, app);
  }
  return [...apps.values()].sort((a, b) => a.since.getTime() - b.since.getTime() || a.name.localeCompare(b.name));
}

/** The client ids a posted form ticked (fields `app.<client id>`). */
export function chosenClientIds(form: Record<string, string>): string[] {
  return Object.keys(form)
    .filter((k) => k.startsWith(CHOICE_PREFIX) && form[k] !== '')
    .map((k) => k.slice(CHOICE_PREFIX.length));
}

/** The ticked applications that are really this account's; anything else posted is ignored. */
export function chosenApps(apps: AuthorizedApp[], clientIds: string[]): AuthorizedApp[] {
  const wanted = new Set(clientIds);
  return apps.filter((a) => wanted.has(a.clientId));
}
