import Router from '@koa/router';
import type { AccountRepo, ClientRepo, CountyIdentityRepo } from '../../storage/ports.ts';
import { page, type AppState } from '../context.ts';
import { requireAccount } from '../../flows/kit/signed-in.ts';
import { appsPage, homePage, profilePage } from '../views/pages.ts';

/** The SSO site: home, 「查閱個人資料」 and 「介接應用服務」. */
export function accountRoutes(d: { accounts: AccountRepo; clients: ClientRepo; identities: CountyIdentityRepo }) {
  const router = new Router<AppState>();
  router.get('/', (ctx) => {
    ctx.body = homePage(page(ctx)).value;
  });
  router.get('/account', async (ctx) => {
    const account = requireAccount(ctx);
    if (account) ctx.body = profilePage(page(ctx), account, await d.accounts.affiliations(account.id), await d.identities.forAccount(account.id)).value;
  });
  router.get('/apps', async (ctx) => {
    if (!requireAccount(ctx)) return;
    const apps = (await d.clients.list())
      .filter((c) => c.homeUrl && !(c.metadata.grant_types as string[] | undefined)?.every((g) => g === 'client_credentials'))
      .map((client) => ({ client, href: client.homeUrl! }));
    ctx.body = appsPage(page(ctx), apps).value;
  });
  return router;
}
