import type { AccountPanel } from '../../admin/account-support.ts';
import { Time } from '../../web/views/sign-in-records.tsx';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';

/** Which repair form failed, and why; or which one just succeeded. */
export interface PanelState {
  error?: { form: 'enable' | 'resend' | 'reset'; message: string };
  reason?: string;
}

/** One labelled row of a two-column table (a ticket's entries, an account's state). */
export function Row({ label, children }: { label: string; children: JSX.Element | string }) {
  return (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td>{children}</td>
    </tr>
  );
}

const csrf = (p: PageContext) => <input type="hidden" name="_csrf" value={p.csrf} />;

/** The account's state, schools and recent sign-ins, with the repairs a helpdesk makes; the forms post to `base` + /enable, /resend-verification, /reset-two-factor. */
export function AccountPanelView({ p, a, base, state = {} }: { p: PageContext; a: AccountPanel; base: string; state?: PanelState }) {
  const t = p.t;
  const status = a.status === 'active' ? t('admin.accounts.state.active') : a.disabledReason ? t(`admin.accounts.disabled.${a.disabledReason}`) : t('admin.accounts.state.disabled');
  const none = t('admin.accounts.none');
  // A refusal of a form this state no longer shows (re-enable an active account) is said above the panel.
  const orphan = (state.error?.form === 'enable' && a.status !== 'disabled') || (state.error?.form === 'reset' && !a.twoFactor);
  return (
    <section aria-labelledby="account-panel-title" class="account-panel">
      <h2 id="account-panel-title" safe>
        {t('admin.accounts.panel')}
      </h2>
      <ErrorBox message={orphan ? state.error?.message : undefined} />
      <table class="data">
        <Row label={t('admin.accounts.username')}>
          <a href={`/admin/accounts/${a.id}`} safe>
            {a.username}
          </a>
        </Row>
        <Row label={t('admin.accounts.displayName')}>{<span safe>{a.displayName}</span>}</Row>
        <Row label={t('admin.accounts.state')}>
          <span class={`status ${a.status === 'active' ? 'ok' : 'bad'}`} safe>
            {status}
          </span>
        </Row>
        <Row label={t('admin.accounts.email')}>
          <span safe>{a.email ? `${a.email}（${t(a.emailVerified ? 'admin.accounts.verified' : 'admin.accounts.unverified')}）` : none}</span>
        </Row>
        <Row label={t('admin.accounts.mobile')}>{<span safe>{a.mobile ?? none}</span>}</Row>
        <Row label={t('admin.accounts.twoFactor')}>{<span safe>{t(a.twoFactor ? 'admin.accounts.twoFactorOn' : 'admin.accounts.twoFactorOff')}</span>}</Row>
        <Row label={t('admin.accounts.created')}>
          <Time at={a.createdAt} />
        </Row>
        <Row label={t('admin.accounts.affiliations')}>
          {a.affiliations.length ? (
            <ul>
              {a.affiliations.map((f) => (
                <li safe>{`${f.schoolName}（${f.schoolCode}） ${f.identity}${f.titles.length ? ` ${f.titles.join('、')}` : ''}`}</li>
              ))}
            </ul>
          ) : (
            <span safe>{t('admin.accounts.noAffiliation')}</span>
          )}
        </Row>
      </table>

      <h3 id="sign-ins-title" safe>
        {t('admin.accounts.signIns')}
      </h3>
      {a.signIns.length ? (
        <div class="table-scroll" role="region" aria-labelledby="sign-ins-title" tabindex="0">
          <table class="data">
            <thead>
              <tr>
                {(['records.time', 'records.result', 'records.method', 'records.ip', 'records.browser'] as const).map((k) => (
                  <th scope="col" safe>
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {a.signIns.map((r) => (
                <tr>
                  <td>
                    <Time at={r.at} />
                  </td>
                  <td>
                    <span class={`status ${r.result === 'succeeded' ? 'ok' : 'bad'}`} safe>
                      {t(`records.result.${r.result}`)}
                    </span>
                  </td>
                  <td safe>{t(`records.method.${r.method}`)}</td>
                  <td safe>{r.ip ?? t('records.unknown')}</td>
                  <td safe>{[r.browser, r.system].filter(Boolean).join(' / ') || t('records.unknown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p safe>{t('admin.accounts.noSignIns')}</p>
      )}

      {a.status === 'disabled' ? (
        <form method="post" action={`${base}/enable`} class="form" aria-labelledby="enable-title">
          <h3 id="enable-title" safe>
            {t('admin.accounts.enableTitle')}
          </h3>
          <ErrorBox message={state.error?.form === 'enable' ? state.error.message : undefined} />
          {csrf(p)}
          <button type="submit" safe>
            {t('admin.accounts.enable')}
          </button>
        </form>
      ) : (
        ''
      )}

      <form method="post" action={`${base}/resend-verification`} class="form" aria-labelledby="resend-title">
        <h3 id="resend-title" safe>
          {t('admin.accounts.resendTitle')}
        </h3>
        <p class="lead" safe>
          {t('admin.accounts.resendHint')}
        </p>
        <ErrorBox message={state.error?.form === 'resend' ? state.error.message : undefined} />
        {csrf(p)}
        <button type="submit" safe>
          {t('admin.accounts.resend')}
        </button>
      </form>

      {a.twoFactor ? (
        <form method="post" action={`${base}/reset-two-factor`} class="form" aria-labelledby="reset-title">
          <h3 id="reset-title" safe>
            {t('admin.accounts.resetTitle')}
          </h3>
          <p class="lead" id="reset-hint" safe>
            {t('admin.accounts.resetHint')}
          </p>
          <ErrorBox message={state.error?.form === 'reset' ? state.error.message : undefined} />
          {csrf(p)}
          <div class="field">
            <label for="reason" safe>
              {t('admin.accounts.reason')}
            </label>
            <textarea id="reason" name="reason" rows="3" maxlength="500" required aria-describedby="reset-hint" aria-invalid={state.error?.form === 'reset' ? 'true' : undefined} safe>
              {state.reason ?? ''}
            </textarea>
          </div>
          <button type="submit" safe>
            {t('admin.accounts.reset')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}
