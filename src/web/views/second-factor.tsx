import { SECOND_FACTOR_PATH, type Mode } from '../../flows/second-factor/flow.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { textField } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** The second step of a sign-in with two-factor on: a code of the app, or 「使用備用代碼」. */
export function secondFactorPage(p: PageContext, v: { mode: Mode; errors?: FieldErrors }, extra: JSX.Element | string = '') {
  const recovery = v.mode === 'recovery';
  const e = v.errors ?? {};
  return layout(
    p,
    p.t('secondFactor.title'),
    <section class="card" aria-labelledby="second-factor-title">
      <h1 id="second-factor-title" safe>
        {p.t('secondFactor.title')}
      </h1>
      <p safe>{p.t(recovery ? 'secondFactor.recoveryLead' : 'secondFactor.lead')}</p>
      <form method="post" action={SECOND_FACTOR_PATH} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="mode" value={v.mode} />
        {recovery
          ? textField(p, { name: 'code', label: p.t('secondFactor.recoveryCode'), hint: p.t('secondFactor.recoveryHint'), error: e.code, maxlength: 20 })
          : textField(p, { name: 'code', label: p.t('twoFactor.code'), hint: p.t('twoFactor.codeHint'), error: e.code, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' })}
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('secondFactor.verify')}
          </button>
        </div>
      </form>
      <p>
        <a href={recovery ? SECOND_FACTOR_PATH : `${SECOND_FACTOR_PATH}?mode=recovery`} safe>
          {p.t(recovery ? 'secondFactor.useApp' : 'secondFactor.useRecovery')}
        </a>
      </p>
      {/* Passkeys (another part of issue 9) offer their way to finish here. */}
      <div id="passkey-second-factor">{extra}</div>
      <form method="post" action={`${SECOND_FACTOR_PATH}/cancel`}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <button type="submit" safe>
          {p.t('secondFactor.cancel')}
        </button>
      </form>
    </section>,
  );
}

export function secondFactorExpiredPage(p: PageContext) {
  return layout(
    p,
    p.t('secondFactor.title'),
    <section class="card" aria-labelledby="second-factor-title">
      <h1 id="second-factor-title" safe>
        {p.t('secondFactor.title')}
      </h1>
      <ErrorBox message={p.t('secondFactor.expired')} />
      <p class="actions">
        <a class="button primary" href="/login" safe>
          {p.t('secondFactor.login')}
        </a>
      </p>
    </section>,
  );
}
