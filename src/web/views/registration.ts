import type { RegistrationState, FieldErrors } from '../../flows/registration/state.ts';
import { steps } from '../../flows/registration/state.ts';
import type { ClassInfo } from '../../storage/ports.ts';
import { html, type Html } from '../html.ts';
import { captchaField, defaultSubmit } from './captcha.ts';
import { passwordInput, selectField, textField } from './fields.ts';
import { errorBox, layout, type PageContext } from './layout.ts';

type Option = { value: string; label: string };

function page(p: PageContext, step: RegistrationState['step'], body: Html, notice?: string) {
  const n = steps.indexOf(step) + 1;
  return layout(
    p,
    `${p.t('register.title')} - ${p.t(`register.step.${step}`)}`,
    html`<section class="card" aria-labelledby="step-title">
  <p class="steps">${p.t('register.stepOf', { n, total: steps.length, name: p.t(`register.step.${step}`) })}</p>
  <h1 id="step-title">${p.t(`register.step.${step}`)}</h1>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  ${body}
</section>`,
  );
}

const form = (p: PageContext, action: string, body: Html, extra = '') =>
  html`<form method="post" action="/register/${action}" class="form" novalidate ${extra}>
  <input type="hidden" name="_csrf" value="${p.csrf}">
  ${body}
</form>`;

const back = (p: PageContext, to: string) => html`<a class="button" href="/register/${to}">${p.t('register.back')}</a>`;

/** A report button that posts the flow's data to the helpdesk intake. */
const reportButton = (p: PageContext, category: string, label: string) =>
  form(p, 'report', html`<input type="hidden" name="category" value="${category}"><button type="submit" class="link-button">${label}</button>`);

