import { html } from '../web/html.ts';
import { layout, type PageContext } from '../web/views/layout.ts';

interface DemoView {
  claims?: Record<string, unknown>;
  userinfo?: unknown;
  eduinfo?: unknown;
  logoutUrl?: string;
  error?: string;
}

const json = (v: unknown) => html`<pre class="json">${JSON.stringify(v, null, 2)}</pre>`;

export function demoPage(p: PageContext, v: DemoView) {
  const body = v.claims
    ? html`<h1>${p.t('demo.welcome', { name: String(v.claims.name ?? v.claims.sub) })}</h1>
      <h2>${p.t('demo.idToken')}</h2><div id="id-token-claims">${json(v.claims)}</div>
      <h2>${p.t('demo.userinfo')}</h2><div id="userinfo">${json(v.userinfo)}</div>
      <h2>${p.t('demo.eduinfo')}</h2><div id="eduinfo">${json(v.eduinfo)}</div>
      <p><a class="button" href="${v.logoutUrl ?? '/demo'}">${p.t('menu.logout')}</a></p>`
    : html`<h1>${p.t('demo.title')}</h1>
      ${v.error ? html`<p class="error" role="alert">${p.t('demo.failed', { reason: v.error })}</p>` : ''}
      <p>${p.t('demo.lead')}</p>
      <p><a class="button primary" href="/demo/login">${p.t('menu.login')}</a></p>`;
  return layout({ ...p, signedIn: undefined }, p.t('demo.title'), html`<section class="card demo">${body}</section>`);
}
