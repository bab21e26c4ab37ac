import { PATH, type FirstPasswordPage } from '../../flows/first-password/flow.ts';
import { passwordInput } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** 首次登入設定新密碼: the initial password from the sheet, then the new password twice. */
export function firstPasswordPage(p: PageContext, v: FirstPasswordPage) {
  const title = p.t('firstPassword.title');
  const e = v.errors ?? {};
  return layout(
    p,
    title,
    <section class="card" aria-labelledby="page-title">
      <h1 id="page-title" safe>
        {title}
      </h1>
      <p safe>{p.t('firstPassword.lead')}</p>
      <ErrorBox message={v.error ? p.t(v.error, v.error === 'changePassword.tooMany' ? { minutes: v.retryMinutes ?? 15 } : undefined) : undefined} />
      <form method="post" action={PATH} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="next" value={v.next ?? ''} />
        {passwordInput(p, { name: 'current', label: p.t('firstPassword.current'), hint: p.t('firstPassword.currentHint'), autocomplete: 'current-password', error: e.current })}
        {passwordInput(p, { name: 'password', label: p.t('reset.newPassword'), hint: p.t('register.passwordHint'), autocomplete: 'new-password', error: e.password })}
        {passwordInput(p, { name: 'password2', label: p.t('reset.newPassword2'), autocomplete: 'new-password', error: e.password2 })}
        <button type="submit" class="primary" safe>
          {p.t('firstPassword.submit')}
        </button>
      </form>
      <p>
        <a href="/oidc/v1/userlogout" safe>
          {p.t('menu.logout')}
        </a>
      </p>
    </section>,
  );
}
