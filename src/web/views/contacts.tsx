import type { Children } from '@kitajs/html';
import { basePath, stepPath } from '../../flows/contacts/flow.ts';
import type { ContactsPage } from '../../flows/contacts/service.ts';
import { defaultSubmit } from './captcha.tsx';
import { consoleLayout } from './console.tsx';
import { textField } from './fields.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

function Card({ p, children }: { p: PageContext; children: Children }) {
  return (
    <section class="card" aria-labelledby="contacts-title">
      <h1 id="contacts-title" safe>
        {p.t('contacts.title')}
      </h1>
      {children}
    </section>
  );
}

const Cancel = ({ p }: { p: PageContext }) => (
  <a class="button" href="/account" safe>
    {p.t('contacts.cancel')}
  </a>
);

/** 參 steps 3–4: the email and mobile, their codes, 「資料更新成功」 (the password is asked again at /account/confirm). */
export function contactsPage(p: PageContext, v: ContactsPage) {
  const e = 'errors' in v ? (v.errors ?? {}) : {};
  const tooMany = 'tooMany' in v && v.tooMany;
  const formError = tooMany ? p.t('contacts.tooMany') : e.form && p.t(e.form.key, e.form.params);
  const page = (body: JSX.Element) => consoleLayout(p, p.t('contacts.title'), <Card p={p}>{body}</Card>);
  switch (v.step) {
    case 'form':
      return page(
        <>
          <ErrorBox message={formError || undefined} />
          <form method="post" action={basePath} class="form" novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            {textField(p, { name: 'email', label: p.t('contacts.email'), value: v.email, error: e.email, hint: p.t('contacts.emailHint'), type: 'email', autocomplete: 'email', maxlength: 254 })}
            {textField(p, { name: 'mobile', label: p.t('contacts.mobile'), value: v.mobile, error: e.mobile, hint: p.t('contacts.mobileHint'), type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 20, optional: true })}
            <p safe>{p.t('contacts.codesWillBeSent')}</p>
            <div class="actions">
              <Cancel p={p} />
              <button type="submit" class="primary" safe>
                {p.t('contacts.save')}
              </button>
            </div>
          </form>
        </>,
      );
    case 'codes':
      return page(
        <>
          <p safe>{p.t('contacts.codesLead')}</p>
          {v.notice === 'resent' ? (
            <p role="status" safe>
              {p.t('contacts.resent')}
            </p>
          ) : (
            ''
          )}
          <ErrorBox message={formError || undefined} />
          <form method="post" action={stepPath('codes')} class="form" novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            {defaultSubmit('verify')}
            {v.email
              ? textField(p, { name: 'email_code', label: p.t('contacts.emailCode', { to: v.email }), error: e.email_code, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' })
              : ''}
            {v.mobile
              ? textField(p, { name: 'sms_code', label: p.t('contacts.smsCode', { to: v.mobile }), error: e.sms_code, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' })
              : ''}
            <div class="actions">
              <Cancel p={p} />
              <button type="submit" name="action" value="verify" class="primary" safe>
                {p.t('contacts.verify')}
              </button>
              <button type="submit" name="action" value="resend" formnovalidate disabled={v.wait > 0} aria-describedby={v.wait > 0 ? 'resend-wait' : undefined} safe>
                {p.t('contacts.resend')}
              </button>
            </div>
            {v.wait > 0 ? (
              <p id="resend-wait" role={v.notice === 'wait' ? 'alert' : undefined} data-countdown={String(v.wait)} safe>
                {p.t('contacts.wait', { seconds: v.wait })}
              </p>
            ) : (
              ''
            )}
          </form>
        </>,
      );
    case 'done':
      return page(
        <>
          <p role="status" safe>
            {p.t('contacts.done')}
          </p>
          <p class="actions">
            <a class="button primary" href="/account" safe>
              {p.t('contacts.ok')}
            </a>
          </p>
        </>,
      );
  }
}
