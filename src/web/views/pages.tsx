import { escapeHtml } from '@kitajs/html';
import type { LinkedIdentity } from '../../storage/ports.ts';
import type { Account, Affiliation, ClientRecord } from '../../storage/ports.ts';
import { safeUrl } from '../../domain/safe-url.ts';
import { identityName } from '../../i18n/data-names.ts';
import { consoleLayout } from './console.tsx';
import { layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export function homePage(p: PageContext) {
  return layout(
    p,
    p.t('site.title'),
    <section class="hero">
      <h1 safe>{p.t('site.title')}</h1>
      <p class="lead" safe>
        {p.t('home.lead')}
      </p>
      {p.signedIn ? (
        <>
          <p safe>{p.t('home.signedInAs', { name: p.signedIn.displayName, username: p.signedIn.username })}</p>
          <p>
            <a class="button" href="/account" safe>
              {p.t('menu.profile')}
            </a>{' '}
            <a class="button" href="/apps" safe>
              {p.t('menu.apps')}
            </a>
          </p>
        </>
      ) : (
        <p>
          <a class="button primary" href="/login" safe>
            {p.t('menu.login')}
          </a>
        </p>
      )}
    </section>,
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td safe>{value}</td>
    </tr>
  );
}

export function profilePage(p: PageContext, account: Account, affiliations: Affiliation[], linked: LinkedIdentity[]) {
  const none = p.t('profile.none');
  const row = (label: string, value: string | null | undefined) => <Row label={label} value={value || none} />;
  return consoleLayout(
    p,
    p.t('profile.title'),
    <section class="card">
      <h1 safe>{p.t('profile.title')}</h1>
      <table class="data">
        {row(p.t('profile.username'), account.username)}
        {row(p.t('profile.name'), account.displayName)}
        {row(p.t('profile.email'), account.email)}
        {row(p.t('profile.mobile'), account.mobile)}
        {affiliations.map((a) => (
          <>
            {row(p.t('profile.school'), `${a.schoolName}（${a.schoolCode}）`)}
            {row(p.t('profile.identity'), identityName(p.lang, a.identity))}
            {row(p.t('profile.titles'), a.titles.join('、'))}
            {row(p.t('profile.classes'), a.classes.map((c) => `${c.year}-${c.semester} ${c.classtitle}`).join('、'))}
          </>
        ))}
      </table>
      <p safe>{p.t('contacts.lead')}</p>
      <p>
        <a class="button" href="/account/contacts" safe>
          {p.t('contacts.title')}
        </a>
      </p>
      <h2 safe>{p.t('county.linkedList')}</h2>
      {linked.length ? (
        <ul class="linked">
          {linked.map((l) => (
            <li>
              {escapeHtml(`${l.countyName}（${l.displayName}）`)}
              <form method="post" action="/account/county/unlink" class="inline">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <input type="hidden" name="provider" value={l.providerId} />
                <input type="hidden" name="subject" value={l.subject} />
                <button type="submit" safe>
                  {p.t('county.unlink')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p safe>{p.t('county.noneLinked')}</p>
      )}
    </section>,
  );
}

export interface AppLink {
  client: ClientRecord;
  href: string;
}

/** An application whose home address is not a safe http(s) link is listed by name, without a link. */
function AppItem({ app }: { app: AppLink }) {
  const href = safeUrl(app.href);
  return (
    <li>
      {href ? (
        <a href={href} safe>
          {app.client.name}
        </a>
      ) : (
        <span safe>{app.client.name}</span>
      )}
    </li>
  );
}

export function appsPage(p: PageContext, apps: AppLink[]) {
  return consoleLayout(
    p,
    p.t('apps.title'),
    <section class="card">
      <h1 safe>{p.t('apps.title')}</h1>
      {apps.length ? (
        <>
          <p safe>{p.t('apps.lead')}</p>
          <ul class="apps">
            {apps.map((a) => (
              <AppItem app={a} />
            ))}
          </ul>
        </>
      ) : (
        <p safe>{p.t('apps.empty')}</p>
      )}
    </section>,
  );
}

export function consentPage(p: PageContext, v: { action: string; clientName: string; scopes: string[] }) {
  return layout(
    p,
    p.t('consent.title'),
    <section class="card" aria-labelledby="consent-title">
      <h1 id="consent-title" safe>
        {p.t('consent.title')}
      </h1>
      <p safe>{p.t('consent.lead', { client: v.clientName })}</p>
      <ul class="scopes">
        {v.scopes.map((s) => (
          <li safe>{p.t(`scope.${s}`)}</li>
        ))}
      </ul>
      <form method="post" action={v.action} class="actions">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <button type="submit" name="decision" value="allow" class="primary" safe>
          {p.t('consent.allow')}
        </button>
        <button type="submit" name="decision" value="deny" safe>
          {p.t('consent.deny')}
        </button>
      </form>
    </section>,
  );
}
