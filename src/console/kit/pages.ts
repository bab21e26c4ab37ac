import { reachesAnything, reachOf, type Principal } from '../../admin/access.ts';
import type { AdminScope } from '../../domain/admin-scopes.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

/** Every page of the administration console, with the capability it needs (null: every role). */
export const ADMIN_PAGES: readonly { href: string; label: MessageKey; capability: AdminScope | null }[] = [
  { href: '/admin', label: 'admin.menu.overview', capability: null },
  { href: '/admin/tickets', label: 'admin.menu.tickets', capability: 'admin:tickets' },
  { href: '/admin/accounts', label: 'admin.menu.accounts', capability: 'admin:accounts' },
  { href: '/admin/schools', label: 'admin.menu.schools', capability: 'admin:directory' },
  { href: '/admin/people', label: 'admin.menu.people', capability: 'admin:people' },
  { href: '/admin/students', label: 'admin.menu.students', capability: 'admin:people' },
  { href: '/admin/apps', label: 'admin.menu.apps', capability: 'admin:clients' },
  { href: '/admin/counties', label: 'admin.menu.counties', capability: 'admin:counties' },
  { href: '/admin/roles', label: 'admin.menu.roles', capability: 'admin:roles' },
  { href: '/admin/audit', label: 'admin.menu.audit', capability: 'admin:audit' },
];

/** The pages this principal's roles reach. */
export const pagesFor = (p: Principal) => ADMIN_PAGES.filter((page) => !page.capability || reachesAnything(reachOf(p, page.capability)));
