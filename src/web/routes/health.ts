import Router from '@koa/router';
import type { Db } from '../../storage/db.ts';
import type { AppState } from '../context.ts';

export function healthRoutes(db: Db) {
  const router = new Router<AppState>();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await db.query('SELECT 1');
      ctx.body = { status: 'ready', database: db.driver };
    } catch (err) {
      ctx.state.log.error({ err }, 'database not reachable');
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: db.driver };
    }
  });
  return router;
}
