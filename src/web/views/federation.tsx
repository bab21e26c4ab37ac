import { Html } from '@kitajs/html';
import { defaultLabels, type CountyLabels, type CountyProvider } from '../../methods/county-providers.ts';
import type { Purpose } from '../../flows/federation/flow.ts';
import { placeName } from '../../i18n/data-names.ts';
import { defaultSubmit } from './captcha.tsx';
import { PasswordCaptchaSubmit, RegisterLink } from './login.tsx';
import { accountSummary, passwordInput, textField, type FieldError } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

const purposeTitle: Record<Purpose, string> = {
  login: 'county.login',
  register: 'county.register',
  'forgot-account': 'county.forgotAccount',
  'reset-password': 'county.resetPassword',
};

const q = encodeURIComponent;

export const startHref = (providerId: string, purpose: Purpose, interaction?: string) =>
  `/county/${q(providerId)}/start?purpose=${purpose}${interaction ? `&interaction=${q(interaction)}` : ''}`;

type CountyTile = { code: string; name: string; english?: string; provider?: CountyProvider };

function County({ c, purpose, interaction, p }: { c: CountyTile; purpose: Purpose; interaction?: string; p: PageContext }) {
  if (!c.provider)
    return (
      <li>
        <span class="county" aria-disabled="true">
          {Html.escapeHtml(placeName(p.lang, c))}
          <small safe>{p.t('county.notConfigured')}</small>
        </span>
      </li>
    );
  const id = q(c.provider.id);
  return (
    <li>
      <a class="county active" href={`/county/${id}?purpose=${purpose}${interaction ? `&interaction=${q(interaction)}` : ''}`}>
        {c.provider.hasIcon ? <img src={`/county/${id}/icon`} alt="" width="48" height="48" /> : ''}
        {Html.escapeHtml(placeName(p.lang, c))}
      </a>
    </li>
  );
}

/** Where to go when no county is configured: the way of the same purpose that needs no county. */
const otherWay = (purpose: Purpose, interaction?: string) =>
  ({
    'forgot-account': '/forgot-account/id',
    'reset-password': '/forgot-password/code',
    register: '/register/verify',
    login: interaction ? `/interaction/${q(interaction)}` : '/login',
  })[purpose];

/** 縣市帳號: every county as a tile; only configured ones are links (the manual's map of counties). */
export function countyMapPage(p: PageContext, v: { purpose: Purpose; interaction?: string; counties: CountyTile[] }) {
  return layout(
    p,
    p.t(purposeTitle[v.purpose]),
    <section class="card wide" aria-labelledby="county-title">
      <h1 id="county-title" safe>
        {p.t(purposeTitle[v.purpose])}
      </h1>
      {v.counties.some((c) => c.provider) ? (
        <>
          <p safe>{p.t('county.choose')}</p>
          <ul class="county-grid">
            {v.counties.map((c) => (
              <County c={c} purpose={v.purpose} interaction={v.interaction} p={p} />
            ))}
          </ul>
        </>
      ) : (
        <>
          <p safe>{p.t('county.noneConfigured')}</p>
          <p>
            <a class="button primary" href={otherWay(v.purpose, v.interaction)} safe>
              {p.t(`county.useOther.${v.purpose}`)}
            </a>
          </p>
        </>
      )}
    </section>,
  );
}

/** A county's labels as configured; the manual's defaults are shown in the page's language. */
function localLabels(p: PageContext, labels: CountyLabels): CountyLabels {
  const pick = (name: keyof CountyLabels, key: 'county.label.login' | 'county.label.forgotAccount' | 'county.label.resetPassword') =>
    labels[name] === defaultLabels[name] ? p.t(key) : labels[name];
  return { login: pick('login', 'county.label.login'), forgotAccount: pick('forgotAccount', 'county.label.forgotAccount'), resetPassword: pick('resetPassword', 'county.label.resetPassword') };
}

