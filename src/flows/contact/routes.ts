import Router from '@koa/router';
import type { Lang } from '../../i18n/translate.ts';
import { page, type AppState, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { contactPage, contactSentPage, type ContactView } from '../../web/views/contact.ts';
import type { FlowCookie } from '../kit/flow-cookie.ts';
import { withForm } from '../kit/form.ts';
import { categories, categoryOf, type Category } from './flow.ts';
import { contactForm } from './schemas.ts';
import type { ContactOutcome, ContactService, Prefill } from './service.ts';

/** 壹拾壹 聯絡我們: `/contact?category=…` preselects; `&from=register` brings what the registration flow knows. */
export function contactRoutes(d: {
  service: ContactService;
  registrationCookie: FlowCookie;
  fromRegistration: (token: string | undefined, lang: Lang) => Promise<Prefill | undefined>;
}) {
  const router = new Router<AppState>();
  const prefillOf = (ctx: Ctx, from: unknown) => (from === 'register' ? d.fromRegistration(d.registrationCookie.get(ctx), ctx.state.lang) : Promise.resolve(undefined));

  const show = async (ctx: Ctx, v: Omit<ContactView, 'categories' | 'captchaId'>) => {
    ctx.set('Cache-Control', 'no-store');
    const templates = Object.fromEntries(categories.map((c) => [c, d.service.template(c, ctx.state.lang)]));
    ctx.body = contactPage(page(ctx), { ...v, categories, templates, captchaId: await d.service.newCaptcha() }).value;
  };

  router.get('/contact', async (ctx) => {
    const category: Category = categoryOf(ctx.query.category) ?? 'other';
    const prefill = await prefillOf(ctx, ctx.query.from);
    await show(ctx, {
      category,
      from: prefill ? 'register' : undefined,
      name: prefill?.name,
      who: prefill?.idNumber,
      description: d.service.template(category, ctx.state.lang, prefill),
    });
  });

  router.post('/contact', requireCsrf, withForm(contactForm, async (ctx, input) => {
    const form = input.ok ? input.data : contactForm.parse({});
    const again = (o?: Extract<ContactOutcome, { kind: 'form' }>) => {
      const t = ctx.state.t;
      const onlyCaptcha = o?.errors.captcha && Object.keys(o.errors).length === 1;
      const error = o && (onlyCaptcha ? t('contact.captchaWrong') : o.error && [t(o.error.key, o.error.params), o.errors.captcha && t('contact.captchaWrong')].filter(Boolean).join(' '));
      return show(ctx, { ...form, from: form.from === 'register' ? 'register' : undefined, error, errors: o?.errors });
    };
    if (form.action === 'new_captcha') return again();
    const prefill = await prefillOf(ctx, form.from);
    const o = await d.service.send(form, { ip: ctx.ip, userAgent: ctx.get('user-agent'), lang: ctx.state.lang, prefill });
    if (o.kind === 'sent') return void (ctx.body = contactSentPage(page(ctx), { id: o.id }).value);
    ctx.status = o.retryAfterSeconds ? 429 : 400;
    if (o.retryAfterSeconds) ctx.set('Retry-After', String(o.retryAfterSeconds));
    await again(o);
  }));

  return router;
}
