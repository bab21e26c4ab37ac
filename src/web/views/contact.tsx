import type { Category } from '../../flows/contact/flow.ts';
import { captchaField, defaultSubmit } from './captcha.tsx';
import { hidden, textField, type FieldError } from './fields.tsx';
import { ErrorBox, layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export interface ContactView {
  categories: readonly Category[];
  /** Each category's description template, for site.js to swap an untouched description when the category changes. */
  templates?: Partial<Record<Category, string>>;
  captchaId: string;
  category: Category;
  who?: string;
  name?: string;
  contact?: string;
  description: string;
  from?: string;
  error?: string;
  errors?: Partial<Record<'who' | 'name' | 'contact' | 'description' | 'captcha', FieldError>>;
}

/** 壹拾壹 聯絡我們: 問題分類, the person, 姓名, 聯絡方式, 問題描述 (the category's template), captcha, 「送出」. */
export function contactPage(p: PageContext, v: ContactView) {
  const e = v.errors ?? {};
  return layout(
    p,
    p.t('contact.title'),
    <section class="card" aria-labelledby="contact-title">
      <h1 id="contact-title" safe>
        {p.t('contact.title')}
      </h1>
      <p class="lead" safe>
        {p.t('contact.lead')}
      </p>
      <ErrorBox message={v.error} />
      <form method="post" action="/contact" class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {v.from ? hidden('from', v.from) : ''}
        {defaultSubmit('send')}
        <div class="field">
          <label for="category" safe>
            {p.t('contact.category')}
          </label>
          <select id="category" name="category" data-templates="description">
            {v.categories.map((c) => (
              <option value={c} selected={c === v.category} data-template={v.templates?.[c]} safe>
                {p.t(`contact.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {textField(p, { name: 'who', label: p.t('contact.who'), value: v.who, error: e.who, maxlength: 60 })}
        {textField(p, { name: 'name', label: p.t('contact.name'), value: v.name, error: e.name, maxlength: 60, autocomplete: 'name' })}
        {textField(p, { name: 'contact', label: p.t('contact.contact'), value: v.contact, error: e.contact, hint: p.t('contact.contactHint'), maxlength: 254, autocomplete: 'email' })}
        <div class="field">
          <label for="description" safe>
            {p.t('contact.description')}
          </label>
          <textarea
            id="description"
            name="description"
            rows="7"
            maxlength="2000"
            required
            aria-invalid={e.description ? 'true' : undefined}
            aria-describedby={e.description ? 'description-error' : undefined}
            safe
          >
            {v.description}
          </textarea>
          {e.description ? (
            <p class="field-error" id="description-error" safe>
              {p.t(e.description.key, e.description.params)}
            </p>
          ) : (
            ''
          )}
        </div>
        {captchaField(p, v.captchaId)}
        <div class="actions">
          <button type="submit" name="action" value="send" class="primary" safe>
            {p.t('contact.send')}
          </button>
          <a class="button" href={v.from === 'register' ? '/register' : '/'} safe>
            {p.t('contact.cancel')}
          </a>
        </div>
      </form>
    </section>,
  );
}

/** 「送出」 done: the ticket number, with 「申請帳號」 and 「登入」. */
export function contactSentPage(p: PageContext, v: { id: number }) {
  return layout(
    p,
    p.t('contact.title'),
    <section class="card" role="status" aria-labelledby="contact-title">
      <h1 id="contact-title" safe>
        {p.t('contact.title')}
      </h1>
      <p class="success" safe>
        {p.t('contact.sent', { id: v.id })}
      </p>
      <p class="actions">
        <a class="button" href="/register" safe>
          {p.t('menu.register')}
        </a>
        <a class="button primary" href="/login" safe>
          {p.t('menu.login')}
        </a>
      </p>
    </section>,
  );
}
