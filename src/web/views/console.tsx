import { rendered } from '../jsx/rendered.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** Every page of the 帳號管理 console, in the order of the manual's chapters. */
export const CONSOLE_PAGES: readonly (readonly [href: string, label: MessageKey])[] = [
  ['/account', 'menu.profile'],
  ['/account/school', 'menu.updateProfile'],
  ['/account/password', 'menu.password'],
  ['/account/sessions', 'menu.sessions'],
  ['/account/authorizations', 'menu.authorizations'],
  ['/account/app-logins', 'menu.appLogins'],
  ['/account/ip-logins', 'menu.ipLogins'],
  ['/account/two-factor', 'menu.twoFactor'],
  ['/apps', 'menu.apps'],
];

/** The console's own menu beside its pages; the current page is marked for assistive technology. */
function ConsoleNav({ p }: { p: PageContext }) {
  const current = CONSOLE_PAGES.filter(([href]) => p.path === href || p.path.startsWith(`${href}/`)).at(-1)?.[0];
  return (
    <nav aria-label={p.t('console.menu')} class="console-nav">
      <ul>
        {CONSOLE_PAGES.map(([href, label]) => (
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

/** A page of the signed-in console: the site's layout with the console menu and the page beside it. */
export function consoleLayout(p: PageContext, title: string, body: JSX.Element) {
  return rendered(
    <Layout p={p} title={title}>
      <div class="console">
        <ConsoleNav p={p} />
        <div class="console-page">{body}</div>
      </div>
    </Layout>,
  );
}
