import { html, type Html } from '../html.ts';
import type { Lang, Translate } from '../i18n/translate.ts';

export interface PageContext {
  t: Translate;
  lang: Lang;
  path: string;
  csrf: string;
  signedIn?: { username: string; displayName: string };
}

/** The 帳號管理 menu lists only what exists; later features add their entries here. */
function menu(p: PageContext): Html {
  const items = p.signedIn
    ? [
        ['/account', p.t('menu.profile')],
        ['/apps', p.t('menu.apps')],
        ['/oidc/v1/userlogout', p.t('menu.logout')],
      ]
    : [
        ['/login', p.t('menu.login')],
        ['/register', p.t('menu.register')],
        ['/county?purpose=forgot-account', p.t('forgot.title')],
        ['/county?purpose=reset-password', p.t('forgot.passwordTitle')],
      ];
  return html`<nav aria-label="${p.t('menu.accountManagement')}" class="menu">
    <span class="menu-title">${p.t('menu.accountManagement')}</span>
    <ul>${items.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul>
  </nav>`;
}

export function layout(p: PageContext, title: string, body: Html): Html {
  const other = p.lang === 'zh-TW' ? 'en' : 'zh-TW';
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${p.t('site.title')}</title>
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${p.t('site.skip')}</a>
<header class="site-header">
  <a class="brand" href="/">${p.t('site.title')}</a>
  ${menu(p)}
  <a class="lang" href="?lang=${other}" hreflang="${other}" lang="${other}">${p.t('site.langSwitch')}</a>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer"><small>${p.t('site.title')} · ${p.t('site.cloudAccount')}</small></footer>
</body>
</html>`;
}

export function errorBox(message: string | undefined): Html {
  return message ? html`<p class="error" role="alert" id="form-error">${message}</p>` : html``;
}
