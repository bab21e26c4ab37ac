import type { Children } from '@kitajs/html';
import { basePath, stepPath, type Purpose } from '../../flows/recovery/flow.ts';
import type { RecoveryPage } from '../../flows/recovery/service.ts';
import { captchaField, defaultSubmit } from './captcha.tsx';
import { accountSummary, passwordInput, textField } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

const titleKey = (purpose: Purpose) => (purpose === 'reset' ? 'recovery.title.reset' : 'recovery.title.activation');
const cancelHref = (purpose: Purpose) => (purpose === 'reset' ? '/forgot-password' : '/login');

function Card({ p, purpose, children }: { p: PageContext; purpose: Purpose; children: Children }) {
  return (
    <section class="card" aria-labelledby="recovery-title">
      <h1 id="recovery-title" safe>
        {p.t(titleKey(purpose))}
      </h1>
      {children}
    </section>
  );
}

const NoCode = ({ p }: { p: PageContext }) => (
  <p>
    <a href="/contact?category=no-code" safe>
      {p.t('recovery.noCode')}
    </a>
  </p>
);

/** 陸: the two ways to a new password. */
export function choicePage(p: PageContext) {
  return layout(
    p,
    p.t('recovery.choiceTitle'),
    <section class="card" aria-labelledby="recovery-title">
      <h1 id="recovery-title" safe>
        {p.t('recovery.choiceTitle')}
      </h1>
      <p safe>{p.t('recovery.choiceLead')}</p>
      <p class="actions">
        <a class="button" href="/forgot-password/code" safe>
          {p.t('recovery.byCode')}
        </a>
        <a class="button" href="/county?purpose=reset-password" safe>
          {p.t('recovery.byCounty')}
        </a>
      </p>
    </section>,
  );
}

export function recoveryPage(p: PageContext, v: RecoveryPage) {
  const e = 'errors' in v ? (v.errors ?? {}) : {};
  const title = p.t(titleKey(v.purpose));
  switch (v.step) {
    case 'account':
      return layout(
        p,
        title,
        <Card p={p} purpose={v.purpose}>
          <p safe>{p.t('recovery.accountLead')}</p>
          <ErrorBox message={v.tooMany ? p.t('recovery.tooMany') : undefined} />
          <form method="post" action={basePath(v.purpose)} class="form" novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            {defaultSubmit('send')}
            {textField(p, { name: 'account', label: p.t('recovery.account'), value: v.account, error: e.account, autocomplete: 'username' })}
            {captchaField(p, v.captchaId)}
            {e.captcha ? (
              <p class="field-error" role="alert" safe>
                {p.t(e.captcha.key)}
              </p>
            ) : (
              ''
            )}
            <div class="actions">
              <a class="button" href={cancelHref(v.purpose)} safe>
                {p.t('recovery.cancel')}
              </a>
              <button type="submit" name="action" value="send" class="primary" safe>
                {p.t('recovery.sendCode')}
              </button>
            </div>
          </form>
          <NoCode p={p} />
        </Card>,
      );
    case 'code':
      return layout(
        p,
        title,
        <Card p={p} purpose={v.purpose}>
          <p safe>{p.t('recovery.codeLead')}</p>
          {v.notice === 'resent' ? (
            <p role="status" safe>
              {p.t('recovery.resent')}
            </p>
          ) : (
            ''
          )}
          <form method="post" action={stepPath(v.purpose, 'code')} class="form" novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            {defaultSubmit('verify')}
            {textField(p, { name: 'code', label: p.t('recovery.code'), error: e.code, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' })}
            <div class="actions">
              <a class="button" href={cancelHref(v.purpose)} safe>
                {p.t('recovery.cancel')}
              </a>
              <button type="submit" name="action" value="verify" class="primary" safe>
                {p.t('recovery.startVerify')}
              </button>
              <button type="submit" name="action" value="resend" formnovalidate disabled={v.wait > 0} aria-describedby={v.wait > 0 ? 'resend-wait' : undefined} safe>
                {p.t('recovery.resend')}
              </button>
            </div>
            {v.wait > 0 ? (
              <p id="resend-wait" role={v.notice === 'wait' ? 'alert' : undefined} data-countdown={String(v.wait)} safe>
                {p.t('recovery.wait', { seconds: v.wait })}
              </p>
            ) : (
              ''
            )}
          </form>
          <NoCode p={p} />
        </Card>,
      );
    case 'reset':
      return layout(
        p,
        title,
        <Card p={p} purpose={v.purpose}>
          {accountSummary(p, v.username, v.name)}
          <form method="post" action={stepPath(v.purpose, 'reset')} class="form" novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            {passwordInput(p, { name: 'password', label: p.t('reset.newPassword'), hint: p.t('register.passwordHint'), autocomplete: 'new-password', error: e.password })}
            {passwordInput(p, { name: 'password2', label: p.t('reset.newPassword2'), autocomplete: 'new-password', error: e.password2 })}
            <button type="submit" class="primary" safe>
              {p.t('reset.submit')}
            </button>
          </form>
        </Card>,
      );
    case 'done':
      return layout(
        p,
        title,
        <Card p={p} purpose={v.purpose}>
          <p role="status" safe>
            {p.t(v.purpose === 'reset' ? 'recovery.done.reset' : 'recovery.done.activation')}
          </p>
          <p class="actions">
            <a class="button" href="/forgot-account" safe>
              {p.t('recovery.forgotAccount')}
            </a>
            <a class="button" href="/login" safe>
              {p.t('recovery.login')}
            </a>
          </p>
        </Card>,
      );
    case 'helpdesk':
      return layout(
        p,
        title,
        <Card p={p} purpose={v.purpose}>
          <p class="error" role="alert" safe>
            {p.t('recovery.helpdesk')}
          </p>
          <p class="actions">
            <a class="button" href="/contact" safe>
              {p.t('recovery.contact')}
            </a>
          </p>
        </Card>,
      );
  }
}

/** The flow expired or was never started in this browser. */
export function expiredPage(p: PageContext, purpose: Purpose) {
  return layout(
    p,
    p.t(titleKey(purpose)),
    <Card p={p} purpose={purpose}>
      <p class="error" role="alert" safe>
        {p.t('recovery.expired')}
      </p>
      <p class="actions">
        <a class="button" href={`${basePath(purpose)}?new=1`} safe>
          {p.t('recovery.restart')}
        </a>
      </p>
    </Card>,
  );
}

