import type { Principal } from '../../admin/access.ts';
import type { ClientView } from '../../admin/clients.ts';
import { isAdminScope } from '../../domain/admin-scopes.ts';
import { ScrollTable } from '../../web/views/scroll-table.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { FORM_SCOPES, type AppFormValues, type AppKind, type AppNotice } from './form.ts';
import type { FieldIssue } from './issues.ts';
import { described, ErrorSummary, FieldError, fieldId, invalid, TextInput } from './fields.tsx';

const KINDS: AppKind[] = ['web', 'public', 'service'];
const BASE = '/admin/apps';
const scopeId = (scope: string) => `scope-${scope.replace(/[^a-z0-9]/gi, '-')}`;
/** The fields of an application (register and edit); the kind is chosen only when registering. */
function AppFields({ p, v, issues, counties, chooseKind }: { p: PageContext; v: AppFormValues; issues: FieldIssue[]; counties: { code: string; name: string }[]; chooseKind: boolean }) {
  return (
    <>
      {chooseKind ? (
        <fieldset class="field" id={fieldId('kind')}>
          <legend safe>{p.t('admin.apps.kind')}</legend>
          {KINDS.map((k) => (
            <div>
              <label class="choice">
                <input type="radio" name="kind" value={k} checked={v.kind === k} />
                <span safe>{p.t(`admin.apps.kind.${k}`)}</span>
              </label>
            </div>
          ))}
        </fieldset>
      ) : (
        <></>
      )}
      <TextInput p={p} issues={issues} field="name" label={p.t('admin.apps.name')} value={v.name} required />
      <TextInput p={p} issues={issues} field="logoUri" label={p.t('admin.apps.logoUri')} value={v.logoUri} type="url" hint={p.t('admin.apps.optionalUrl')} />
      <div class="field">
        <label for={fieldId('redirectUris')} safe>
          {p.t('admin.apps.redirectUris')}
        </label>
        <textarea id={fieldId('redirectUris')} name="redirectUris" rows="3" aria-invalid={invalid(issues, 'redirectUris') ? 'true' : undefined} aria-describedby={described(issues, 'redirectUris', true)} safe>
          {v.redirectUris}
        </textarea>
        <small id={`${fieldId('redirectUris')}-hint`} safe>
          {p.t('admin.apps.redirectUrisHint')}
        </small>
        <FieldError p={p} issues={issues} field="redirectUris" />
      </div>
      <fieldset class="field" id={fieldId('scopes')} aria-describedby={described(issues, 'scopes', true)}>
        <legend safe>{p.t('admin.apps.scopes')}</legend>
        <small id={`${fieldId('scopes')}-hint`} safe>
          {p.t('admin.apps.scopesHint')}
        </small>
        <ul class="scope-choices">
          {FORM_SCOPES.map((s) => (
            <li>
              <label class="choice" for={scopeId(s)}>
                <input type="checkbox" id={scopeId(s)} name={`scope_${s}`} checked={v.scopes.includes(s)} />
                <span>
                  <code safe>{s}</code> <span safe>{isAdminScope(s) ? p.t(`admin.apps.adminScope.${s}`) : p.t(`scope.${s}`)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError p={p} issues={issues} field="scopes" />
      </fieldset>
      <div class="field">
        <label for={fieldId('adminCounty')} safe>
          {p.t('admin.apps.adminCounty')}
        </label>
        <select id={fieldId('adminCounty')} name="adminCounty" aria-invalid={invalid(issues, 'adminCounty') ? 'true' : undefined} aria-describedby={described(issues, 'adminCounty', true)}>
          <option value="" safe>
            {p.t('admin.apps.adminCountyNone')}
          </option>
          {counties.map((c) => (
            <option value={c.code} selected={c.code === v.adminCounty} safe>
              {c.name}
            </option>
          ))}
        </select>
        <small id={`${fieldId('adminCounty')}-hint`} safe>
          {p.t('admin.apps.adminCountyHint')}
        </small>
        <FieldError p={p} issues={issues} field="adminCounty" />
      </div>
      <div class="field">
        <label class="choice" for={fieldId('firstParty')}>
          <input type="checkbox" id={fieldId('firstParty')} name="firstParty" checked={v.firstParty} aria-describedby={`${fieldId('firstParty')}-hint`} />
          <span safe>{p.t('admin.apps.firstParty')}</span>
        </label>
        <small id={`${fieldId('firstParty')}-hint`} safe>
          {p.t('admin.apps.firstPartyHint')}
        </small>
      </div>
      <TextInput p={p} issues={issues} field="backchannelLogoutUri" label={p.t('admin.apps.backchannelLogoutUri')} value={v.backchannelLogoutUri} type="url" hint={p.t('admin.apps.backchannelHint')} />
    </>
  );
}

const kindText = (p: PageContext, c: ClientView) => p.t(`admin.apps.kind.${c.kind}`);
const stateText = (p: PageContext, c: ClientView) => (c.disabled ? p.t('admin.apps.state.disabled') : p.t('admin.apps.state.enabled'));

/** 應用服務管理: every connected application. */
export function appsListPage(p: PageContext, principal: Principal, clients: ClientView[]) {
  return adminLayout(
    p,
    principal,
    p.t('admin.menu.apps'),
    <section>
      <h1 safe>{p.t('admin.menu.apps')}</h1>
      <p>
        <a href={`${BASE}/new`} class="button" safe>
          {p.t('admin.apps.register')}
        </a>
      </p>
      {clients.length ? (
        <ScrollTable id="apps" caption={p.t('admin.apps.listCaption', { count: clients.length })} columns={[p.t('admin.apps.name'), p.t('admin.apps.kind'), p.t('admin.apps.clientId'), p.t('admin.apps.state')]}>
          {clients.map((c) => (
            <tr>
              <td>
                <a href={`${BASE}/${encodeURIComponent(c.clientId)}`} safe>
                  {c.name}
                </a>
                {c.firstParty ? <span safe>{` (${p.t('admin.apps.firstPartyShort')})`}</span> : <></>}
              </td>
              <td safe>{kindText(p, c)}</td>
              <td>
                <code safe>{c.clientId}</code>
              </td>
              <td class={c.disabled ? 'status bad' : 'status ok'} safe>
                {stateText(p, c)}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : (
        <p safe>{p.t('admin.apps.none')}</p>
      )}
    </section>,
  );
}

/** 登錄應用服務: the form, again with its errors when refused. */
export function appNewPage(p: PageContext, principal: Principal, v: { values: AppFormValues; issues: FieldIssue[]; counties: { code: string; name: string }[] }) {
  return adminLayout(
    p,
    principal,
    p.t('admin.apps.register'),
    <section>
      <p>
        <a href={BASE} safe>
          {p.t('admin.apps.back')}
        </a>
      </p>
      <h1 safe>{p.t('admin.apps.register')}</h1>
      <ErrorSummary p={p} issues={v.issues} />
      <form method="post" action={BASE} class="form" id="the-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <AppFields p={p} v={v.values} issues={v.issues} counties={v.counties} chooseKind />
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.apps.registerSubmit')}
          </button>
        </div>
      </form>
    </section>,
  );
}

/** The page that made a secret: shown here once, never again. */
export function appSecretPage(p: PageContext, principal: Principal, v: { client: ClientView; secret: string | undefined; rotated: boolean }) {
  const title = v.rotated ? p.t('admin.apps.rotatedTitle') : p.t('admin.apps.registeredTitle');
  return adminLayout(
    p,
    principal,
    title,
    <section>
      <h1 safe>{title}</h1>
      <table class="data">
        <tbody>
          <tr>
            <th scope="row" safe>{p.t('admin.apps.name')}</th>
            <td safe>{v.client.name}</td>
          </tr>
          <tr>
            <th scope="row" safe>{p.t('admin.apps.clientId')}</th>
            <td>
              <code id="client-id" safe>{v.client.clientId}</code>
            </td>
          </tr>
        </tbody>
      </table>
      {v.secret ? (
        <div class="secret-once" role="alert">
          <p>
            <strong safe>{p.t('admin.apps.copyNow')}</strong>
          </p>
          <label for="client-secret" safe>
            {p.t('admin.apps.clientSecret')}
          </label>
          <input id="client-secret" class="secret-value" type="text" readonly value={v.secret} autocomplete="off" spellcheck="false" />
          {v.rotated ? <p safe>{p.t('admin.apps.oldSecretGone')}</p> : <></>}
        </div>
      ) : (
        <p class="notice" safe>
          {p.t('admin.apps.publicNoSecret')}
        </p>
      )}
      <p>
        <a href={`${BASE}/${encodeURIComponent(v.client.clientId)}`} safe>
          {p.t('admin.apps.toApp')}
        </a>
      </p>
    </section>,
  );
}



/** One application: what it is, its edit form, a new secret (confirmed), disable or enable. */
export function appPage(
  p: PageContext,
  principal: Principal,
  v: { client: ClientView; values: AppFormValues; issues: FieldIssue[]; counties: { code: string; name: string }[]; notice?: AppNotice; confirmMissing?: boolean },
) {
  const c = v.client;
  const self = `${BASE}/${encodeURIComponent(c.clientId)}`;
  return adminLayout(
    p,
    principal,
    c.name,
    <section>
      <p>
        <a href={BASE} safe>
          {p.t('admin.apps.back')}
        </a>
      </p>
      <h1 safe>{c.name}</h1>
      {v.notice ? (
        <p class="notice" role="status" safe>
          {p.t(`admin.apps.notice.${v.notice}`)}
        </p>
      ) : (
        <></>
      )}
      <table class="data">
        <tbody>
          <tr>
            <th scope="row" safe>{p.t('admin.apps.clientId')}</th>
            <td>
              <code safe>{c.clientId}</code>
            </td>
          </tr>
          <tr>
            <th scope="row" safe>{p.t('admin.apps.kind')}</th>
            <td safe>{kindText(p, c)}</td>
          </tr>
          <tr>
            <th scope="row" safe>{p.t('admin.apps.state')}</th>
            <td class={c.disabled ? 'status bad' : 'status ok'} safe>
              {stateText(p, c)}
            </td>
          </tr>
          <tr>
            <th scope="row" safe>{p.t('admin.apps.createdAt')}</th>
            <td safe>{c.createdAt.slice(0, 10)}</td>
          </tr>
        </tbody>
      </table>

      <h2 safe>{p.t('admin.apps.edit')}</h2>
      <ErrorSummary p={p} issues={v.issues} />
      <form method="post" action={self} class="form" id="the-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <AppFields p={p} v={v.values} issues={v.issues} counties={v.counties} chooseKind={false} />
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.apps.save')}
          </button>
        </div>
      </form>

      {c.kind === 'public' ? (
        <></>
      ) : (
        <>
          <h2 safe>{p.t('admin.apps.rotate')}</h2>
          <form method="post" action={`${self}/rotate-secret`} class="form">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <div class="field">
              <label class="choice" for="confirm-rotate">
                <input type="checkbox" id="confirm-rotate" name="confirm" required aria-invalid={v.confirmMissing ? 'true' : undefined} aria-describedby={v.confirmMissing ? 'confirm-rotate-error' : undefined} />
                <span safe>{p.t('admin.apps.rotateConfirm')}</span>
              </label>
              {v.confirmMissing ? (
                <p class="field-error" id="confirm-rotate-error" role="alert" safe>
                  {p.t('admin.apps.error.confirm')}
                </p>
              ) : (
                <></>
              )}
            </div>
            <button type="submit" safe>
              {p.t('admin.apps.rotateSubmit')}
            </button>
          </form>
        </>
      )}

      <h2 safe>{c.disabled ? p.t('admin.apps.enable') : p.t('admin.apps.disable')}</h2>
      <p safe>{c.disabled ? p.t('admin.apps.enableHint') : p.t('admin.apps.disableHint')}</p>
      <form method="post" action={`${self}/${c.disabled ? 'enable' : 'disable'}`}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <button type="submit" safe>
          {c.disabled ? p.t('admin.apps.enableSubmit') : p.t('admin.apps.disableSubmit')}
        </button>
      </form>
    </section>,
  );
}
