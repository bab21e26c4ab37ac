import type { Children } from '@kitajs/html';
import { escapeHtml } from '@kitajs/html';
import { rendered } from '../jsx/rendered.ts';
import type { PageContext } from './page-context.ts';
import { langSwitchHref } from './lang-switch.ts';

/** The 帳號管理 menu lists only what exists; the console's other pages are in its own menu (console.tsx). */
function Menu({ p }: { p: PageContext }) {
  const items = p.signedIn
    ? [
        ['/account', p.t('menu.profile')],
        ['/account/school', p.t('menu.updateProfile')],
        ['/apps', p.t('menu.apps')],
        ['/oidc/v1/userlogout', p.t('menu.logout')],
      ]
    : [
        ['/login', p.t('menu.login')],
        ['/register', p.t('menu.register')],
        ['/account/school', p.t('menu.updateProfile')],
        ['/forgot-account', p.t('forgot.title')],
        ['/forgot-password', p.t('forgot.passwordTitle')],
        ['/activate', p.t('menu.activate')],
        ['/contact', p.t('menu.contact')],
      ];
  return (
    <nav aria-label={p.t('menu.accountManagement')} class="menu">
      <span class="menu-title" safe>
        {p.t('menu.accountManagement')}
      </span>
      <ul>
        {items.map(([href, label]) => (
          <li>
            <a href={href} safe>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The document around every page. The home page passes its title as the site name: no repeat. */
export function Layout({ p, title, children }: { p: PageContext; title: string; children: Children }) {
  const other = p.lang === 'zh-TW' ? 'en' : 'zh-TW';
  const site = p.t('site.title');
  return (
    <>
      {'<!doctype html>'}
      <html lang={p.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{title === site ? site : `${title} - ${site}`}</title>
          <link rel="stylesheet" href="/assets/site.css" />
          <script src="/assets/site.js" defer></script>
        </head>
        <body>
          <a class="skip" href="#main" safe>
            {p.t('site.skip')}
          </a>
          <header class="site-header">
            <a class="brand" href="/" safe>
              {site}
            </a>
            <Menu p={p} />
            <a class="lang" href={langSwitchHref(p.path, p.search ?? '', other)} hreflang={other} lang={other} safe>
              {p.t('site.langSwitch')}
            </a>
          </header>
          <main id="main" tabindex="-1">
            {children}
          </main>
          <footer class="site-footer">
            <small>{escapeHtml(`${site} · ${p.t('site.cloudAccount')}`)}</small>
          </footer>
        </body>
      </html>
    </>
  );
}

export function layout(p: PageContext, title: string, body: JSX.Element) {
  return rendered(
    <Layout p={p} title={title}>
      {body}
    </Layout>,
  );
}

export function ErrorBox({ message }: { message: string | undefined }) {
  return message ? (
    <p class="error" role="alert" id="form-error" safe>
      {message}
    </p>
  ) : (
    ''
  );
}

export const errorBox = (message: string | undefined) => <ErrorBox message={message} />;
