import Router from '@koa/router';
import type { Logger } from 'pino';
import type { Db } from '../../storage/db.ts';

/** For load balancers: no cookies, no session, no redirect to https, whoever asks. */
export function healthRoutes(db: Db, log: Logger) {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await db.query('SELECT 1');
      ctx.body = { status: 'ready', database: db.driver };
    } catch (err) {
      log.error({ err }, 'database not reachable');
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: db.driver };
    }
  });
  return router;
}
