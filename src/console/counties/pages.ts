import type Router from '@koa/router';
import { providerView, type CountyAdmin } from '../../admin/county-admin.ts';
import { FEDERATION_CALLBACK_PATH } from '../../methods/county-client.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { HttpError } from '../../web/middleware/errors.ts';
import { readForm } from '../../web/middleware/form-body.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import type { ConsoleDeps } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { formOfProvider, providerInput, readProviderForm, type CountyNotice } from './form.ts';
import { providerIssues } from './issues.ts';
import { ProviderExists } from '../../admin/county-admin.ts';
import { countiesListPage, countyNewPage, countyPage } from './views.ts';

const BASE = '/admin/counties';
const NOTICES: CountyNotice[] = ['saved', 'removed', 'added'];

/** The console's pages of county identity providers (/admin/counties), over the service the API uses. */
export function countiesPages(d: ConsoleDeps, admin: CountyAdmin, router: Router<AppState>) {
  const acting = async (ctx: Ctx) => {
    const principal = adminOf(ctx);
    await d.auth.access.authorize(principal, 'admin:counties', { kind: 'everything' }, requestOf(ctx));
    return { principal, actor: { principal, req: requestOf(ctx) } };
  };
  const shown = async (id: string) => {
    const p = await admin.get(id);
    if (!p) throw new HttpError(404, 'error.notFound');
    return providerView(p);
  };
  const notice = (ctx: Ctx) => NOTICES.find((n) => n === ctx.query.done);
  const issuesOf = (err: unknown) =>
    err instanceof ProviderExists ? [{ field: 'id', key: 'admin.counties.error.exists' as const }] : providerIssues(err);

  router.get(BASE, async (ctx) => {
    const { principal } = await acting(ctx);
    const providers = (await admin.list()).map(providerView);
    ctx.body = countiesListPage(page(ctx), principal, { providers, notice: notice(ctx), callback: `${d.s.settings.issuer}${FEDERATION_CALLBACK_PATH}` }).value;
  });

  router.get(`${BASE}/new`, async (ctx) => {
    const { principal } = await acting(ctx);
    ctx.body = countyNewPage(page(ctx), principal, { form: { kind: 'oidc', scopes: 'openid profile' }, issues: [], counties: await d.s.store.directory.listCounties() }).value;
  });

  router.post(BASE, requireCsrf, async (ctx) => {
    const { principal, actor } = await acting(ctx);
    const form = readProviderForm(await readForm(ctx));
    try {
      const p = await admin.add(providerInput(form), actor);
      ctx.status = 303;
      ctx.redirect(`${BASE}/${encodeURIComponent(p.id)}?done=added`);
    } catch (err) {
      ctx.status = 400;
      ctx.body = countyNewPage(page(ctx), principal, { form: { ...form, clientSecret: '' }, issues: issuesOf(err), counties: await d.s.store.directory.listCounties() }).value;
    }
  });

  router.get(`${BASE}/:id`, async (ctx) => {
    const { principal } = await acting(ctx);
    const provider = await shown(ctx.params.id!);
    ctx.body = countyPage(page(ctx), principal, { provider, form: formOfProvider(provider), issues: [], notice: notice(ctx) }).value;
  });

  router.post(`${BASE}/:id`, requireCsrf, async (ctx) => {
    const { principal, actor } = await acting(ctx);
    const provider = await shown(ctx.params.id!);
    const form = readProviderForm(await readForm(ctx));
    const { id: _id, county: _county, ...changes } = providerInput(form);
    try {
      await admin.update(provider.id, changes, actor);
      ctx.status = 303;
      ctx.redirect(`${BASE}/${encodeURIComponent(provider.id)}?done=saved`);
    } catch (err) {
      ctx.status = 400;
      ctx.body = countyPage(page(ctx), principal, { provider, form: { ...form, clientSecret: '' }, issues: issuesOf(err) }).value;
    }
  });

  router.post(`${BASE}/:id/remove`, requireCsrf, async (ctx) => {
    const { principal, actor } = await acting(ctx);
    const provider = await shown(ctx.params.id!);
    if ((await readForm(ctx)).confirm !== 'on') {
      ctx.status = 400;
      ctx.body = countyPage(page(ctx), principal, { provider, form: formOfProvider(provider), issues: [], confirmMissing: true }).value;
      return;
    }
    await admin.remove(provider.id, actor);
    ctx.status = 303;
    ctx.redirect(`${BASE}?done=removed`);
  });
}
