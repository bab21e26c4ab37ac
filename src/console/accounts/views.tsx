import type { AccountPanel, AccountSummary } from '../../admin/account-support.ts';
import type { Principal } from '../../admin/access.ts';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { AccountPanelView, type PanelState } from './panel.tsx';

export interface SearchView {
  q: string;
  error?: string;
  /** undefined before a search. */
  results?: AccountSummary[];
}

/** 帳號查詢: one GET form (account name, email or identity number) and the accounts found within reach. */
export function accountSearchPage(p: PageContext, principal: Principal, v: SearchView) {
  const t = p.t;
  return adminLayout(
    p,
    principal,
    t('admin.accounts.title'),
    <section class="card wide" aria-labelledby="accounts-title">
      <h1 id="accounts-title" safe>
        {t('admin.accounts.title')}
      </h1>
      <ErrorBox message={v.error} />
      <form method="get" action="/admin/accounts" class="form" role="search">
        <div class="field">
          <label for="q" safe>
            {t('admin.accounts.query')}
          </label>
          <input id="q" name="q" type="search" value={v.q} maxlength="254" autocomplete="off" aria-describedby="q-hint" aria-invalid={v.error ? 'true' : undefined} />
          <small id="q-hint" safe>
            {t('admin.accounts.queryHint')}
          </small>
        </div>
        <button type="submit" class="primary" safe>
          {t('admin.accounts.search')}
        </button>
      </form>
      {v.results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" safe>
            {t('admin.accounts.results')}
          </h2>
          {v.results.length ? (
            <ul>
              {v.results.map((a) => (
                <li>
                  <a href={`/admin/accounts/${a.id}`} safe>
                    {`${a.username} ${a.displayName}`}
                  </a>{' '}
                  <span class={`status ${a.status === 'active' ? 'ok' : 'bad'}`} safe>
                    {t(`admin.accounts.state.${a.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p safe>{t('admin.accounts.noResult')}</p>
          )}
        </section>
      ) : (
        ''
      )}
    </section>,
  );
}

/** One account: its panel and the repairs, posted to /admin/accounts/{id}/…. */
export function accountPage(p: PageContext, principal: Principal, a: AccountPanel, v: PanelState & { done?: string }) {
  const t = p.t;
  return adminLayout(
    p,
    principal,
    t('admin.accounts.accountTitle', { username: a.username }),
    <section class="card wide" aria-labelledby="account-title">
      <p>
        <a href="/admin/accounts" safe>
          {t('admin.accounts.title')}
        </a>
      </p>
      <h1 id="account-title" safe>
        {t('admin.accounts.accountTitle', { username: a.username })}
      </h1>
      {v.done ? (
        <p class="notice" role="status" safe>
          {v.done}
        </p>
      ) : (
        ''
      )}
      <AccountPanelView p={p} a={a} base={`/admin/accounts/${a.id}`} state={v} />
    </section>,
  );
}
