import Router from '@koa/router';
import { listRecent } from '../../notify/outbox.ts';
import type { Db } from '../../storage/db.ts';
import { page, type AppState } from '../context.ts';
import { devOutboxPage } from '../views/dev-outbox.ts';

/** Outside production without SMTP/SMS settings, messages are read here instead of being sent. */
export function devOutboxRoutes(db: Db) {
  const router = new Router<AppState>();
  router.get('/dev/outbox.json', async (ctx) => {
    ctx.body = await listRecent(db, 200);
  });
  router.get('/dev/outbox', async (ctx) => {
    const messages = await listRecent(db, 200);
    ctx.body = devOutboxPage(page(ctx), messages).value;
  });
  return router;
}
