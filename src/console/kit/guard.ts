import type { Next } from 'koa';
import { AdminForbidden, type Principal } from '../../admin/access.ts';
import { reauthUrl } from '../../flows/kit/signed-in.ts';
import { page, type Ctx } from '../../web/context.ts';
import { API_PREFIX, apiErrors } from './api.ts';
import { adminClosedPage } from './layout.ts';
import type { AdminAuth } from './principal.ts';

export const isConsolePath = (path: string) => (path === '/admin' || path.startsWith('/admin/')) && !path.startsWith(API_PREFIX);

/**
 * The door of every console page: signed in, holding a role, with a second factor proven in this
 * session. A refusal inside a page (another school's people, another county's ticket) is a 403 page,
 * already audited by access.authorize.
 */
export function consoleGuard(auth: AdminAuth) {
  return async (ctx: Ctx, next: Next) => {
    if (ctx.path.startsWith(`${API_PREFIX}/`)) return apiErrors(ctx, next);
    if (!isConsolePath(ctx.path)) return next();
    ctx.set('Cache-Control', 'no-store');
    const r = await auth.consolePrincipal(ctx);
    const p = page(ctx);
    if (!r.ok) {
      switch (r.reason) {
        case 'signed-out':
          return ctx.redirect(`/login?next=${encodeURIComponent(ctx.originalUrl)}`);
        case 'needs-second-factor':
          // The password re-ask asks for a code too when two-factor is on, and marks the session proven with it.
          ctx.status = 303;
          return ctx.redirect(reauthUrl(ctx.method === 'GET' ? ctx.originalUrl : '/admin'));
        case 'needs-two-factor':
          ctx.status = 403;
          ctx.body = adminClosedPage(p, { title: p.t('admin.title'), message: p.t('admin.needsTwoFactor'), link: { href: '/account/two-factor', label: p.t('menu.twoFactor') } }).value;
          return;
        case 'no-role': {
          const account = ctx.state.account!;
          const nobody: Principal = { kind: 'account', accountId: account.id, username: account.username, grants: [] };
          await auth.access.refuse(nobody, 'console', { kind: 'everything' }, { ip: ctx.ip, userAgent: ctx.get('user-agent') || null }).catch(() => undefined);
          ctx.status = 403;
          ctx.body = adminClosedPage(p, { title: p.t('admin.title'), message: p.t('admin.noRole') }).value;
          return;
        }
      }
    }
    ctx.state.admin = r.principal;
    try {
      await next();
    } catch (err) {
      if (!(err instanceof AdminForbidden)) throw err;
      ctx.status = 403;
      ctx.body = adminClosedPage(p, { title: p.t('admin.forbiddenTitle'), message: p.t('admin.error.forbidden'), link: { href: '/admin', label: p.t('admin.menu.overview') } }).value;
    }
  };
}

/** The acting principal of a console page (set by the guard). */
export function adminOf(ctx: Ctx): Principal {
  const p = ctx.state.admin;
  if (!p) throw new Error('console page outside the guard');
  return p;
}

/** Where a console request came from, for the audit log. */
export const requestOf = (ctx: Ctx) => ({ ip: ctx.ip, userAgent: ctx.get('user-agent') || null });
