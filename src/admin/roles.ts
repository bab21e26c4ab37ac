import type { Role, RoleGrant, Store } from '../storage/ports.ts';

export const ROLES: readonly Role[] = ['system-admin', 'county-admin', 'school-admin', 'helpdesk'];

export interface RoleInput {
  /** The account name. */
  account: string;
  role: string;
  /** A county-admin's county: its name (雲林縣, 台 or 臺) or its code. */
  county?: string;
  /** A school-admin's school code. */
  school?: string;
}

/** Who changes a role: an account (the console), a service client (the admin API) or null for the command line on the server. */
export type RoleActor = { accountId: string } | { clientId: string } | null;

/** The audit log's actor of a role change. */
const actorName = (actor: RoleActor) => (!actor ? 'cli' : 'accountId' in actor ? `account:${actor.accountId}` : `client:${actor.clientId}`);

/** A refusal naming the input it is about; the message is what the command line prints. */
export class RoleInputError extends Error {
  readonly field: 'account' | 'role' | 'county' | 'school';
  /** What is wrong with it, for a translated message (the console, the API). */
  readonly reason: 'required' | 'unknown' | 'notApplicable';
  constructor(field: RoleInputError['field'], message: string, reason: RoleInputError['reason'] = 'unknown') {
    super(message);
    this.field = field;
    this.reason = reason;
  }
}

/** A revoke of a grant the account does not hold. */
export class RoleNotFoundError extends Error {}

export interface ResolvedGrant {
  accountId: string;
  username: string;
  role: Role;
  county: { code: string; name: string } | null;
  school: { code: string; name: string } | null;
}

/** Roles granted to ordinary accounts (issue 10): `edusso role …` now, the console and API later. */
export function roleAdmin(store: Store) {
  /** Checks the input against the accounts and the directory; the scope must fit the role. */
  async function resolve(input: RoleInput): Promise<ResolvedGrant> {
    const username = input.account?.trim().toLowerCase();
    if (!username) throw new RoleInputError('account', '--account is required', 'required');
    const role = input.role?.trim() as Role;
    if (!role) throw new RoleInputError('role', `--role is required (${ROLES.join(', ')})`, 'required');
    if (!ROLES.includes(role)) throw new RoleInputError('role', `--role: unknown role "${input.role}"; one of ${ROLES.join(', ')}`);
    const countyGiven = input.county?.trim();
    const schoolGiven = input.school?.trim();
    if (role === 'county-admin' && !countyGiven) throw new RoleInputError('county', '--county is required for county-admin (e.g. --county 雲林縣)', 'required');
    if (role === 'school-admin' && !schoolGiven) throw new RoleInputError('school', '--school is required for school-admin (the school code)', 'required');
    if (role !== 'county-admin' && countyGiven !== undefined) throw new RoleInputError('county', `--county applies only to county-admin, not ${role}`, 'notApplicable');
    if (role !== 'school-admin' && schoolGiven !== undefined) throw new RoleInputError('school', `--school applies only to school-admin, not ${role}`, 'notApplicable');
    const account = await store.accounts.findByUsername(username);
    if (!account) throw new RoleInputError('account', `--account: no account ${username}`);
    let county: ResolvedGrant['county'] = null;
    if (countyGiven) {
      county = (await store.directory.findCounty(countyGiven)) ?? null;
      if (!county) throw new RoleInputError('county', `--county: no county ${countyGiven} (a name like 雲林縣 or its code)`);
    }
    let school: ResolvedGrant['school'] = null;
    if (schoolGiven) {
      const found = await store.directory.getSchool(schoolGiven);
      if (!found) throw new RoleInputError('school', `--school: no school with code ${schoolGiven}`);
      school = { code: found.code, name: found.name };
    }
    return { accountId: account.id, username: account.username, role, county, school };
  }

  const scopeOf = (g: ResolvedGrant) => ({ accountId: g.accountId, role: g.role, countyCode: g.county?.code ?? null, schoolCode: g.school?.code ?? null });
  const detailOf = (g: ResolvedGrant, actor: RoleActor) => ({
    role: g.role,
    ...(g.county ? { county: g.county.code } : {}),
    ...(g.school ? { school: g.school.code } : {}),
    by: !actor ? 'cli' : 'accountId' in actor ? actor.accountId : actor.clientId,
  });

  return {
    /** Idempotent: `granted` is false when the account already held it (nothing written, no audit event). */
    async grant(input: RoleInput, actor: RoleActor = null): Promise<ResolvedGrant & { granted: boolean }> {
      const g = await resolve(input);
      const granted = await store.transaction(async ({ roles, audit }) => {
        const added = await roles.grant({ ...scopeOf(g), grantedBy: actor && 'accountId' in actor ? actor.accountId : null });
        if (added) await audit.record({ type: 'role.granted', accountId: g.accountId, detail: detailOf(g, actor), actor: actorName(actor) });
        return added;
      });
      return { ...g, granted };
    },

    /** Refused (RoleNotFoundError) when the account does not hold this role with this scope. */
    async revoke(input: RoleInput, actor: RoleActor = null): Promise<ResolvedGrant> {
      const g = await resolve(input);
      const removed = await store.transaction(async ({ roles, audit }) => {
        const done = await roles.revoke(scopeOf(g));
        if (done) await audit.record({ type: 'role.revoked', accountId: g.accountId, detail: detailOf(g, actor), actor: actorName(actor) });
        return done;
      });
      const scope = g.county ? ` of ${g.county.name}` : g.school ? ` of ${g.school.code} ${g.school.name}` : '';
      if (!removed) throw new RoleNotFoundError(`${g.username} does not hold ${g.role}${scope}`);
      return g;
    },

    /** Every grant, or one account's (refused when the account does not exist). */
    async list(filter: { account?: string } = {}): Promise<RoleGrant[]> {
      if (filter.account === undefined) return store.roles.list();
      const username = filter.account.trim().toLowerCase();
      const account = await store.accounts.findByUsername(username);
      if (!account) throw new RoleInputError('account', `--account: no account ${username}`);
      return store.roles.list({ accountId: account.id });
    },
  };
}
export type RoleAdmin = ReturnType<typeof roleAdmin>;
