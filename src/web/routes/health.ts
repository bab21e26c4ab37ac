import Router from '@koa/router';
import type { Logger } from 'pino';
import type { HealthRepo } from '../../storage/ports.ts';

/** For load balancers: no cookies, no session, no redirect to https, whoever asks. */
export function healthRoutes(health: HealthRepo, driver: string, log: Logger) {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    try {
      await health.ping();
      ctx.body = { status: 'ready', database: driver };
    } catch (err) {
      log.error({ err }, 'database not reachable');
      ctx.status = 503;
      ctx.body = { status: 'unavailable', database: driver };
    }
  });
  return router;
}
