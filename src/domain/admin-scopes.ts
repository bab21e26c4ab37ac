/**
 * The OAuth scopes of the administration API (issue 10), granted to service clients only (the
 * client-credentials grant): a county's system that pushes its source data nightly holds `admin:people`.
 */
export const ADMIN_SCOPES = {
  'admin:tickets': 'helpdesk tickets: read, reply, resolve',
  'admin:directory': 'the school directory: read and import',
  'admin:people': 'source data, staff and students: read, import, provision',
  'admin:accounts': 'accounts: read their state, re-enable, resend verification, reset two-factor',
  'admin:clients': 'connected applications: register, rotate secrets, disable',
  'admin:counties': 'county identity providers',
  'admin:roles': 'administrative roles',
  'admin:audit': 'the audit log and the overview',
} as const;
export type AdminScope = keyof typeof ADMIN_SCOPES;
export const adminScopeNames = Object.keys(ADMIN_SCOPES) as AdminScope[];
export const isAdminScope = (s: string): s is AdminScope => Object.hasOwn(ADMIN_SCOPES, s);
