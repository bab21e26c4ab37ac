import type { Principal } from '../../admin/access.ts';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { pagesFor } from '../kit/pages.ts';

/** The console's first page: what this principal's roles reach. */
export function adminHomePage(p: PageContext, principal: Principal) {
  return adminLayout(
    p,
    principal,
    p.t('admin.menu.overview'),
    <section>
      <h1 safe>{p.t('admin.title')}</h1>
      <ul>
        {pagesFor(principal)
          .filter((x) => x.href !== '/admin')
          .map((x) => (
            <li>
              <a href={x.href} safe>
                {p.t(x.label)}
              </a>
            </li>
          ))}
      </ul>
    </section>,
  );
}
