import type { Principal } from '../../admin/access.ts';
import { ROLES } from '../../admin/roles.ts';
import { taipeiTime } from '../../domain/taipei-time.ts';
import type { RoleGrant } from '../../storage/ports.ts';
import { hidden, selectField, textField, type FieldError } from '../../web/views/fields.tsx';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { HeadRow, ScrollTable } from '../home/table.tsx';

export interface RolesView {
  grants: RoleGrant[];
  /** The roles the grant form offers (a county administrator: school administrators only). */
  offer: readonly string[];
  values?: Record<string, string>;
  errors?: Record<string, FieldError>;
  /** A message above the page: done (a notice) or refused (an error). */
  notice?: string;
  error?: string;
}

const scopeOf = (g: RoleGrant) => (g.countyCode ? `${g.countyName ?? ''} ${g.countyCode}` : g.schoolCode ? `${g.schoolCode} ${g.schoolName ?? ''}` : '');

function GrantsTable({ p, grants }: { p: PageContext; grants: RoleGrant[] }) {
  if (!grants.length) return <p safe>{p.t('admin.overview.roles.none')}</p>;
  return (
    <ScrollTable label={p.t('admin.overview.roles.list')}>
      <table class="data" id="grants">
        <caption safe>{p.t('admin.overview.roles.list')}</caption>
        <HeadRow labels={[p.t('admin.overview.roles.account'), p.t('admin.overview.roles.role'), p.t('admin.overview.roles.scope'), p.t('admin.overview.roles.grantedAt'), p.t('admin.overview.roles.action')]} />
        <tbody>
          {grants.map((g) => {
            const role = p.t(`admin.role.${g.role}`);
            return (
              <tr>
                <th scope="row" safe>{g.username}</th>
                <td safe>{role}</td>
                <td safe>{scopeOf(g)}</td>
                <td>
                  <time datetime={g.grantedAt.toISOString()} safe>
                    {taipeiTime(g.grantedAt)}
                  </time>
                </td>
                <td>
                  <form method="post" action="/admin/roles/revoke" class="inline">
                    {hidden('_csrf', p.csrf)}
                    {hidden('account', g.username)}
                    {hidden('role', g.role)}
                    {hidden('county', g.countyCode ?? '')}
                    {hidden('school', g.schoolCode ?? '')}
                    <button type="submit" class="link-button" aria-label={p.t('admin.overview.roles.revokeLabel', { account: g.username, role })} safe>
                      {p.t('admin.overview.roles.revoke')}
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** 管理角色: the grants within reach, each with 「撤銷」, and the grant form. */
export function rolesPage(p: PageContext, principal: Principal, v: RolesView) {
  const title = p.t('admin.menu.roles');
  const values = v.values ?? {};
  const errors = v.errors ?? {};
  return adminLayout(
    p,
    principal,
    title,
    <section aria-labelledby="roles-title">
      <h1 id="roles-title" safe>
        {title}
      </h1>
      <p class="lead" safe>
        {p.t('admin.overview.roles.lead')}
      </p>
      {v.notice ? (
        <p class="notice" role="status" safe>
          {v.notice}
        </p>
      ) : (
        <></>
      )}
      <ErrorBox message={v.error} />
      <GrantsTable p={p} grants={v.grants} />
      <form method="post" action="/admin/roles/grant" class="form" aria-labelledby="grant-title" novalidate>
        <h2 id="grant-title" safe>
          {p.t('admin.overview.roles.grantTitle')}
        </h2>
        {hidden('_csrf', p.csrf)}
        {textField(p, { name: 'account', label: p.t('admin.overview.roles.account'), value: values.account, error: errors.account, autocomplete: 'off' })}
        {selectField(p, {
          name: 'role',
          label: p.t('admin.overview.roles.role'),
          placeholder: p.t('admin.overview.roles.error.role.required'),
          options: ROLES.filter((r) => v.offer.includes(r)).map((r) => ({ value: r, label: p.t(`admin.role.${r}`) })),
          value: values.role,
          error: errors.role,
        })}
        {textField(p, { name: 'county', label: p.t('admin.overview.roles.county'), hint: p.t('admin.overview.roles.countyHint'), value: values.county, error: errors.county, optional: true })}
        {textField(p, { name: 'school', label: p.t('admin.overview.roles.school'), hint: p.t('admin.overview.roles.schoolHint'), value: values.school, error: errors.school, optional: true, maxlength: 10 })}
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.overview.roles.grant')}
          </button>
        </div>
      </form>
    </section>,
  );
}
