import { html } from '../html.ts';
import { captchaField, defaultSubmit } from './captcha.ts';
import { passwordInput } from './fields.ts';
import { errorBox, layout, type PageContext } from './layout.ts';

export interface LoginView {
  action: string;
  captchaId: string;
  account?: string;
  error?: string;
  clientName?: string;
  /** The application sign-in waiting, so a county sign-in can continue it. */
  interaction?: string;
}

export function loginPage(p: PageContext, v: LoginView) {
  return layout(
    p,
    p.t('login.title'),
    html`<section class="card" aria-labelledby="login-title">
  <h1 id="login-title">${p.t('login.title')}</h1>
  ${v.clientName ? html`<p class="lead">${p.t('login.for', { client: v.clientName })}</p>` : ''}
  ${errorBox(v.error)}
  <form method="post" action="${v.action}" class="form" novalidate>
    <input type="hidden" name="_csrf" value="${p.csrf}">
    ${defaultSubmit('login')}
    <div class="field">
      <label for="account">${p.t('login.account')}</label>
      <input id="account" name="account" value="${v.account ?? ''}" maxlength="100" autocomplete="username" autocapitalize="none" spellcheck="false" required aria-describedby="account-hint" ${v.error ? 'aria-invalid="true"' : ''}>
      <small id="account-hint">${p.t('login.accountHint')}</small>
    </div>
    ${passwordInput(p, { name: 'password', label: p.t('login.password'), autocomplete: 'current-password' })}
    ${captchaField(p, v.captchaId)}
    <button type="submit" name="action" value="login" class="primary">${p.t('login.submit')}</button>
  </form>
  <p class="more"><a href="/county?purpose=login${v.interaction ? `&interaction=${v.interaction}` : ''}">${p.t('county.login')}</a></p>
  <p class="more"><a href="/register">${p.t('login.register')}</a></p>
</section>`,
  );
}
