/** Administrative roles granted to accounts (issue 10), each with its scope. */

export type Role = 'system-admin' | 'county-admin' | 'school-admin' | 'helpdesk';

/** Which grant: a county-admin names its county, a school-admin its school, the others neither. */
export interface RoleScope {
  accountId: string;
  role: Role;
  countyCode?: string | null;
  schoolCode?: string | null;
}

export interface RoleGrant {
  accountId: string;
  username: string;
  role: Role;
  countyCode: string | null;
  countyName: string | null;
  schoolCode: string | null;
  schoolName: string | null;
  grantedAt: Date;
  /** The granting account; null: the command line. */
  grantedBy: string | null;
}

export interface RoleRepo {
  /** Idempotent: returns false when the account already holds this role with this scope (left as it was). */
  grant(g: RoleScope & { grantedBy?: string | null }): Promise<boolean>;
  /** Returns whether a grant was removed. */
  revoke(g: RoleScope): Promise<boolean>;
  forAccount(accountId: string): Promise<RoleGrant[]>;
  /** Every grant (or one account's), by account name, role and scope. */
  list(filter?: { accountId?: string }): Promise<RoleGrant[]>;
}
