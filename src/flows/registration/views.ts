import { page, type Ctx } from '../../web/context.ts';
import { messagePage } from '../../web/views/pages.ts';
import * as views from '../../web/views/registration.ts';
import type { EndMessage } from './service.ts';
import type { StepPage } from './pages.ts';

/** A step's page through the site's registration views. */
export function renderStep(ctx: Ctx, v: StepPage): string {
  const p = page(ctx);
  switch (v.step) {
    case 'identity':
      return views.identityStep(p, v.state, v.errors).value;
    case 'school':
      return views.schoolStep(p, v.state, v.lists, v.errors).value;
    case 'verify':
      return views.verifyStep(p, v).value;
    case 'confirm':
      return views.confirmStep(p, v.state, v.schoolName).value;
    case 'privacy':
      return views.privacyStep(p).value;
    case 'account':
      return views.accountStep(p, v).value;
    case 'codes':
      return views.codesStep(p, { ...v, notice: v.notice && ctx.state.t(v.notice.key, v.notice.params) }).value;
    case 'review':
      return views.reviewStep(p, v.state, v.schoolName, v.domain).value;
    case 'done':
      return views.doneStep(p, v.username).value;
  }
}

/** The message a flow ends with, and where the person may go from there. */
export function renderEnd(ctx: Ctx, message: EndMessage): string {
  const t = ctx.state.t;
  const link = (href: string, key: string) => ({ href, label: t(key) });
  const login = link('/login', 'menu.login');
  const [key, links] = (
    {
      expired: ['register.expired', [link('/register?new=1', 'register.restart')]],
      already: [
        'register.already',
        [link('/forgot-account', 'register.forgotAccount'), link('/forgot-password', 'register.forgotPassword'), login],
      ],
      'already-at-review': ['register.already', [login]],
      disagreed: ['register.disagreed', [link('/', 'error.back')]],
      'county-not-found': ['register.notFound', [link('/register/verify', 'register.back')]],
      'county-already': ['register.already', [link('/forgot-account', 'register.forgotAccount'), login]],
    } as const satisfies Record<EndMessage, readonly [string, readonly { href: string; label: string }[]]>
  )[message];
  return messagePage(page(ctx), { title: t('register.title'), message: t(key), links: [...links] }).value;
}
