import { taipeiTime } from '../../domain/taipei-time.ts';
import { PATH, type PasswordPage } from '../../flows/change-password/flow.ts';
import { consoleLayout } from './console.tsx';
import { passwordInput } from './fields.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** 修改密碼: current password, the new one twice, 「登出其他裝置」; or, within 24 hours of a change, when it unlocks. */
export function changePasswordPage(p: PageContext, v: PasswordPage) {
  const title = p.t('changePassword.title');
  if (v.step === 'locked')
    return consoleLayout(
      p,
      title,
      <section class="card" aria-labelledby="page-title">
        <h1 id="page-title" safe>
          {title}
        </h1>
        {v.changed ? (
          <div role="status">
            <p class="success" safe>
              {p.t('changePassword.done')}
            </p>
            {v.othersEnded ? <p safe>{p.t('changePassword.doneOthers')}</p> : ''}
          </div>
        ) : (
          ''
        )}
        <p class="notice" safe>
          {p.t('changePassword.locked')}
        </p>
        <p id="unlocks-at" safe>
          {p.t('changePassword.unlocksAt', { time: taipeiTime(v.until) })}
        </p>
      </section>,
    );
  const e = v.errors ?? {};
  return consoleLayout(
    p,
    title,
    <section class="card" aria-labelledby="page-title">
      <h1 id="page-title" safe>
        {title}
      </h1>
      <p safe>{p.t('changePassword.lead')}</p>
      <ErrorBox message={v.error ? p.t(v.error, v.error === 'changePassword.tooMany' ? { minutes: v.retryMinutes ?? 15 } : undefined) : undefined} />
      <form method="post" action={PATH} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {passwordInput(p, { name: 'current', label: p.t('changePassword.current'), autocomplete: 'current-password', error: e.current })}
        {passwordInput(p, { name: 'password', label: p.t('reset.newPassword'), hint: p.t('register.passwordHint'), autocomplete: 'new-password', error: e.password })}
        {passwordInput(p, { name: 'password2', label: p.t('reset.newPassword2'), autocomplete: 'new-password', error: e.password2 })}
        <div class="field">
          <label>
            <input type="checkbox" id="sign_out_others" name="sign_out_others" value="on" checked={v.signOutOthers} aria-describedby="sign_out_others-hint" />{' '}
            <span safe>{p.t('changePassword.signOutOthers')}</span>
          </label>
          <small id="sign_out_others-hint" safe>
            {p.t('changePassword.signOutOthersHint')}
          </small>
        </div>
        <button type="submit" class="primary" safe>
          {p.t('changePassword.submit')}
        </button>
      </form>
      <p>
        <a href="/forgot-password" safe>
          {p.t('changePassword.forgot')}
        </a>
      </p>
    </section>,
  );
}
