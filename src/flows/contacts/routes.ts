import Router from '@koa/router';
import type { z } from 'zod';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { contactsPage } from '../../web/views/contacts.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { withForm } from '../kit/form.ts';
import { reauthUrl, recentlySignedIn, requireAccount, requireRecentSignIn } from '../kit/signed-in.ts';
import { basePath, stepPath } from './flow.ts';
import * as forms from './schemas.ts';
import type { ContactsService, Outcome, Visitor } from './service.ts';

export const CONTACTS_COOKIE = 'edusso.contacts';

/** 參 「修改備用電子郵件信箱/行動電話」 (/account/contacts…): sign-in and a recent sign-in (else /account/confirm) checked here, the rest in the service. */
export function contactsRoutes(d: { service: ContactsService; cookie: FlowCookie }) {
  const router = new Router<AppState>();
  const visitor = (ctx: Ctx): Visitor | undefined => {
    const account = requireAccount(ctx);
    return account && { account, ip: ctx.ip, userAgent: ctx.get('user-agent'), lang: ctx.state.lang };
  };
  const respond = (ctx: Ctx, o: Outcome) => {
    ctx.set('Cache-Control', 'no-store');
    if (o.kind === 'go') {
      if (o.token) d.cookie.set(ctx, o.token);
      ctx.status = 303;
      return ctx.redirect(o.path);
    }
    if (o.status) ctx.status = o.status;
    ctx.body = contactsPage(page(ctx), o.page).value;
  };
  /** A POST from a signed-in visitor with its parsed form; bad input shows the step again. */
  const post = <S extends z.ZodType>(path: string, schema: S, run: (ctx: Ctx, v: Visitor, input: z.output<S>) => Promise<Outcome>) =>
    router.post(path, requireCsrf, withForm(schema, async (ctx, input) => {
      const v = visitor(ctx);
      if (v) respond(ctx, input.ok ? await run(ctx, v, input.data) : { kind: 'go', path: basePath });
    }));

  router.get(basePath, (ctx) => {
    const v = visitor(ctx);
    if (v && requireRecentSignIn(ctx)) respond(ctx, d.service.form(v));
  });
  post(basePath, forms.contactsForm, async (ctx, v, input) => (recentlySignedIn(ctx) ? d.service.request(v, input) : { kind: 'go', path: reauthUrl(basePath) }));
  router.get(stepPath('codes'), async (ctx) => {
    const v = visitor(ctx);
    if (v) respond(ctx, await d.service.showCodes(d.cookie.get(ctx), v));
  });
  post(stepPath('codes'), forms.codesForm, (ctx, v, input) => d.service.verify(d.cookie.get(ctx), v, input));
  router.get(stepPath('done'), async (ctx) => {
    const v = visitor(ctx);
    if (v) respond(ctx, await d.service.showDone(d.cookie.get(ctx), v));
  });
  return router;
}
