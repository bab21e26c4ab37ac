import type { Children } from '@kitajs/html';
import { Html } from '@kitajs/html';
import type { RegistrationState, FieldErrors } from '../../flows/registration/flow.ts';
import { steps } from '../../flows/registration/flow.ts';
import type { ClassInfo } from '../../storage/ports.ts';
import { identityName, levelName, placeName } from '../../i18n/data-names.ts';
import { captchaField, defaultSubmit } from './captcha.tsx';
import { passwordInput, selectField, textField } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

/** A list entry; `english` is the shipped English name of a county or district, shown on English pages. */
type Option = { value: string; label: string; english?: string };

function page(p: PageContext, step: RegistrationState['step'], body: JSX.Element, notice?: string) {
  const n = steps.indexOf(step) + 1;
  const name = p.t(`register.step.${step}`);
  return layout(
    p,
    `${p.t('register.title')} - ${name}`,
    <section class="card" aria-labelledby="step-title">
      <p class="steps" safe>
        {p.t('register.stepOf', { n, total: steps.length, name })}
      </p>
      <h1 id="step-title" safe>
        {name}
      </h1>
      {notice ? (
        <p class="notice" role="status" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      {body}
    </section>,
  );
}

function Form({ p, action, children }: { p: PageContext; action: string; children: Children }) {
  return (
    <form method="post" action={`/register/${action}`} class="form" novalidate>
      <input type="hidden" name="_csrf" value={p.csrf} />
      {children}
    </form>
  );
}

function Back({ p, to }: { p: PageContext; to: string }) {
  return (
    <a class="button" href={`/register/${to}`} safe>
      {p.t('register.back')}
    </a>
  );
}

/** A 「回報問題」 link: 聯絡我們 with the category chosen and this flow's data filled in. */
function ReportButton({ category, label }: { p: PageContext; category: string; label: string }) {
  return (
    <p class="more">
      <a href={`/contact?category=${category}&from=register`} safe>
        {label}
      </a>
    </p>
  );
}

function FieldErrorLine({ p, error, alert }: { p: PageContext; error?: { key: string }; alert?: boolean }) {
  return error ? (
    <p class="field-error" role={alert ? 'alert' : undefined} safe>
      {p.t(error.key)}
    </p>
  ) : (
    ''
  );
}

export function identityStep(p: PageContext, s: RegistrationState, errors: FieldErrors = {}) {
  return page(
    p,
    'identity',
    <Form p={p} action="identity">
      <fieldset>
        <legend safe>{p.t('register.chooseIdentity')}</legend>
        <label class="choice">
          <input type="radio" name="role" value="teacher" checked={s.role === 'teacher'} required /> {Html.escapeHtml(p.t('register.teacher'))}
        </label>
      </fieldset>
      <FieldErrorLine p={p} error={errors.role} />
      <div class="actions">
        <button type="submit" class="primary" safe>
          {p.t('register.next')}
        </button>
      </div>
    </Form>,
  );
}

export interface SchoolLists {
  counties: Option[];
  districts: Option[];
  levels: Option[];
  schools: Option[];
}

export function schoolStep(p: PageContext, s: RegistrationState, lists: SchoolLists, errors: FieldErrors = {}) {
  const place = s.place;
  const local = (options: Option[]) => options.map((o) => ({ value: o.value, label: placeName(p.lang, { name: o.label, english: o.english }) }));
  const levels = lists.levels.map((l) => ({ value: l.value, label: levelName(p.lang, l.label) }));
  return page(
    p,
    'school',
    <>
      <Form p={p} action="school">
        {defaultSubmit('next')}
        <div class="cascade" data-cascade>
          {selectField(p, { name: 'county', label: p.t('register.county'), options: local(lists.counties), value: place.county, placeholder: p.t('register.pick') })}
          {selectField(p, { name: 'district', label: p.t('register.district'), options: local(lists.districts), value: place.district, placeholder: p.t('register.pick') })}
          {selectField(p, { name: 'level', label: p.t('register.level'), options: levels, value: place.level, placeholder: p.t('register.pick') })}
          {selectField(p, { name: 'school', label: p.t('register.school'), options: lists.schools, value: place.school, placeholder: p.t('register.pick'), error: errors.school })}
          <button type="submit" name="action" value="refresh" class="cascade-refresh" safe>
            {p.t('register.refresh')}
          </button>
        </div>
        <div class="actions">
          <Back p={p} to="identity" />
          <button type="submit" name="action" value="next" class="primary" safe>
            {p.t('register.next')}
          </button>
        </div>
      </Form>
      <ReportButton p={p} category="school-not-found" label={p.t('register.schoolNotFound')} />
    </>,
  );
}

export function verifyStep(
  p: PageContext,
  v: { schoolName: string; captchaId: string; countyStart?: string; name?: string; idNumber?: string; birthday?: string; errors?: FieldErrors; notFound?: boolean; tooMany?: boolean },
) {
  const e = v.errors ?? {};
  const stop = v.tooMany ? p.t('register.tooMany') : v.notFound ? p.t('register.notFound') : undefined;
  return page(
    p,
    'verify',
    <>
      <p safe>{p.t('register.verifyLead', { school: v.schoolName })}</p>
      {v.countyStart ? (
        <p class="county-option">
          <a class="button" href={v.countyStart} safe>
            {p.t('county.register')}
          </a>
        </p>
      ) : (
        ''
      )}
      <ErrorBox message={stop} />
      {v.tooMany ? (
        ''
      ) : (
        <Form p={p} action="verify">
          {defaultSubmit('next')}
          {textField(p, { name: 'name', label: p.t('register.name'), value: v.name, error: e.name, autocomplete: 'name', maxlength: 50 })}
          {textField(p, { name: 'id_number', label: p.t('register.idNumber'), value: v.idNumber, error: e.idNumber, maxlength: 30 })}
          {textField(p, { name: 'birthday', label: p.t('register.birthday'), value: v.birthday, error: e.birthday, hint: p.t('register.birthdayHint'), inputmode: 'numeric', maxlength: 10 })}
          {captchaField(p, v.captchaId)}
          <FieldErrorLine p={p} error={e.captcha} alert />
          <div class="actions">
            <Back p={p} to="school" />
            <button type="submit" name="action" value="next" class="primary" safe>
              {p.t('register.next')}
            </button>
          </div>
        </Form>
      )}
      {v.notFound || v.tooMany ? <ReportButton p={p} category="source-not-found" label={p.t('register.notFoundReport')} /> : ''}
    </>,
  );
}

const classLine = (p: PageContext, c: ClassInfo) => p.t('register.classLine', { year: c.year, semester: c.semester, title: c.classtitle || c.classno });

function PersonTable({ rows }: { rows: [string, string][] }) {
  return (
    <table class="data">
      {rows.map(([k, v]) => (
        <tr>
          <th scope="row" safe>
            {k}
          </th>
          <td safe>{v}</td>
        </tr>
      ))}
    </table>
  );
}

export function confirmStep(p: PageContext, s: RegistrationState, schoolName: string) {
  const person = s.person!;
  return page(
    p,
    'confirm',
    <>
      <p safe>{p.t('register.confirmLead')}</p>
      <PersonTable
        rows={[
          [p.t('register.school'), schoolName],
          [p.t('register.identity'), identityName(p.lang, person.identity)],
          [p.t('register.name'), person.name],
          [p.t('register.titles'), person.titles.join('、') || p.t('profile.none')],
          [p.t('register.classes'), person.classes.map((c) => classLine(p, c)).join('、') || p.t('register.classesEmpty')],
        ]}
      />
      <Form p={p} action="confirm">
        <div class="actions">
          <Back p={p} to="verify" />
          <button type="submit" class="primary" safe>
            {p.t('register.dataOk')}
          </button>
        </div>
      </Form>
      <ReportButton p={p} category="data-error" label={p.t('register.dataWrong')} />
    </>,
  );
}

export function privacyStep(p: PageContext) {
  return page(
    p,
    'privacy',
    <>
      <p class="privacy" safe>
        {p.t('register.privacyText')}
      </p>
      <Form p={p} action="privacy">
        <div class="actions">
          <button type="submit" name="decision" value="agree" class="primary" safe>
            {p.t('register.agree')}
          </button>
          <button type="submit" name="decision" value="disagree" safe>
            {p.t('register.disagree')}
          </button>
        </div>
      </Form>
    </>,
  );
}

export function accountStep(p: PageContext, v: { domain: string; username?: string; email?: string; mobile?: string; errors?: FieldErrors }) {
  const e = v.errors ?? {};
  return page(
    p,
    'account',
    <Form p={p} action="account">
      <div class="field">
        <label for="username" safe>
          {p.t('register.username')}
        </label>
        <div class="account-row">
          <input
            id="username"
            name="username"
            value={v.username ?? ''}
            maxlength="20"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            aria-describedby={`username-hint username-status${e.username ? ' username-error' : ''}`}
            aria-invalid={e.username ? 'true' : undefined}
            required
            data-availability="/register/account-available"
          />
          <span class="suffix" safe>
            {`@${v.domain}`}
          </span>
        </div>
        <small id="username-hint" safe>
          {p.t('register.usernameHint')}
        </small>
        <p id="username-status" class="status" aria-live="polite"></p>
        {e.username ? (
          <p class="field-error" id="username-error" safe>
            {p.t(e.username.key)}
          </p>
        ) : (
          ''
        )}
      </div>
      {passwordInput(p, { name: 'password', label: p.t('register.password'), error: e.password, hint: p.t('register.passwordHint'), autocomplete: 'new-password' })}
      {passwordInput(p, { name: 'password2', label: p.t('register.password2'), error: e.password2, autocomplete: 'new-password' })}
      {textField(p, { name: 'email', label: p.t('register.email'), value: v.email, error: e.email, hint: p.t('register.emailHint'), autocomplete: 'email', type: 'email', maxlength: 254 })}
      {textField(p, { name: 'mobile', label: p.t('register.mobile'), value: v.mobile, error: e.mobile, hint: p.t('register.mobileHint'), autocomplete: 'tel', inputmode: 'tel', maxlength: 20 })}
      <div class="actions">
        <Back p={p} to="privacy" />
        <button type="submit" class="primary" safe>
          {p.t('register.dataOk')}
        </button>
      </div>
    </Form>,
  );
}

export function codesStep(p: PageContext, v: { targets: string; email: boolean; sms: boolean; errors?: FieldErrors; notice?: string }) {
  const e = v.errors ?? {};
  return page(
    p,
    'codes',
    <>
      <p safe>{p.t('register.codesLead', { targets: v.targets })}</p>
      <Form p={p} action="codes">
        {defaultSubmit('verify')}
        {v.email ? textField(p, { name: 'email_code', label: p.t('register.emailCode'), error: e.emailCode, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }) : ''}
        {v.sms ? textField(p, { name: 'sms_code', label: p.t('register.smsCode'), error: e.smsCode, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }) : ''}
        <div class="actions">
          <Back p={p} to="account" />
          <button type="submit" name="action" value="verify" class="primary" safe>
            {p.t('register.startVerify')}
          </button>
          <button type="submit" name="action" value="resend" safe>
            {p.t('register.resend')}
          </button>
        </div>
      </Form>
    </>,
    v.notice,
  );
}

export function reviewStep(p: PageContext, s: RegistrationState, schoolName: string, domain: string) {
  const a = s.account!;
  return page(
    p,
    'review',
    <>
      <p safe>{p.t('register.reviewLead')}</p>
      <PersonTable
        rows={[
          [p.t('register.school'), schoolName],
          [p.t('register.name'), s.person!.name],
          [p.t('register.username'), `${a.username}@${domain}`],
          [p.t('register.email'), a.email],
          [p.t('register.mobile'), a.mobile],
        ]}
      />
      <Form p={p} action="review">
        <div class="actions">
          <button type="submit" name="action" value="complete" class="primary" safe>
            {p.t('register.complete')}
          </button>
          <a class="button" href="/register/account" safe>
            {p.t('register.edit')}
          </a>
        </div>
      </Form>
    </>,
  );
}

export function doneStep(p: PageContext, username: string) {
  return page(
    p,
    'done',
    <>
      <p class="success" role="status">
        <strong safe>{p.t('register.success')}</strong>
      </p>
      <p safe>{p.t('register.successLead', { username })}</p>
      <p>
        <a class="button primary" href="/login" safe>
          {p.t('menu.login')}
        </a>
      </p>
    </>,
  );
}

