import type { RoleGrant, Store } from '../storage/ports.ts';
import type { AdminAccess, Principal, RequestInfo } from './access.ts';
import { reachesAnything, reachOf } from './access.ts';
import type { RoleAdmin, RoleInput } from './roles.ts';

/** The role change a console form or an API body names; empty scope fields count as not given. */
export interface RoleChange {
  account: string;
  role: string;
  county?: string;
  school?: string;
}

const inputOf = (c: RoleChange): RoleInput => ({ account: c.account, role: c.role, county: c.county?.trim() || undefined, school: c.school?.trim() || undefined });
const actorOf = (p: Principal) => (p.kind === 'account' ? { accountId: p.accountId } : { clientId: p.clientId });

/**
 * Roles in the console and the API (admin:roles): the grants within the principal's reach, and grants and
 * revokes it may make (access.mayGrant: a county administrator names school administrators of its own
 * county's schools only). A refusal is audited and changes nothing.
 */
export function rolesInReach(store: Store, access: AdminAccess, roles: RoleAdmin) {
  async function mayChange(p: Principal, c: RoleChange, req: RequestInfo) {
    const input = inputOf(c);
    let countyCode: string | null = null;
    if (input.county) countyCode = (await store.directory.findCounty(input.county))?.code ?? input.county;
    const scope = { countyCode, schoolCode: input.school ?? null };
    const role = input.role?.trim() as Parameters<AdminAccess['mayGrant']>[1];
    if (!(await access.mayGrant(p, role, scope))) {
      await access.refuse(p, 'admin:roles', scope.schoolCode ? { kind: 'school', code: scope.schoolCode } : { kind: 'county', code: scope.countyCode }, req);
    }
    return input;
  }

  return {
    /** Every grant the principal reaches: all of them, or the school administrators of its county's schools. */
    async list(p: Principal, req: RequestInfo = {}): Promise<RoleGrant[]> {
      const reach = reachOf(p, 'admin:roles');
      if (!reachesAnything(reach)) await access.refuse(p, 'admin:roles', { kind: 'everything' }, req);
      const grants = await store.roles.list();
      const seen: RoleGrant[] = [];
      for (const g of grants) {
        if (reach.all || (g.role === 'school-admin' && g.schoolCode && (await access.allows(p, 'admin:roles', { kind: 'school', code: g.schoolCode })))) seen.push(g);
      }
      await access.record(p, 'admin.roles.listed', { ...req, detail: { grants: seen.length } });
      return seen;
    },

    /** Refused (AdminForbidden, audited) outside the principal's reach; RoleInputError for a bad field. */
    async grant(p: Principal, c: RoleChange, req: RequestInfo = {}) {
      const input = await mayChange(p, c, req);
      return roles.grant(input, actorOf(p));
    },

    /** As grant; RoleNotFoundError when the account does not hold that grant. */
    async revoke(p: Principal, c: RoleChange, req: RequestInfo = {}) {
      const input = await mayChange(p, c, req);
      return roles.revoke(input, actorOf(p));
    },
  };
}
export type RolesInReach = ReturnType<typeof rolesInReach>;
