import Router from '@koa/router';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { forgotAccountChoicePage, forgotAccountIdPage, forgotAccountResultPage } from '../../web/views/forgot-account.ts';
import { messagePage } from '../../web/views/pages.ts';
import { withForm } from '../kit/form.ts';
import type { LookupOutcome } from './flow.ts';
import { lookupForm } from './schemas.ts';
import type { ForgotAccountService } from './service.ts';

/** 伍 忘記帳號: the choice of ways, and 伍.2 by identity number. */
export function forgotAccountRoutes(d: { service: ForgotAccountService }) {
  const router = new Router<AppState>();

  const showForm = async (ctx: Ctx, v: { idNumber?: string; outcome?: Extract<LookupOutcome, { kind: 'form' }> } = {}) => {
    const o = v.outcome;
    if (o) {
      ctx.status = o.retryAfterSeconds ? 429 : 400;
      if (o.retryAfterSeconds) ctx.set('Retry-After', String(o.retryAfterSeconds));
    }
    const message = o && ctx.state.t(o.error.key, o.error.params);
    ctx.body = forgotAccountIdPage(page(ctx), {
      captchaId: await d.service.newCaptcha(),
      idNumber: v.idNumber,
      error: o && o.field !== 'id_number' ? message : undefined,
      fieldErrors: o?.field === 'id_number' ? { id_number: o.error } : undefined,
    }).value;
  };

  router.get('/forgot-account', (ctx) => {
    ctx.body = forgotAccountChoicePage(page(ctx)).value;
  });

  router.get('/forgot-account/id', (ctx) => showForm(ctx));

  router.post('/forgot-account/id', requireCsrf, withForm(lookupForm, async (ctx, input) => {
    const form = input.ok ? input.data : lookupForm.parse({});
    if (form.action === 'new_captcha') return showForm(ctx, { idNumber: form.id_number });
    const o = await d.service.lookup(form, { ip: ctx.ip, userAgent: ctx.get('user-agent'), lang: ctx.state.lang });
    ctx.set('Cache-Control', 'no-store');
    if (o.kind === 'form') return showForm(ctx, { idNumber: form.id_number, outcome: o });
    if (o.kind === 'found') return void (ctx.body = forgotAccountResultPage(page(ctx), o).value);
    const t = ctx.state.t;
    ctx.body = messagePage(page(ctx), {
      title: t('forgot.title'),
      message: t('forgotAccount.notFound'),
      links: [
        { href: '/forgot-account/id', label: t('register.back') },
        { href: '/register', label: t('menu.register') },
        { href: '/contact?category=account', label: t('menu.contact') },
      ],
    }).value;
  }));

  return router;
}
