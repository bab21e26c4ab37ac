import type { Principal } from '../../admin/access.ts';
import type { ProviderView } from '../../admin/county-admin.ts';
import { ScrollTable } from '../../web/views/scroll-table.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { ErrorSummary, FieldError, fieldId, invalid, TextInput } from '../apps/fields.tsx';
import type { FieldIssue } from '../apps/issues.ts';
import { adminLayout } from '../kit/layout.tsx';
import { CLAIMS, ENDPOINTS, LABELS, type CountyNotice, type ProviderForm } from './form.ts';

const BASE = '/admin/counties';

function ProviderFields({ p, f, issues, counties, isNew }: { p: PageContext; f: ProviderForm; issues: FieldIssue[]; counties: { code: string; name: string }[]; isNew: boolean }) {
  const input = (field: string, label: string, o: { hint?: string; required?: boolean; type?: string } = {}) => (
    <TextInput p={p} issues={issues} field={field} label={label} value={f[field] ?? ''} hint={o.hint} required={o.required} type={o.type} autocomplete={o.type === 'password' ? 'new-password' : undefined} />
  );
  return (
    <>
      {isNew ? (
        <>
          <div class="field">
            <label for={fieldId('county')} safe>
              {p.t('admin.counties.county')}
            </label>
            <select id={fieldId('county')} name="county" required aria-invalid={invalid(issues, 'county') ? 'true' : undefined} aria-describedby={invalid(issues, 'county') ? `${fieldId('county')}-error` : undefined}>
              <option value="" safe>
                {p.t('admin.counties.chooseCounty')}
              </option>
              {counties.map((c) => (
                <option value={c.code} selected={c.code === f.county} safe>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError p={p} issues={issues} field="county" />
          </div>
          {input('id', p.t('admin.counties.id'), { hint: p.t('admin.counties.idHint') })}
        </>
      ) : (
        <></>
      )}
      {input('displayName', p.t('admin.counties.displayName'), { hint: p.t('admin.counties.displayNameHint') })}
      <div class="field">
        <label for={fieldId('kind')} safe>
          {p.t('admin.counties.kind')}
        </label>
        <select id={fieldId('kind')} name="kind">
          <option value="oidc" selected={f.kind !== 'oauth2'} safe>
            {p.t('admin.counties.kind.oidc')}
          </option>
          <option value="oauth2" selected={f.kind === 'oauth2'} safe>
            {p.t('admin.counties.kind.oauth2')}
          </option>
        </select>
      </div>
      {input('issuer', p.t('admin.counties.issuer'), { required: true, type: 'url', hint: p.t('admin.counties.issuerHint') })}
      {input('clientId', p.t('admin.counties.clientId'), { required: true })}
      {input('clientSecret', p.t('admin.counties.clientSecret'), { required: isNew, type: 'password', hint: isNew ? p.t('admin.counties.secretHintNew') : p.t('admin.counties.secretHintKeep') })}
      {input('scopes', p.t('admin.counties.scopes'), { hint: p.t('admin.counties.scopesHint') })}
      <fieldset>
        <legend safe>{p.t('admin.counties.claims')}</legend>
        {CLAIMS.map((c) => input(`claim_${c}`, p.t(`admin.counties.claim.${c}`)))}
      </fieldset>
      <fieldset>
        <legend safe>{p.t('admin.counties.labels')}</legend>
        {LABELS.map((l) => input(`label_${l}`, p.t(`admin.counties.label.${l}`)))}
      </fieldset>
      <fieldset id={fieldId('endpoints')}>
        <legend safe>{p.t('admin.counties.endpoints')}</legend>
        {ENDPOINTS.map((e) => input(`endpoint_${e}`, p.t(`admin.counties.endpoint.${e}`), { type: 'url' }))}
        <FieldError p={p} issues={issues} field="endpoints" />
      </fieldset>
    </>
  );
}

/** 縣市帳號系統: every county identity provider. */
export function countiesListPage(p: PageContext, principal: Principal, v: { providers: ProviderView[]; notice?: CountyNotice; callback: string }) {
  return adminLayout(
    p,
    principal,
    p.t('admin.menu.counties'),
    <section>
      <h1 safe>{p.t('admin.menu.counties')}</h1>
      {v.notice ? (
        <p class="notice" role="status" safe>
          {p.t(`admin.counties.notice.${v.notice}`)}
        </p>
      ) : (
        <></>
      )}
      <p safe>{p.t('admin.counties.callback', { url: v.callback })}</p>
      <p>
        <a href={`${BASE}/new`} class="button" safe>
          {p.t('admin.counties.add')}
        </a>
      </p>
      {v.providers.length ? (
        <ScrollTable id="counties" caption={p.t('admin.counties.listCaption', { count: v.providers.length })} columns={[p.t('admin.counties.county'), p.t('admin.counties.displayName'), p.t('admin.counties.kind'), p.t('admin.counties.issuer')]}>
          {v.providers.map((x) => (
            <tr>
              <td>
                <a href={`${BASE}/${encodeURIComponent(x.id)}`} safe>
                  {x.countyName}
                </a>
              </td>
              <td safe>{x.displayName}</td>
              <td safe>{p.t(`admin.counties.kind.${x.kind}`)}</td>
              <td safe>{x.issuer}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p safe>{p.t('admin.counties.none')}</p>
      )}
    </section>,
  );
}

export function countyNewPage(p: PageContext, principal: Principal, v: { form: ProviderForm; issues: FieldIssue[]; counties: { code: string; name: string }[] }) {
  return adminLayout(
    p,
    principal,
    p.t('admin.counties.add'),
    <section>
      <p>
        <a href={BASE} safe>
          {p.t('admin.counties.back')}
        </a>
      </p>
      <h1 safe>{p.t('admin.counties.add')}</h1>
      <ErrorSummary p={p} issues={v.issues} />
      <form method="post" action={BASE} class="form" id="the-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <ProviderFields p={p} f={v.form} issues={v.issues} counties={v.counties} isNew />
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.counties.addSubmit')}
          </button>
        </div>
      </form>
    </section>,
  );
}

export function countyPage(p: PageContext, principal: Principal, v: { provider: ProviderView; form: ProviderForm; issues: FieldIssue[]; notice?: CountyNotice; confirmMissing?: boolean }) {
  const self = `${BASE}/${encodeURIComponent(v.provider.id)}`;
  return adminLayout(
    p,
    principal,
    v.provider.countyName,
    <section>
      <p>
        <a href={BASE} safe>
          {p.t('admin.counties.back')}
        </a>
      </p>
      <h1 safe>{`${v.provider.countyName}：${v.provider.displayName}`}</h1>
      {v.notice ? (
        <p class="notice" role="status" safe>
          {p.t(`admin.counties.notice.${v.notice}`)}
        </p>
      ) : (
        <></>
      )}
      <ErrorSummary p={p} issues={v.issues} />
      <form method="post" action={self} class="form" id="the-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <ProviderFields p={p} f={v.form} issues={v.issues} counties={[]} isNew={false} />
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.apps.save')}
          </button>
        </div>
      </form>
      <h2 safe>{p.t('admin.counties.remove')}</h2>
      <form method="post" action={`${self}/remove`} class="form">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="field">
          <label class="choice" for="confirm-remove">
            <input type="checkbox" id="confirm-remove" name="confirm" required aria-invalid={v.confirmMissing ? 'true' : undefined} aria-describedby={v.confirmMissing ? 'confirm-remove-error' : undefined} />
            <span safe>{p.t('admin.counties.removeConfirm')}</span>
          </label>
          {v.confirmMissing ? (
            <p class="field-error" id="confirm-remove-error" role="alert" safe>
              {p.t('admin.counties.error.confirm')}
            </p>
          ) : (
            <></>
          )}
        </div>
        <button type="submit" safe>
          {p.t('admin.counties.removeSubmit')}
        </button>
      </form>
    </section>,
  );
}
