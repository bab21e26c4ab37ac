import type { PageContext } from '../../web/views/page-context.ts';
import type { FieldIssue } from './issues.ts';

/** Form parts of the console's apps and counties pages: fields whose errors come from a service's refusal. */
export const fieldId = (field: string) => `f-${field.replace(/[^a-z0-9]/gi, '-')}`;

/** The field errors of a form, above it, each linking to its field. */
export function ErrorSummary({ p, issues }: { p: PageContext; issues: FieldIssue[] }) {
  if (!issues.length) return <></>;
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <h2 safe>{p.t('admin.apps.errorsTitle')}</h2>
      <ul>
        {issues.map((i) => (
          <li>
            <a href={`#${i.field === 'form' ? 'the-form' : fieldId(i.field)}`} safe>
              {p.t(i.key, i.params)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ p, issues, field }: { p: PageContext; issues: FieldIssue[]; field: string }) {
  const issue = issues.find((i) => i.field === field);
  return issue ? (
    <p class="field-error" id={`${fieldId(field)}-error`} safe>
      {p.t(issue.key, issue.params)}
    </p>
  ) : (
    <></>
  );
}

export const invalid = (issues: FieldIssue[], field: string) => issues.some((i) => i.field === field);
export const described = (issues: FieldIssue[], field: string, hint = false) =>
  [hint ? `${fieldId(field)}-hint` : '', invalid(issues, field) ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextInput({ p, issues, field, label, value, hint, required, type, autocomplete }: { p: PageContext; issues: FieldIssue[]; field: string; label: string; value: string; hint?: string; required?: boolean; type?: string; autocomplete?: string }) {
  return (
    <div class="field">
      <label for={fieldId(field)} safe>
        {label}
      </label>
      <input id={fieldId(field)} name={field} type={type ?? 'text'} value={value} maxlength="2000" required={required} autocomplete={autocomplete ?? 'off'} aria-invalid={invalid(issues, field) ? 'true' : undefined} aria-describedby={described(issues, field, Boolean(hint))} />
      {hint ? (
        <small id={`${fieldId(field)}-hint`} safe>
          {hint}
        </small>
      ) : (
        <></>
      )}
      <FieldError p={p} issues={issues} field={field} />
    </div>
  );
}

