import Router from '@koa/router';
import type { OutboxRepo } from '../../storage/ports.ts';
import { page, type AppState } from '../context.ts';
import { devOutboxPage } from '../views/dev-outbox.ts';

/** Outside production without SMTP/SMS settings, messages are read here instead of being sent. */
export function devOutboxRoutes(outbox: OutboxRepo) {
  const router = new Router<AppState>();
  router.get('/dev/outbox.json', async (ctx) => {
    ctx.body = await outbox.recent(200);
  });
  router.get('/dev/outbox', async (ctx) => {
    const messages = await outbox.recent(200);
    ctx.body = devOutboxPage(page(ctx), messages).value;
  });
  return router;
}
