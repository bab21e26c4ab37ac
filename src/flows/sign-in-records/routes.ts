import Router from '@koa/router';
import { page, type AppState } from '../../web/context.ts';
import { signInRecordsPage } from '../../web/views/sign-in-records.ts';
import { requireAccount } from '../kit/signed-in.ts';
import { countOf, RECORD_COUNTS } from './flow.ts';
import { recordsQuery } from './schemas.ts';
import type { SignInRecordsService } from './service.ts';

const PAGES = [
  ['/account/app-logins', 'application'],
  ['/account/ip-logins', 'authentication'],
] as const;

/** `GET /account/app-logins?n=` and `GET /account/ip-logins?n=`: a GET form, so it works without script and can be bookmarked. */
export function signInRecordRoutes(d: { service: SignInRecordsService }) {
  const router = new Router<AppState>();
  for (const [path, kind] of PAGES)
    router.get(path, async (ctx) => {
      const account = requireAccount(ctx);
      if (!account) return;
      const { count, bad } = countOf(recordsQuery.parse(ctx.query).n);
      const rows = await d.service.records(account.id, kind, count);
      if (bad) ctx.status = 400;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = signInRecordsPage(page(ctx), { kind, action: path, count, counts: RECORD_COUNTS, rows, error: bad ? ctx.state.t('records.badCount') : undefined }).value;
    });
  return router;
}
