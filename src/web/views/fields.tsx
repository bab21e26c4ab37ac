import type { PageContext } from './page-context.ts';
import { EyeIcon } from './icons.tsx';

export type FieldError = { key: string; params?: Record<string, string | number> } | undefined;

function ErrorText({ p, name, error }: { p: PageContext; name: string; error: FieldError }) {
  return error ? (
    <p class="field-error" id={`${name}-error`} safe>
      {p.t(error.key, error.params)}
    </p>
  ) : (
    ''
  );
}

const describedBy = (name: string, hint: boolean, error: FieldError) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <small id={`${name}-hint`} safe>
      {hint}
    </small>
  ) : (
    ''
  );
}

export interface TextField {
  name: string;
  label: string;
  value?: string;
  error?: FieldError;
  hint?: string;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  type?: string;
  /** May be left empty (no `required`). */
  optional?: boolean;
}

export function textField(p: PageContext, f: TextField) {
  return (
    <div class="field">
      <label for={f.name} safe>
        {f.label}
      </label>
      <input
        id={f.name}
        name={f.name}
        type={f.type ?? 'text'}
        value={f.value ?? ''}
        maxlength={String(f.maxlength ?? 100)}
        autocomplete={f.autocomplete ?? 'off'}
        inputmode={f.inputmode}
        aria-describedby={describedBy(f.name, Boolean(f.hint), f.error)}
        aria-invalid={f.error ? 'true' : undefined}
        required={!f.optional}
      />
      <Hint name={f.name} hint={f.hint} />
      <ErrorText p={p} name={f.name} error={f.error} />
    </div>
  );
}

export function passwordInput(p: PageContext, f: { name: string; label: string; error?: FieldError; hint?: string; autocomplete: string }) {
  return (
    <div class="field">
      <label for={f.name} safe>
        {f.label}
      </label>
      <div class="password-row">
        <input
          id={f.name}
          name={f.name}
          type="password"
          maxlength="128"
          autocomplete={f.autocomplete}
          aria-describedby={describedBy(f.name, Boolean(f.hint), f.error)}
          aria-invalid={f.error ? 'true' : undefined}
          required
        />
        <button type="button" class="eye" data-toggle-password={f.name} aria-pressed="false" aria-label={p.t('password.show')} title={p.t('password.show')} hidden>
          <EyeIcon />
        </button>
      </div>
      <Hint name={f.name} hint={f.hint} />
      <ErrorText p={p} name={f.name} error={f.error} />
    </div>
  );
}

export function selectField(
  p: PageContext,
  f: { name: string; label: string; options: { value: string; label: string }[]; value?: string; error?: FieldError; placeholder: string; disabled?: boolean },
) {
  return (
    <div class="field">
      <label for={f.name} safe>
        {f.label}
      </label>
      <select id={f.name} name={f.name} disabled={f.disabled} aria-invalid={f.error ? 'true' : undefined} aria-describedby={f.error ? `${f.name}-error` : undefined}>
        <option value="" safe>
          {f.placeholder}
        </option>
        {f.options.map((o) => (
          <option value={o.value} selected={o.value === f.value} safe>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText p={p} name={f.name} error={f.error} />
    </div>
  );
}

export const hidden = (name: string, value: string) => <input type="hidden" name={name} value={value} />;

/** The account and the name of the person a page is about (a new password's pages). */
export function accountSummary(p: PageContext, username: string, name: string) {
  return (
    <table class="data">
      <tr>
        <th scope="row" safe>
          {p.t('profile.username')}
        </th>
        <td safe>{username}</td>
      </tr>
      <tr>
        <th scope="row" safe>
          {p.t('profile.name')}
        </th>
        <td safe>{name}</td>
      </tr>
    </table>
  );
}
