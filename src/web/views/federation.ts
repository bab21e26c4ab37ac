import type { CountyProvider } from '../../flows/federation/providers.ts';
import type { Purpose } from '../../flows/federation/service.ts';
import { html } from '../html.ts';
import { captchaField, defaultSubmit } from './captcha.ts';
import { passwordInput, textField, type FieldError } from './fields.ts';
import { errorBox, layout, type PageContext } from './layout.ts';

const purposeTitle: Record<Purpose, string> = {
  login: 'county.login',
  register: 'county.register',
  'forgot-account': 'county.forgotAccount',
  'reset-password': 'county.resetPassword',
};

export const startHref = (providerId: string, purpose: Purpose, interaction?: string) =>
  `/county/${providerId}/start?purpose=${purpose}${interaction ? `&interaction=${encodeURIComponent(interaction)}` : ''}`;

/** 縣市帳號: every county as a tile; only configured ones are links (the manual's map of counties). */
export function countyMapPage(p: PageContext, v: { purpose: Purpose; interaction?: string; counties: { code: string; name: string; provider?: CountyProvider }[] }) {
  return layout(
    p,
    p.t(purposeTitle[v.purpose]),
    html`<section class="card wide" aria-labelledby="county-title">
  <h1 id="county-title">${p.t(purposeTitle[v.purpose])}</h1>
  <p>${p.t('county.choose')}</p>
  <ul class="county-grid">${v.counties.map((c) =>
    c.provider
      ? html`<li><a class="county active" href="/county/${c.provider.id}?purpose=${v.purpose}${v.interaction ? `&interaction=${encodeURIComponent(v.interaction)}` : ''}">${c.provider.hasIcon ? html`<img src="/county/${c.provider.id}/icon" alt="" width="48" height="48">` : ''}${c.name}</a></li>`
      : html`<li><span class="county" aria-disabled="true">${c.name}<small>${p.t('county.notConfigured')}</small></span></li>`,
  )}</ul>
</section>`,
  );
}

/** One county: the manual's button for this purpose, then 「教育人員登入」 to the county's own login. */
export function countyPage(p: PageContext, v: { provider: CountyProvider; purpose: Purpose; interaction?: string }) {
  const l = v.provider.labels;
  const lead = v.purpose === 'forgot-account' ? l.forgotAccount : v.purpose === 'reset-password' ? l.resetPassword : p.t(purposeTitle[v.purpose]);
  return layout(
    p,
    v.provider.displayName,
    html`<section class="card" aria-labelledby="county-title">
  <h1 id="county-title">${v.provider.countyName}：${v.provider.displayName}</h1>
  <p>${lead}</p>
  <p><a class="button primary" href="${startHref(v.provider.id, v.purpose, v.interaction)}">${l.login}</a></p>
  <p class="more"><a href="/county?purpose=${v.purpose}">${p.t('register.back')}</a></p>
</section>`,
  );
}

export function yourAccountPage(p: PageContext, v: { username: string; next: string }) {
  return layout(
    p,
    p.t('county.login'),
    html`<section class="card" role="status">
  <h1>${p.t('county.login')}</h1>
  <p class="success"><strong>${p.t('county.yourAccount', { username: v.username })}</strong></p>
  <p><a class="button primary" href="${v.next}">${p.t('county.gotIt')}</a></p>
</section>`,
  );
}

export function linkPage(p: PageContext, v: { captchaId: string; account?: string; error?: string }) {
  return layout(
    p,
    p.t('county.linkTitle'),
    html`<section class="card" aria-labelledby="link-title">
  <h1 id="link-title">${p.t('county.linkTitle')}</h1>
  <p>${p.t('county.notLinked')}</p>
  ${errorBox(v.error)}
  <form method="post" action="/federation/link" class="form" novalidate>
    <input type="hidden" name="_csrf" value="${p.csrf}">
    ${defaultSubmit('login')}
    ${textField(p, { name: 'account', label: p.t('login.account'), value: v.account, autocomplete: 'username', hint: p.t('login.accountHint') })}
    ${passwordInput(p, { name: 'password', label: p.t('login.password'), autocomplete: 'current-password' })}
    ${captchaField(p, v.captchaId)}
    <button type="submit" name="action" value="login" class="primary">${p.t('login.submit')}</button>
  </form>
  <p class="more"><a href="/register">${p.t('login.register')}</a></p>
</section>`,
  );
}

export function forgotResultPage(p: PageContext, v: { username: string }) {
  return layout(
    p,
    p.t('forgot.title'),
    html`<section class="card" role="status">
  <h1>${p.t('forgot.title')}</h1>
  <p>${p.t('county.forgotResult')}</p>
  <p class="big-account"><strong>${v.username}</strong></p>
  <p class="actions"><a class="button primary" href="/login">${p.t('menu.login')}</a> <a class="button" href="/county?purpose=reset-password">${p.t('forgot.passwordTitle')}</a></p>
</section>`,
  );
}

export function resetPage(p: PageContext, v: { username: string; name: string; errors?: Record<string, FieldError>; locked?: boolean }) {
  return layout(
    p,
    p.t('reset.title'),
    html`<section class="card" aria-labelledby="reset-title">
  <h1 id="reset-title">${p.t('reset.title')}</h1>
  <table class="data"><tr><th scope="row">${p.t('profile.username')}</th><td>${v.username}</td></tr><tr><th scope="row">${p.t('profile.name')}</th><td>${v.name}</td></tr></table>
  ${v.locked
    ? errorBox(p.t('reset.locked'))
    : html`<form method="post" action="/federation/reset" class="form" novalidate>
    <input type="hidden" name="_csrf" value="${p.csrf}">
    ${passwordInput(p, { name: 'password', label: p.t('reset.newPassword'), hint: p.t('register.passwordHint'), autocomplete: 'new-password', error: v.errors?.password })}
    ${passwordInput(p, { name: 'password2', label: p.t('reset.newPassword2'), autocomplete: 'new-password', error: v.errors?.password2 })}
    <button type="submit" class="primary">${p.t('reset.submit')}</button>
  </form>`}
</section>`,
  );
}
