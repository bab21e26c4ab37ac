import Router from '@koa/router';
import type { DirectoryRepo } from '../../storage/ports.ts';
import type { AppState } from '../context.ts';
import { levelName, placeName } from '../../i18n/data-names.ts';

const param = (v: unknown) => (typeof v === 'string' && v.length <= 20 ? v : '');

/** The cascading lists 縣市 → 行政區 → 學制 → 學校 as JSON, for pages with JavaScript. */
export function directoryRoutes(directory: DirectoryRepo) {
  const router = new Router<AppState>();
  router.get('/api/directory/counties', async (ctx) => {
    ctx.body = (await directory.listCounties()).map((c) => ({ value: c.code, label: placeName(ctx.state.lang, c) }));
  });
  router.get('/api/directory/districts', async (ctx) => {
    ctx.body = (await directory.listDistricts(param(ctx.query.county))).map((d) => ({ value: d.code, label: placeName(ctx.state.lang, d) }));
  });
  router.get('/api/directory/levels', async (ctx) => {
    ctx.body = (await directory.listLevels(param(ctx.query.county), param(ctx.query.district))).map((l) => ({ value: l, label: levelName(ctx.state.lang, l) }));
  });
  router.get('/api/directory/schools', async (ctx) => {
    const rows = await directory.listSchools(param(ctx.query.county), param(ctx.query.district), param(ctx.query.level));
    ctx.body = rows.map((s) => ({ value: s.code, label: s.name }));
  });
  return router;
}
