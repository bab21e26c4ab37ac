import { page, type Ctx } from '../../web/context.ts';
import * as views from '../../web/views/federation.ts';
import { messagePage } from '../../web/views/pages.ts';
import { renderEnd, renderStep } from '../registration/views.ts';
import type { Outcome } from './service.ts';

/** A county outcome as a page (redirects and sessions are the route's). */
export function renderOutcome(ctx: Ctx, o: Exclude<Outcome, { kind: 'redirect' } | { kind: 'signed-in' }>): void {
  const p = page(ctx);
  const t = ctx.state.t;
  const link = (href: string, key: string) => ({ href, label: t(key) });
  switch (o.kind) {
    case 'fail':
      ctx.state.log.warn({ reason: o.reason, detail: o.detail }, 'county sign-in failed');
      ctx.status = o.reason === 'unreachable' ? 502 : 400;
      ctx.body = messagePage(p, {
        title: t('fed.failed.title'),
        message: t(`fed.failed.${o.reason}`),
        status: 'error',
        links: [link(`/county?purpose=${o.purpose}`, 'fed.tryAgain'), link('/login', 'menu.login')],
      }).value;
      return;
    case 'link':
      if (o.error) ctx.status = 400;
      ctx.body = views.linkPage(p, { captchaId: o.captchaId, account: o.account, error: o.error ? t('login.failed') : undefined }).value;
      return;
    case 'linked-elsewhere':
      ctx.status = 409;
      ctx.body = messagePage(p, { title: t('county.linkTitle'), message: t('county.linkedElsewhere'), status: 'error', links: [link('/login', 'menu.login')] }).value;
      return;
    case 'no-account':
      ctx.status = 404;
      ctx.body = messagePage(p, {
        title: t(o.purpose === 'forgot-account' ? 'forgot.title' : 'reset.title'),
        message: t('county.noAccount'),
        links: [link('/register', 'login.register')],
      }).value;
      return;
    case 'forgot-result':
      ctx.body = views.forgotResultPage(p, { username: o.username }).value;
      return;
    case 'reset-form':
      if (o.errors) ctx.status = 400;
      ctx.body = views.resetPage(p, { username: o.account.username, name: o.account.displayName, locked: o.locked, errors: o.errors }).value;
      return;
    case 'reset-done':
      ctx.body = messagePage(p, {
        title: t('reset.title'),
        message: t('reset.done'),
        links: [link('/county?purpose=forgot-account', 'register.forgotAccount'), link('/login', 'menu.login')],
      }).value;
      return;
    case 'registration': {
      const r = o.outcome;
      if (r.kind === 'go') {
        ctx.status = 303;
        return ctx.redirect(`/register/${r.step}`);
      }
      if (r.kind === 'show') {
        if (r.status) ctx.status = r.status;
        ctx.body = renderStep(ctx, r.page);
        return;
      }
      ctx.status = r.status;
      ctx.body = renderEnd(ctx, r.message);
      return;
    }
  }
}