/** One county: the manual's button for this purpose, then 「教育人員登入」 to the county's own login. */
export function countyPage(p: PageContext, v: { provider: CountyProvider; purpose: Purpose; interaction?: string }) {
  const l = localLabels(p, v.provider.labels);
  const lead = v.purpose === 'forgot-account' ? l.forgotAccount : v.purpose === 'reset-password' ? l.resetPassword : p.t(purposeTitle[v.purpose]);
  return layout(
    p,
    v.provider.displayName,
    <section class="card" aria-labelledby="county-title">
      <h1 id="county-title" safe>
        {`${v.provider.countyName}：${v.provider.displayName}`}
      </h1>
      <p safe>{lead}</p>
      <p>
        <a class="button primary" href={startHref(v.provider.id, v.purpose, v.interaction)} safe>
          {l.login}
        </a>
      </p>
      <p class="more">
        <a href={`/county?purpose=${v.purpose}`} safe>
          {p.t('register.back')}
        </a>
      </p>
    </section>,
  );
}

export function yourAccountPage(p: PageContext, v: { username: string; next: string }) {
  return layout(
    p,
    p.t('county.login'),
    <section class="card" role="status">
      <h1 safe>{p.t('county.login')}</h1>
      <p class="success">
        <strong safe>{p.t('county.yourAccount', { username: v.username })}</strong>
      </p>
      <p>
        <a class="button primary" href={v.next} safe>
          {p.t('county.gotIt')}
        </a>
      </p>
    </section>,
  );
}

export function linkPage(p: PageContext, v: { captchaId: string; account?: string; error?: string }) {
  return layout(
    p,
    p.t('county.linkTitle'),
    <section class="card" aria-labelledby="link-title">
      <h1 id="link-title" safe>
        {p.t('county.linkTitle')}
      </h1>
      <p safe>{p.t('county.notLinked')}</p>
      <ErrorBox message={v.error} />
      <form method="post" action="/federation/link" class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {defaultSubmit('login')}
        {textField(p, { name: 'account', label: p.t('login.account'), value: v.account, autocomplete: 'username', hint: p.t('login.accountHint') })}
        <PasswordCaptchaSubmit p={p} captchaId={v.captchaId} />
      </form>
      <RegisterLink p={p} />
    </section>,
  );
}

export function forgotResultPage(p: PageContext, v: { username: string }) {
  return layout(
    p,
    p.t('forgot.title'),
    <section class="card" role="status">
      <h1 safe>{p.t('forgot.title')}</h1>
      <p safe>{p.t('county.forgotResult')}</p>
      <p class="big-account">
        <strong safe>{v.username}</strong>
      </p>
      <p class="actions">
        <a class="button primary" href="/login" safe>
          {p.t('menu.login')}
        </a>{' '}
        <a class="button" href="/county?purpose=reset-password" safe>
          {p.t('forgot.passwordTitle')}
        </a>
      </p>
    </section>,
  );
}

export function resetPage(p: PageContext, v: { username: string; name: string; errors?: Record<string, FieldError>; locked?: boolean }) {
  return layout(
    p,
    p.t('reset.title'),
    <section class="card" aria-labelledby="reset-title">
      <h1 id="reset-title" safe>
        {p.t('reset.title')}
      </h1>
      {accountSummary(p, v.username, v.name)}
      {v.locked ? (
        <ErrorBox message={p.t('reset.locked')} />
      ) : (
        <form method="post" action="/federation/reset" class="form" novalidate>
          <input type="hidden" name="_csrf" value={p.csrf} />
          {passwordInput(p, { name: 'password', label: p.t('reset.newPassword'), hint: p.t('register.passwordHint'), autocomplete: 'new-password', error: v.errors?.password })}
          {passwordInput(p, { name: 'password2', label: p.t('reset.newPassword2'), autocomplete: 'new-password', error: v.errors?.password2 })}
          <button type="submit" class="primary" safe>
            {p.t('reset.submit')}
          </button>
        </form>
      )}
    </section>,
  );
}
