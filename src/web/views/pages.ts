import { html } from '../html.ts';
import type { Account, Affiliation, ClientRecord } from '../../storage/ports.ts';
import type { LinkedIdentity } from '../../flows/federation/identities.ts';
import { layout, type PageContext } from './layout.ts';

export function homePage(p: PageContext) {
  return layout(
    p,
    p.t('site.title'),
    html`<section class="hero">
  <h1>${p.t('site.title')}</h1>
  <p class="lead">${p.t('home.lead')}</p>
  ${p.signedIn
    ? html`<p>${p.t('home.signedInAs', { name: p.signedIn.displayName, username: p.signedIn.username })}</p>
      <p><a class="button" href="/account">${p.t('menu.profile')}</a> <a class="button" href="/apps">${p.t('menu.apps')}</a></p>`
    : html`<p><a class="button primary" href="/login">${p.t('menu.login')}</a></p>`}
</section>`,
  );
}

export function profilePage(p: PageContext, account: Account, affiliations: Affiliation[], linked: LinkedIdentity[]) {
  const none = p.t('profile.none');
  const row = (label: string, value: string | null | undefined) => html`<tr><th scope="row">${label}</th><td>${value || none}</td></tr>`;
  return layout(
    p,
    p.t('profile.title'),
    html`<section class="card">
  <h1>${p.t('profile.title')}</h1>
  <table class="data">
    ${row(p.t('profile.username'), account.username)}
    ${row(p.t('profile.name'), account.displayName)}
    ${row(p.t('profile.email'), account.email)}
    ${row(p.t('profile.mobile'), account.mobile)}
    ${affiliations.map(
      (a) => html`${row(p.t('profile.school'), `${a.schoolName}（${a.schoolCode}）`)}
      ${row(p.t('profile.identity'), a.identity)}
      ${row(p.t('profile.titles'), a.titles.join('、'))}
      ${row(p.t('profile.classes'), a.classes.map((c) => `${c.year}-${c.semester} ${c.classtitle}`).join('、'))}`,
    )}
  </table>
  <h2>${p.t('county.linkedList')}</h2>
  ${linked.length
    ? html`<ul class="linked">${linked.map(
        (l) => html`<li>${l.countyName}（${l.displayName}）
        <form method="post" action="/account/county/unlink" class="inline">
          <input type="hidden" name="_csrf" value="${p.csrf}"><input type="hidden" name="provider" value="${l.providerId}"><input type="hidden" name="subject" value="${l.subject}">
          <button type="submit">${p.t('county.unlink')}</button>
        </form></li>`,
      )}</ul>`
    : html`<p>${p.t('county.noneLinked')}</p>`}
  <p><a class="button" href="/apps">${p.t('menu.apps')}</a></p>
</section>`,
  );
}

export interface AppLink {
  client: ClientRecord;
  href: string;
}

export function appsPage(p: PageContext, apps: AppLink[]) {
  return layout(
    p,
    p.t('apps.title'),
    html`<section class="card">
  <h1>${p.t('apps.title')}</h1>
  ${apps.length
    ? html`<p>${p.t('apps.lead')}</p><ul class="apps">${apps.map((a) => html`<li><a href="${a.href}">${a.client.name}</a></li>`)}</ul>`
    : html`<p>${p.t('apps.empty')}</p>`}
</section>`,
  );
}

export function consentPage(p: PageContext, v: { action: string; clientName: string; scopes: string[] }) {
  return layout(
    p,
    p.t('consent.title'),
    html`<section class="card" aria-labelledby="consent-title">
  <h1 id="consent-title">${p.t('consent.title')}</h1>
  <p>${p.t('consent.lead', { client: v.clientName })}</p>
  <ul class="scopes">${v.scopes.map((s) => html`<li>${p.t(`scope.${s}`)}</li>`)}</ul>
  <form method="post" action="${v.action}" class="actions">
    <input type="hidden" name="_csrf" value="${p.csrf}">
    <button type="submit" name="decision" value="allow" class="primary">${p.t('consent.allow')}</button>
    <button type="submit" name="decision" value="deny">${p.t('consent.deny')}</button>
  </form>
</section>`,
  );
}

export function errorPage(p: PageContext, message: string) {
  return layout(
    p,
    p.t('error.title'),
    html`<section class="card" role="alert">
  <h1>${p.t('error.title')}</h1>
  <p class="error">${message}</p>
  <p><a href="/">${p.t('error.back')}</a></p>
</section>`,
  );
}

/** A page that ends or pauses a flow: a title, a message and the ways on. */
export function messagePage(p: PageContext, v: { title: string; message: string; links: { href: string; label: string }[]; status?: 'error' }) {
  return layout(
    p,
    v.title,
    html`<section class="card" role="${v.status === 'error' ? 'alert' : 'status'}">
  <h1>${v.title}</h1>
  <p class="${v.status === 'error' ? 'error' : ''}">${v.message}</p>
  <p class="actions">${v.links.map((l) => html`<a class="button" href="${l.href}">${l.label}</a>`)}</p>
</section>`,
  );
}
