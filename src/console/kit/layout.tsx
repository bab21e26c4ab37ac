import type { Principal } from '../../admin/access.ts';
import { rendered } from '../../web/jsx/rendered.ts';
import { Layout } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { pagesFor } from './pages.ts';

/** The console's menu: only the pages the principal's roles reach; the current one marked. */
function AdminNav({ p, principal }: { p: PageContext; principal: Principal }) {
  const pages = pagesFor(principal);
  const current = pages.filter(({ href }) => p.path === href || p.path.startsWith(`${href}/`)).at(-1)?.href;
  return (
    <nav aria-label={p.t('admin.menu')} class="console-nav">
      <ul>
        {pages.map(({ href, label }) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined} safe>
              {p.t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Who is acting, in words: each role with its county or school. */
function Roles({ p, principal }: { p: PageContext; principal: Principal }) {
  if (principal.kind !== 'account') return <></>;
  return (
    <p class="admin-roles" safe>
      {p.t('admin.actingAs', {
        roles: principal.grants.map((g) => p.t(`admin.role.${g.role}`) + (g.countyCode ? ` ${g.countyCode}` : '') + (g.schoolCode ? ` ${g.schoolCode}` : '')).join('、'),
      })}
    </p>
  );
}

/** A page of the administration console: the site's layout with the console's menu beside the page. */
export function adminLayout(p: PageContext, principal: Principal, title: string, body: JSX.Element) {
  return rendered(
    <Layout p={p} title={`${title} - ${p.t('admin.title')}`}>
      <div class="console admin-console">
        <AdminNav p={p} principal={principal} />
        <div class="console-page">
          <Roles p={p} principal={principal} />
          {body}
        </div>
      </div>
    </Layout>,
  );
}

/** Why the console is closed to this person, and what to do. */
export function adminClosedPage(p: PageContext, v: { title: string; message: string; link?: { href: string; label: string } }) {
  return rendered(
    <Layout p={p} title={v.title}>
      <section class="card" role="alert">
        <h1 safe>{v.title}</h1>
        <p safe>{v.message}</p>
        {v.link ? (
          <p>
            <a href={v.link.href} safe>
              {v.link.label}
            </a>
          </p>
        ) : (
          <></>
        )}
      </section>
    </Layout>,
  );
}
