import type { AuthorizedApp } from '../../flows/authorizations/flow.ts';
import { CHOICE_PREFIX } from '../../flows/authorizations/flow.ts';
import { isMessageKey } from '../../i18n/catalog.ts';
import { consoleLayout } from './console.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';
import { Time } from './sign-in-records.tsx';

export interface AuthorizationsView {
  apps: AuthorizedApp[];
  /** Ticked before (kept after an error). */
  chosen?: string[];
  error?: string;
  /** How many were just revoked (「取消授權成功」). */
  revoked?: number;
}

const ACTION = '/account/authorizations';

function AppName({ p, app }: { p: PageContext; app: AuthorizedApp }) {
  return (
    <span class="app-name">
      {app.logoUri ? <img src={app.logoUri} alt={p.t('grants.logo', { name: app.name })} width="32" height="32" /> : ''}
      <span safe>{app.name}</span>
    </span>
  );
}

const scopeText = (p: PageContext, scope: string) => (isMessageKey(`scope.${scope}`) ? p.t(`scope.${scope}`) : scope);

/** 捌.1 應用服務授權清單: the applications authorized, each with a checkbox, what it may read and since when. */
export function authorizationsPage(p: PageContext, v: AuthorizationsView) {
  const chosen = new Set(v.chosen ?? []);
  return consoleLayout(
    p,
    p.t('grants.title'),
    <section class="card wide" aria-labelledby="grants-title">
      <h1 id="grants-title" safe>
        {p.t('grants.title')}
      </h1>
      {v.revoked ? (
        <div class="notice" role="status">
          <p class="success" safe>
            {p.t('grants.revoked')}
          </p>
          <p safe>{p.t('grants.revokedNote')}</p>
        </div>
      ) : (
        ''
      )}
      <ErrorBox message={v.error} />
      {v.apps.length ? (
        <form method="post" action={`${ACTION}/confirm`} class="form" data-grants-summary="grants-summary">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <p class="lead" id="grants-lead" safe>
            {p.t('grants.lead')}
          </p>
          <div class="table-scroll" role="region" aria-labelledby="grants-caption" tabindex="0">
            <table class="data grants">
              <caption id="grants-caption" safe>
                {p.t('grants.tableCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {p.t('grants.choose')}
                  </th>
                  <th scope="col" safe>
                    {p.t('grants.name')}
                  </th>
                  <th scope="col" safe>
                    {p.t('grants.reads')}
                  </th>
                  <th scope="col" safe>
                    {p.t('grants.since')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.apps.map((app, i) => (
                  <tr>
                    <td>
                      <input
                        type="checkbox"
                        id={`app-${i}`}
                        name={`${CHOICE_PREFIX}${app.clientId}`}
                        value="on"
                        checked={chosen.has(app.clientId)}
                        data-name={app.name}
                        aria-describedby={v.error ? 'form-error' : undefined}
                      />
                    </td>
                    <td>
                      <label for={`app-${i}`}>
                        <AppName p={p} app={app} />
                      </label>
                      {app.firstParty ? (
                        <small class="block" safe>
                          {p.t('grants.firstParty')}
                        </small>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <ul class="scopes">
                        {app.scopes.map((s) => (
                          <li safe>{scopeText(p, s)}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <Time at={app.since} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p id="grants-summary" class="notice" aria-live="polite" data-template={p.t('grants.summary', { count: '{count}', names: '{names}' })} data-none={p.t('grants.summaryNone')} hidden safe>
            {p.t('grants.summaryNone')}
          </p>
          <div class="actions">
            <button type="submit" class="primary" safe>
              {p.t('grants.next')}
            </button>
          </div>
        </form>
      ) : (
        <p safe>{p.t('grants.empty')}</p>
      )}
    </section>,
  );
}

/** The confirm step: the chosen names and how many, then 「取消授權」 (or back to the list). */
export function revokeConfirmPage(p: PageContext, v: { apps: AuthorizedApp[] }) {
  return consoleLayout(
    p,
    p.t('grants.confirmTitle'),
    <section class="card wide" aria-labelledby="confirm-title">
      <h1 id="confirm-title" safe>
        {p.t('grants.confirmTitle')}
      </h1>
      <ul class="chosen-apps">
        {v.apps.map((app) => (
          <li>
            <AppName p={p} app={app} />
          </li>
        ))}
      </ul>
      <p class="big-count" safe>
        {p.t('grants.confirmCount', { count: v.apps.length })}
      </p>
      <p safe>{p.t('grants.confirmLead')}</p>
      <form method="post" action={`${ACTION}/revoke`} class="actions">
        <input type="hidden" name="_csrf" value={p.csrf} />
        {v.apps.map((app) => (
          <input type="hidden" name={`${CHOICE_PREFIX}${app.clientId}`} value="on" />
        ))}
        <button type="submit" class="primary" safe>
          {p.t('grants.revoke')}
        </button>
        <a class="button" href={ACTION} safe>
          {p.t('grants.back')}
        </a>
      </form>
    </section>,
  );
}
