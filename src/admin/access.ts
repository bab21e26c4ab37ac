import { adminScopeNames, type AdminScope } from '../domain/admin-scopes.ts';
import type { Role, RoleGrant, Store } from '../storage/ports.ts';

/**
 * Who is acting in the console or the administration API: an account holding roles (signed in with a
 * second factor), or a service client holding admin scopes (a client-credentials token), which a county
 * system may hold for its own county only.
 */
export type Principal =
  | { kind: 'account'; accountId: string; username: string; grants: Pick<RoleGrant, 'role' | 'countyCode' | 'schoolCode'>[] }
  | { kind: 'client'; clientId: string; scopes: AdminScope[]; countyCode: string | null };

/** What a principal acts on: everything (a global list), a county, a school, an account (by its schools) or a ticket (by its county). */
export type Target =
  | { kind: 'everything' }
  | { kind: 'county'; code: string | null }
  | { kind: 'school'; code: string }
  | { kind: 'account'; id: string };

/** Where a capability reaches: everywhere, or these counties and schools. An empty reach means none. */
export interface Reach {
  all: boolean;
  counties: string[];
  schools: string[];
}

/** Each role's capabilities (the admin scopes); the role's own county or school bounds them. */
export const ROLE_CAPABILITIES: Record<Role, readonly AdminScope[]> = {
  'system-admin': adminScopeNames,
  // Grants school administrators of its county's schools only (see mayGrant).
  'county-admin': ['admin:tickets', 'admin:directory', 'admin:people', 'admin:accounts', 'admin:roles'],
  'school-admin': ['admin:people', 'admin:accounts'],
  helpdesk: ['admin:tickets', 'admin:directory', 'admin:people', 'admin:accounts'],
};

export const actorOf = (p: Principal) => (p.kind === 'account' ? `account:${p.accountId}` : `client:${p.clientId}`);

/** Where `p` may use `capability`; no capability: an empty reach. */
export function reachOf(p: Principal, capability: AdminScope): Reach {
  const reach: Reach = { all: false, counties: [], schools: [] };
  if (p.kind === 'client') {
    if (!p.scopes.includes(capability)) return reach;
    if (p.countyCode) reach.counties.push(p.countyCode);
    else reach.all = true;
    return reach;
  }
  for (const g of p.grants) {
    if (!ROLE_CAPABILITIES[g.role].includes(capability)) continue;
    if (g.role === 'county-admin' && g.countyCode) reach.counties.push(g.countyCode);
    else if (g.role === 'school-admin' && g.schoolCode) reach.schools.push(g.schoolCode);
    else reach.all = true;
  }
  return reach;
}

export const reachesAnything = (r: Reach) => r.all || r.counties.length > 0 || r.schools.length > 0;

/** A refusal of the console or the API; already written to the audit log as `admin.refused`. */
export class AdminForbidden extends Error {
  readonly capability: AdminScope | 'console';
  constructor(capability: AdminScope | 'console') {
    super(`forbidden: ${capability}`);
    this.capability = capability;
  }
}

export interface RequestInfo {
  ip?: string | null;
  userAgent?: string | null;
}

/** Roles and scopes checked against the directory (a school's county) and the account's schools; refusals audited. */
export function adminAccess(store: Store) {
  async function schoolsOfAccount(accountId: string) {
    return (await store.accounts.affiliations(accountId)).map((a) => a.schoolCode);
  }
  async function countyOfSchool(code: string) {
    return (await store.directory.countyOfSchoolCode(code))?.code;
  }
  async function reachesSchool(r: Reach, code: string) {
    if (r.all || r.schools.includes(code)) return true;
    if (!r.counties.length) return false;
    const county = await countyOfSchool(code);
    return Boolean(county && r.counties.includes(county));
  }

  async function allows(p: Principal, capability: AdminScope, target: Target): Promise<boolean> {
    const r = reachOf(p, capability);
    if (r.all) return true;
    switch (target.kind) {
      case 'everything':
        return false;
      case 'county':
        return target.code !== null && r.counties.includes(target.code);
      case 'school':
        return reachesSchool(r, target.code);
      case 'account': {
        for (const code of await schoolsOfAccount(target.id)) if (await reachesSchool(r, code)) return true;
        return false;
      }
    }
  }

  return {
    reachOf,
    allows,

    /** The account's grants as a principal; undefined when it holds no role. */
    async principalOfAccount(accountId: string, username: string): Promise<Principal | undefined> {
      const grants = await store.roles.forAccount(accountId);
      if (!grants.length) return undefined;
      return { kind: 'account', accountId, username, grants: grants.map((g) => ({ role: g.role, countyCode: g.countyCode, schoolCode: g.schoolCode })) };
    },

    /** Throws AdminForbidden, after writing `admin.refused`, unless `p` may use `capability` on `target`. */
    async authorize(p: Principal, capability: AdminScope, target: Target, req: RequestInfo = {}): Promise<void> {
      if (await allows(p, capability, target)) return;
      await refuse(p, capability, target, req);
    },

    /** Writes `admin.refused` and throws: for a check the caller made itself. */
    refuse,

    /** A role change `p` may make: a county administrator grants school administrators of its county only. */
    async mayGrant(p: Principal, role: Role, scope: { countyCode?: string | null; schoolCode?: string | null }): Promise<boolean> {
      const r = reachOf(p, 'admin:roles');
      if (r.all) return true;
      if (role !== 'school-admin' || !scope.schoolCode) return false;
      return reachesSchool(r, scope.schoolCode);
    },

    /** Every read of personal data and every change by an administrator: one audit event naming the actor. */
    async record(p: Principal, type: string, e: { accountId?: string | null; detail?: Record<string, unknown> } & RequestInfo = {}) {
      await store.audit.record({ type, accountId: e.accountId ?? null, clientId: p.kind === 'client' ? p.clientId : null, ip: e.ip, userAgent: e.userAgent, detail: e.detail, actor: actorOf(p) });
    },
  };

  async function refuse(p: Principal, capability: AdminScope | 'console', target: Target, req: RequestInfo = {}): Promise<never> {
    await store.audit.record({
      type: 'admin.refused',
      accountId: target.kind === 'account' ? target.id : null,
      clientId: p.kind === 'client' ? p.clientId : null,
      ip: req.ip,
      userAgent: req.userAgent,
      actor: actorOf(p),
      detail: { capability, target },
    });
    throw new AdminForbidden(capability);
  }
}
export type AdminAccess = ReturnType<typeof adminAccess>;
