import type Router from '@koa/router';
import { clientView, type ClientAdmin } from '../../admin/clients.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { HttpError } from '../../web/middleware/errors.ts';
import { readForm } from '../../web/middleware/form-body.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import type { ConsoleDeps } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { emptyForm, formOf, linesOf, readAppForm, type AppFormValues, type AppNotice } from './form.ts';
import { clientIssues, type FieldIssue } from './issues.ts';
import { resolveCounty } from './county-bound.ts';
import { appNewPage, appPage, appSecretPage, appsListPage } from './views.ts';

const BASE = '/admin/apps';
const NOTICES: AppNotice[] = ['saved', 'disabled', 'enabled'];

/** The console's pages of connected applications (/admin/apps), over the same service as the API and the CLI. */
export function appsPages(d: ConsoleDeps, admin: ClientAdmin, router: Router<AppState>) {
  /** Only system administrators (admin:clients everywhere); anyone else gets the audited 403 page. */
  const acting = async (ctx: Ctx) => {
    const principal = adminOf(ctx);
    await d.auth.access.authorize(principal, 'admin:clients', { kind: 'everything' }, requestOf(ctx));
    return { principal, actor: { principal, req: requestOf(ctx) } };
  };
  const counties = () => d.s.store.directory.listCounties();
  const shown = async (id: string) => {
    const c = await admin.find(id);
    if (!c) throw new HttpError(404, 'error.notFound');
    return clientView(c);
  };
  /** The service's input from the form; a refusal of the input becomes field issues. */
  const inputOf = async (v: AppFormValues) => ({
    name: v.name,
    logoUri: v.logoUri || null,
    redirectUris: linesOf(v.redirectUris),
    backchannelLogoutUri: v.backchannelLogoutUri || null,
    firstParty: v.firstParty,
    scopes: v.scopes.join(' '),
    adminCounty: (await resolveCounty(d.s.store.directory, v.adminCounty)) ?? null,
  });
  const issuesOf = (err: unknown): FieldIssue[] => clientIssues(err);

  router.get(BASE, async (ctx) => {
    const { principal } = await acting(ctx);
    ctx.body = appsListPage(page(ctx), principal, (await admin.list()).map(clientView)).value;
  });

  router.get(`${BASE}/new`, async (ctx) => {
    const { principal } = await acting(ctx);
    ctx.body = appNewPage(page(ctx), principal, { values: emptyForm(), issues: [], counties: await counties() }).value;
  });

  router.post(BASE, requireCsrf, async (ctx) => {
    const { principal, actor } = await acting(ctx);
    const values = readAppForm(await readForm(ctx));
    try {
      const input = await inputOf(values);
      const r = await admin.add(
        { ...input, logoUri: input.logoUri ?? undefined, backchannelLogoutUri: input.backchannelLogoutUri ?? undefined, adminCounty: input.adminCounty ?? undefined, service: values.kind === 'service', public: values.kind === 'public' },
        actor,
      );
      ctx.body = appSecretPage(page(ctx), principal, { client: await shown(r.clientId), secret: r.clientSecret, rotated: false }).value;
    } catch (err) {
      ctx.status = 400;
      ctx.body = appNewPage(page(ctx), principal, { values, issues: issuesOf(err), counties: await counties() }).value;
    }
  });

  router.get(`${BASE}/:id`, async (ctx) => {
    const { principal } = await acting(ctx);
    const client = await shown(ctx.params.id!);
    const notice = NOTICES.find((n) => n === ctx.query.done);
    ctx.body = appPage(page(ctx), principal, { client, values: formOf(client), issues: [], counties: await counties(), notice }).value;
  });

  router.post(`${BASE}/:id`, requireCsrf, async (ctx) => {
    const { principal, actor } = await acting(ctx);
    const client = await shown(ctx.params.id!);
    const values = readAppForm(await readForm(ctx), client.kind);
    try {
      await admin.update(client.clientId, await inputOf(values), actor);
      ctx.status = 303;
      ctx.redirect(`${BASE}/${encodeURIComponent(client.clientId)}?done=saved`);
    } catch (err) {
      ctx.status = 400;
      ctx.body = appPage(page(ctx), principal, { client, values, issues: issuesOf(err), counties: await counties() }).value;
    }
  });

  router.post(`${BASE}/:id/rotate-secret`, requireCsrf, async (ctx) => {
    const { principal, actor } = await acting(ctx);
    const client = await shown(ctx.params.id!);
    if ((await readForm(ctx)).confirm !== 'on') {
      ctx.status = 400;
      ctx.body = appPage(page(ctx), principal, { client, values: formOf(client), issues: [], counties: await counties(), confirmMissing: true }).value;
      return;
    }
    if (client.kind === 'public') throw new HttpError(409, 'admin.apps.error.publicNoSecret');
    const r = await admin.rotateSecret(client.clientId, actor);
    ctx.body = appSecretPage(page(ctx), principal, { client, secret: r.clientSecret, rotated: true }).value;
  });

  for (const disabled of [true, false]) {
    router.post(`${BASE}/:id/${disabled ? 'disable' : 'enable'}`, requireCsrf, async (ctx) => {
      const { actor } = await acting(ctx);
      const client = await shown(ctx.params.id!);
      await (disabled ? admin.disable : admin.enable)(client.clientId, actor);
      ctx.status = 303;
      ctx.redirect(`${BASE}/${encodeURIComponent(client.clientId)}?done=${disabled ? 'disabled' : 'enabled'}`);
    });
  }
}
