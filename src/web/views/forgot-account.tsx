import { captchaField, defaultSubmit } from './captcha.tsx';
import { textField, type FieldError } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** 伍 忘記帳號: the two ways of the manual. */
export function forgotAccountChoicePage(p: PageContext) {
  return layout(
    p,
    p.t('forgot.title'),
    <section class="card" aria-labelledby="forgot-title">
      <h1 id="forgot-title" safe>
        {p.t('forgot.title')}
      </h1>
      <p safe>{p.t('forgotAccount.choose')}</p>
      <ul class="choices">
        <li>
          <a class="button" href="/county?purpose=forgot-account" safe>
            {p.t('forgotAccount.byCounty')}
          </a>
        </li>
        <li>
          <a class="button primary" href="/forgot-account/id" safe>
            {p.t('forgotAccount.byId')}
          </a>
        </li>
      </ul>
    </section>,
  );
}

export interface LookupView {
  captchaId: string;
  idNumber?: string;
  error?: string;
  fieldErrors?: { id_number?: FieldError };
}

/** 伍.2: the number, captcha, 「帳號取得」. */
export function forgotAccountIdPage(p: PageContext, v: LookupView) {
  return layout(
    p,
    p.t('forgotAccount.byId'),
    <section class="card" aria-labelledby="forgot-title">
      <h1 id="forgot-title" safe>
        {p.t('forgotAccount.byId')}
      </h1>
      <ErrorBox message={v.error} />
      <form method="post" action="/forgot-account/id" class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {defaultSubmit('lookup')}
        {textField(p, { name: 'id_number', label: p.t('forgotAccount.idNumber'), value: v.idNumber, error: v.fieldErrors?.id_number, maxlength: 30, autocomplete: 'off' })}
        {captchaField(p, v.captchaId)}
        <button type="submit" name="action" value="lookup" class="primary" safe>
          {p.t('forgotAccount.submit')}
        </button>
      </form>
      <p class="more">
        <a href="/forgot-account" safe>
          {p.t('register.back')}
        </a>
      </p>
    </section>,
  );
}

/** The account, with 「登入」 and 「忘記密碼」. */
export function forgotAccountResultPage(p: PageContext, v: { shown: string; masked: boolean }) {
  return layout(
    p,
    p.t('forgot.title'),
    <section class="card" role="status" aria-labelledby="forgot-title">
      <h1 id="forgot-title" safe>
        {p.t('forgot.title')}
      </h1>
      <p safe>{p.t('forgotAccount.result')}</p>
      <p class="success">
        <strong class="account-name" safe>
          {v.shown}
        </strong>
      </p>
      {v.masked ? <p safe>{p.t('forgotAccount.maskedHint')}</p> : ''}
      <p class="actions">
        <a class="button primary" href="/login" safe>
          {p.t('menu.login')}
        </a>
        <a class="button" href="/forgot-password" safe>
          {p.t('forgot.passwordTitle')}
        </a>
      </p>
    </section>,
  );
}
