import type { SchoolRow, Store } from '../storage/ports.ts';
import { reachOf, type AdminAccess, type Principal, type RequestInfo } from './access.ts';
import { AdminRefusal } from './refusal.ts';

export const SCHOOLS_PAGE_SIZE = 50;

/** The school directory as an administrator sees it: search within the counties the principal reaches. */
export function schoolDirectory(d: { store: Store; access: AdminAccess }) {
  return {
    /** The counties a principal may filter by (all of them for a national role). */
    async counties(p: Principal) {
      const reach = reachOf(p, 'admin:directory');
      return (await d.store.directory.listCounties()).filter((c) => reach.all || reach.counties.includes(c.code));
    },

    async search(p: Principal, f: { q?: string; county?: string; page?: number }, req: RequestInfo = {}): Promise<{ total: number; page: number; pageSize: number; schools: SchoolRow[] }> {
      const reach = reachOf(p, 'admin:directory');
      if (f.county) await d.access.authorize(p, 'admin:directory', { kind: 'county', code: f.county }, req);
      const countyCodes = f.county ? [f.county] : reach.all ? null : reach.counties;
      const page = Math.max(1, Math.floor(f.page ?? 1) || 1);
      const { rows, total } = await d.store.directory.searchSchools({ q: f.q, countyCodes, limit: SCHOOLS_PAGE_SIZE, offset: (page - 1) * SCHOOLS_PAGE_SIZE });
      return { total, page, pageSize: SCHOOLS_PAGE_SIZE, schools: rows };
    },

    async get(p: Principal, code: string, req: RequestInfo = {}): Promise<SchoolRow> {
      await d.access.authorize(p, 'admin:directory', { kind: 'school', code }, req);
      const s = await d.store.directory.getSchool(code);
      if (!s) throw new AdminRefusal('not-found', 'admin.schools.notFound');
      return s;
    },
  };
}
export type SchoolDirectory = ReturnType<typeof schoolDirectory>;
