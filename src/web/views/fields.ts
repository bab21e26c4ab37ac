import { html } from '../html.ts';
import type { PageContext } from './layout.ts';

export type FieldError = { key: string; params?: Record<string, string | number> } | undefined;

const errorText = (p: PageContext, name: string, error: FieldError) =>
  error ? html`<p class="field-error" id="${name}-error">${p.t(error.key, error.params)}</p>` : '';

const describedBy = (name: string, hint: boolean, error: FieldError) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');

export function textField(
  p: PageContext,
  f: { name: string; label: string; value?: string; error?: FieldError; hint?: string; autocomplete?: string; inputmode?: string; maxlength?: number; type?: string },
) {
  const by = describedBy(f.name, Boolean(f.hint), f.error);
  return html`<div class="field">
  <label for="${f.name}">${f.label}</label>
  <input id="${f.name}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value ?? ''}" maxlength="${f.maxlength ?? 100}" autocomplete="${f.autocomplete ?? 'off'}" ${f.inputmode ? html`inputmode="${f.inputmode}"` : ''} ${by ? html`aria-describedby="${by}"` : ''} ${f.error ? html`aria-invalid="true"` : ''} required>
  ${f.hint ? html`<small id="${f.name}-hint">${f.hint}</small>` : ''}
  ${errorText(p, f.name, f.error)}
</div>`;
}

export function passwordInput(p: PageContext, f: { name: string; label: string; error?: FieldError; hint?: string; autocomplete: string }) {
  const by = describedBy(f.name, Boolean(f.hint), f.error);
  return html`<div class="field">
  <label for="${f.name}">${f.label}</label>
  <div class="password-row">
    <input id="${f.name}" name="${f.name}" type="password" maxlength="128" autocomplete="${f.autocomplete}" ${by ? html`aria-describedby="${by}"` : ''} ${f.error ? html`aria-invalid="true"` : ''} required>
    <button type="button" class="eye" data-toggle-password="${f.name}" aria-pressed="false" aria-label="${p.t('password.show')}" title="${p.t('password.show')}" hidden>👁</button>
  </div>
  ${f.hint ? html`<small id="${f.name}-hint">${f.hint}</small>` : ''}
  ${errorText(p, f.name, f.error)}
</div>`;
}

export function selectField(
  p: PageContext,
  f: { name: string; label: string; options: { value: string; label: string }[]; value?: string; error?: FieldError; placeholder: string; disabled?: boolean },
) {
  return html`<div class="field">
  <label for="${f.name}">${f.label}</label>
  <select id="${f.name}" name="${f.name}" ${f.disabled ? 'disabled' : ''} ${f.error ? html`aria-invalid="true" aria-describedby="${f.name}-error"` : ''}>
    <option value="">${f.placeholder}</option>
    ${f.options.map((o) => html`<option value="${o.value}" ${o.value === f.value ? 'selected' : ''}>${o.label}</option>`)}
  </select>
  ${errorText(p, f.name, f.error)}
</div>`;
}

export const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;
