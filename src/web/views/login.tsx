import { captchaField, defaultSubmit } from './captcha.tsx';
import { passwordInput } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import { PasskeySignIn } from './passkeys.tsx';
import type { PageContext } from './page-context.ts';

export interface LoginView {
  action: string;
  captchaId: string;
  account?: string;
  error?: string;
  clientName?: string;
  /** The application sign-in waiting, so a county sign-in can continue it. */
  interaction?: string;
}

/** The end of every password sign-in form: password, captcha and 登入 (the login page and county linking). */
export function PasswordCaptchaSubmit({ p, captchaId }: { p: PageContext; captchaId: string }) {
  return (
    <>
      {passwordInput(p, { name: 'password', label: p.t('login.password'), autocomplete: 'current-password' })}
      {captchaField(p, captchaId)}
      <button type="submit" name="action" value="login" class="primary" safe>
        {p.t('login.submit')}
      </button>
    </>
  );
}

/** 忘記帳號 / 忘記密碼 under the login form. */
function ForgotLinks({ p }: { p: PageContext }) {
  return (
    <p class="more">
      <a href="/forgot-account" safe>
        {p.t('forgot.title')}
      </a>
      {' / '}
      <a href="/forgot-password" safe>
        {p.t('forgot.passwordTitle')}
      </a>
    </p>
  );
}

export function RegisterLink({ p }: { p: PageContext }) {
  return (
    <p class="more">
      <a href="/register" safe>
        {p.t('login.register')}
      </a>
    </p>
  );
}

export function loginPage(p: PageContext, v: LoginView) {
  const county = `/county?purpose=login${v.interaction ? `&interaction=${encodeURIComponent(v.interaction)}` : ''}`;
  return layout(
    p,
    p.t('login.title'),
    <section class="card" aria-labelledby="login-title">
      <h1 id="login-title" safe>
        {p.t('login.title')}
      </h1>
      {v.clientName ? (
        <p class="lead" safe>
          {p.t('login.for', { client: v.clientName })}
        </p>
      ) : (
        ''
      )}
      <ErrorBox message={v.error} />
      <form method="post" action={v.action} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {defaultSubmit('login')}
        <div class="field">
          <label for="account" safe>
            {p.t('login.account')}
          </label>
          <input
            id="account"
            name="account"
            value={v.account ?? ''}
            maxlength="100"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            required
            aria-describedby="account-hint"
            aria-invalid={v.error ? 'true' : undefined}
          />
          <small id="account-hint" safe>
            {p.t('login.accountHint')}
          </small>
        </div>
        <PasswordCaptchaSubmit p={p} captchaId={v.captchaId} />
      </form>
      <PasskeySignIn p={p} action={v.action} interaction={v.interaction} />
      <p class="more">
        <a href={county} safe>
          {p.t('county.login')}
        </a>
      </p>
      <ForgotLinks p={p} />
      <RegisterLink p={p} />
    </section>,
  );
}
