import { REAUTH_PATH } from '../../flows/kit/signed-in.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { consoleLayout } from './console.tsx';
import { passwordInput, textField } from './fields.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export interface ReauthView {
  username: string;
  /** Two-factor is on: the code (or a recovery code) is asked too. */
  needsCode: boolean;
  /** The local page to return to, carried by the form. */
  next: string;
  errors?: FieldErrors;
}

/** The password asked again before a sensitive change: the account shown read-only, the password (and the code). */
export function reauthPage(p: PageContext, v: ReauthView) {
  const e = v.errors ?? {};
  const title = p.t('reauth.title');
  return consoleLayout(
    p,
    title,
    <section class="card" aria-labelledby="reauth-title">
      <h1 id="reauth-title" safe>
        {title}
      </h1>
      <p safe>{p.t(v.needsCode ? 'reauth.leadCode' : 'reauth.lead')}</p>
      <ErrorBox message={e.form && p.t(e.form.key, e.form.params)} />
      <form method="post" action={REAUTH_PATH} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="next" value={v.next} />
        <div class="field">
          <label for="account" safe>
            {p.t('reauth.account')}
          </label>
          <input id="account" name="account" value={v.username} readonly autocomplete="username" />
        </div>
        {passwordInput(p, { name: 'password', label: p.t('reauth.password'), autocomplete: 'current-password', error: e.password })}
        {v.needsCode
          ? textField(p, { name: 'code', label: p.t('reauth.code'), hint: p.t('reauth.codeHint'), error: e.code, autocomplete: 'one-time-code', maxlength: 40 })
          : ''}
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('reauth.confirm')}
          </button>
          <a class="button" href="/account" safe>
            {p.t('reauth.cancel')}
          </a>
        </div>
      </form>
    </section>,
  );
}