export function identityStep(p: PageContext, s: RegistrationState, errors: FieldErrors = {}) {
  return page(
    p,
    'identity',
    form(
      p,
      'identity',
      html`<fieldset>
    <legend>${p.t('register.chooseIdentity')}</legend>
    <label class="choice"><input type="radio" name="role" value="teacher" ${s.role === 'teacher' ? 'checked' : ''} required> ${p.t('register.teacher')}</label>
  </fieldset>
  ${errors.role ? html`<p class="field-error">${p.t(errors.role.key)}</p>` : ''}
  <div class="actions"><button type="submit" class="primary">${p.t('register.next')}</button></div>`,
    ),
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
  return page(
    p,
    'school',
    html`${form(
      p,
      'school',
      html`${defaultSubmit('next')}
  <div class="cascade" data-cascade>
    ${selectField(p, { name: 'county', label: p.t('register.county'), options: lists.counties, value: place.county, placeholder: p.t('register.pick') })}
    ${selectField(p, { name: 'district', label: p.t('register.district'), options: lists.districts, value: place.district, placeholder: p.t('register.pick') })}
    ${selectField(p, { name: 'level', label: p.t('register.level'), options: lists.levels, value: place.level, placeholder: p.t('register.pick') })}
    ${selectField(p, { name: 'school', label: p.t('register.school'), options: lists.schools, value: place.school, placeholder: p.t('register.pick'), error: errors.school })}
    <button type="submit" name="action" value="refresh" class="cascade-refresh">${p.t('register.refresh')}</button>
  </div>
  <div class="actions">${back(p, 'identity')}<button type="submit" name="action" value="next" class="primary">${p.t('register.next')}</button></div>`,
    )}
  ${reportButton(p, 'school-not-found', p.t('register.schoolNotFound'))}`,
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
    html`<p>${p.t('register.verifyLead', { school: v.schoolName })}</p>
  ${v.countyStart ? html`<p class="county-option"><a class="button" href="${v.countyStart}">${p.t('county.register')}</a></p>` : ''}
  ${errorBox(stop)}
  ${v.tooMany
    ? ''
    : form(
        p,
        'verify',
        html`${defaultSubmit('next')}
    ${textField(p, { name: 'name', label: p.t('register.name'), value: v.name, error: e.name, autocomplete: 'name', maxlength: 50 })}
    ${textField(p, { name: 'id_number', label: p.t('register.idNumber'), value: v.idNumber, error: e.idNumber, maxlength: 30 })}
    ${textField(p, { name: 'birthday', label: p.t('register.birthday'), value: v.birthday, error: e.birthday, hint: p.t('register.birthdayHint'), inputmode: 'numeric', maxlength: 10 })}
    ${captchaField(p, v.captchaId)}
    ${e.captcha ? html`<p class="field-error" role="alert">${p.t(e.captcha.key)}</p>` : ''}
    <div class="actions">${back(p, 'school')}<button type="submit" name="action" value="next" class="primary">${p.t('register.next')}</button></div>`,
      )}
  ${v.notFound || v.tooMany ? reportButton(p, 'source-not-found', p.t('register.notFoundReport')) : ''}`,
  );
}

const classLine = (c: ClassInfo) => `${c.year} 學年度第 ${c.semester} 學期 ${c.classtitle || c.classno}`;

function personTable(rows: [string, string][]) {
  return html`<table class="data">${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</table>`;
}

export function confirmStep(p: PageContext, s: RegistrationState, schoolName: string) {
  const person = s.person!;
  return page(
    p,
    'confirm',
    html`<p>${p.t('register.confirmLead')}</p>
  ${personTable([
    [p.t('register.school'), schoolName],
    [p.t('register.identity'), person.identity],
    [p.t('register.name'), person.name],
    [p.t('register.titles'), person.titles.join('、') || p.t('profile.none')],
    [p.t('register.classes'), person.classes.map(classLine).join('、') || p.t('register.classesEmpty')],
  ])}
  ${form(p, 'confirm', html`<div class="actions">${back(p, 'verify')}<button type="submit" class="primary">${p.t('register.dataOk')}</button></div>`)}
  ${reportButton(p, 'data-error', p.t('register.dataWrong'))}`,
  );
}

export function privacyStep(p: PageContext) {
  return page(
    p,
    'privacy',
    html`<p class="privacy">${p.t('register.privacyText')}</p>
  ${form(
    p,
    'privacy',
    html`<div class="actions"><button type="submit" name="decision" value="agree" class="primary">${p.t('register.agree')}</button>
    <button type="submit" name="decision" value="disagree">${p.t('register.disagree')}</button></div>`,
  )}`,
  );
}

export function accountStep(p: PageContext, v: { domain: string; username?: string; email?: string; mobile?: string; errors?: FieldErrors }) {
  const e = v.errors ?? {};
  return page(
    p,
    'account',
    form(
      p,
      'account',
      html`<div class="field">
    <label for="username">${p.t('register.username')}</label>
    <div class="account-row"><input id="username" name="username" value="${v.username ?? ''}" maxlength="20" autocomplete="username" autocapitalize="none" spellcheck="false" aria-describedby="username-hint username-status${e.username ? ' username-error' : ''}" ${e.username ? html`aria-invalid="true"` : ''} required data-availability="/register/account-available"><span class="suffix">@${v.domain}</span></div>
    <small id="username-hint">${p.t('register.usernameHint')}</small>
    <p id="username-status" class="status" aria-live="polite"></p>
    ${e.username ? html`<p class="field-error" id="username-error">${p.t(e.username.key)}</p>` : ''}
  </div>
  ${passwordInput(p, { name: 'password', label: p.t('register.password'), error: e.password, hint: p.t('register.passwordHint'), autocomplete: 'new-password' })}
  ${passwordInput(p, { name: 'password2', label: p.t('register.password2'), error: e.password2, autocomplete: 'new-password' })}
  ${textField(p, { name: 'email', label: p.t('register.email'), value: v.email, error: e.email, hint: p.t('register.emailHint'), autocomplete: 'email', type: 'email', maxlength: 254 })}
  ${textField(p, { name: 'mobile', label: p.t('register.mobile'), value: v.mobile, error: e.mobile, hint: p.t('register.mobileHint'), autocomplete: 'tel', inputmode: 'tel', maxlength: 20 })}
  <div class="actions">${back(p, 'privacy')}<button type="submit" class="primary">${p.t('register.dataOk')}</button></div>`,
    ),
  );
}

export function codesStep(p: PageContext, v: { targets: string; email: boolean; sms: boolean; errors?: FieldErrors; notice?: string }) {
  const e = v.errors ?? {};
  return page(
    p,
    'codes',
    html`<p>${p.t('register.codesLead', { targets: v.targets })}</p>
  ${form(
    p,
    'codes',
    html`${defaultSubmit('verify')}
    ${v.email ? textField(p, { name: 'email_code', label: p.t('register.emailCode'), error: e.emailCode, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }) : ''}
    ${v.sms ? textField(p, { name: 'sms_code', label: p.t('register.smsCode'), error: e.smsCode, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }) : ''}
    <div class="actions">${back(p, 'account')}<button type="submit" name="action" value="verify" class="primary">${p.t('register.startVerify')}</button>
    <button type="submit" name="action" value="resend">${p.t('register.resend')}</button></div>`,
  )}`,
    v.notice,
  );
}

export function reviewStep(p: PageContext, s: RegistrationState, schoolName: string, domain: string) {
  const a = s.account!;
  return page(
    p,
    'review',
    html`<p>${p.t('register.reviewLead')}</p>
  ${personTable([
    [p.t('register.school'), schoolName],
    [p.t('register.name'), s.person!.name],
    [p.t('register.username'), `${a.username}@${domain}`],
    [p.t('register.email'), a.email],
    [p.t('register.mobile'), a.mobile],
  ])}
  ${form(
    p,
    'review',
    html`<div class="actions"><button type="submit" name="action" value="complete" class="primary">${p.t('register.complete')}</button>
    <a class="button" href="/register/account">${p.t('register.edit')}</a></div>`,
  )}`,
  );
}

export function doneStep(p: PageContext, username: string) {
  return page(
    p,
    'done',
    html`<p class="success" role="status"><strong>${p.t('register.success')}</strong></p>
  <p>${p.t('register.successLead', { username })}</p>
  <p><a class="button primary" href="/login">${p.t('menu.login')}</a></p>`,
  );
}


export function reportForm(p: PageContext, v: { category: string; description: string; name?: string; error?: string }) {
  return layout(
    p,
    p.t('register.title'),
    html`<section class="card" aria-labelledby="report-title">
  <h1 id="report-title">${p.t('register.reportDescription')}</h1>
  ${errorBox(v.error)}
  ${form(
    p,
    'report/send',
    html`<input type="hidden" name="category" value="${v.category}">
    ${textField(p, { name: 'contact', label: p.t('register.reportContact'), autocomplete: 'email', maxlength: 254 })}
    <div class="field"><label for="description">${p.t('register.reportDescription')}</label>
    <textarea id="description" name="description" rows="6" maxlength="1500">${v.description}</textarea></div>
    <div class="actions"><button type="submit" class="primary">${p.t('register.reportSend')}</button></div>`,
  )}
</section>`,
  );
}
