import type { Principal } from '../../admin/access.ts';
import { actorLabel, compactDetail, type AuditQuery } from '../../admin/audit-log.ts';
import { taipeiTime } from '../../domain/taipei-time.ts';
import type { AuditLogEntry } from '../../storage/ports.ts';
import { textField, type FieldError } from '../../web/views/fields.tsx';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { HeadRow, ScrollTable } from '../home/table.tsx';

export interface AuditView {
  /** What the form shows: the query as typed. */
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  /** The search's query string (without page), for the export link and the pager; null when the query is not valid. */
  query: string | null;
  result?: { rows: AuditLogEntry[]; page: number; more: boolean };
}

const FIELDS: { name: keyof AuditQuery; label: 'type' | 'actor' | 'account' | 'client' | 'ip' | 'from' | 'to'; hint?: 'typeHint' | 'actorHint'; type?: string }[] = [
  { name: 'type', label: 'type', hint: 'typeHint' },
  { name: 'actor', label: 'actor', hint: 'actorHint' },
  { name: 'account', label: 'account' },
  { name: 'client', label: 'client' },
  { name: 'ip', label: 'ip' },
  { name: 'from', label: 'from', type: 'date' },
  { name: 'to', label: 'to', type: 'date' },
];

const withPage = (query: string, page: number) => `/admin/audit?${query}${query ? '&' : ''}page=${page}`;

function Results({ p, v, result }: { p: PageContext; v: AuditView; result: NonNullable<AuditView['result']> }) {
  const caption = p.t('admin.overview.audit.results', { page: result.page });
  return (
    <section aria-labelledby="audit-results">
      <h2 id="audit-results" safe>
        {caption}
      </h2>
      {result.rows.length ? (
        <ScrollTable label={caption}>
          <table class="data audit-table">
            <HeadRow labels={[p.t('admin.overview.audit.time'), p.t('admin.overview.audit.typeColumn'), p.t('admin.overview.audit.actor'), p.t('admin.overview.audit.account'), p.t('admin.overview.audit.client'), p.t('admin.overview.audit.ip'), p.t('admin.overview.audit.detail')]} />
            <tbody>
              {result.rows.map((e) => (
                <tr>
                  <td>
                    <time datetime={e.at.toISOString()} safe>
                      {taipeiTime(e.at, { seconds: true })}
                    </time>
                  </td>
                  <td safe>{e.type}</td>
                  <td safe>{actorLabel(e)}</td>
                  <td safe>{e.accountName ?? e.accountId ?? ''}</td>
                  <td safe>{e.clientId ?? ''}</td>
                  <td safe>{e.ip ?? ''}</td>
                  <td class="detail" safe>
                    {compactDetail(e.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p safe>{p.t('admin.overview.audit.none')}</p>
      )}
      {v.query !== null && (result.page > 1 || result.more) ? (
        <nav aria-label={p.t('admin.overview.audit.pages')} class="actions">
          {result.page > 1 ? (
            <a href={withPage(v.query, result.page - 1)} rel="prev" safe>
              {p.t('admin.overview.audit.previous')}
            </a>
          ) : (
            <></>
          )}
          {result.more ? (
            <a href={withPage(v.query, result.page + 1)} rel="next" safe>
              {p.t('admin.overview.audit.next')}
            </a>
          ) : (
            <></>
          )}
        </nav>
      ) : (
        <></>
      )}
    </section>
  );
}

/** 稽核紀錄: a GET search form (works without script), the page of results, the same search as CSV. */
export function auditPage(p: PageContext, principal: Principal, v: AuditView) {
  const title = p.t('admin.menu.audit');
  const invalid = Object.keys(v.errors).length > 0;
  return adminLayout(
    p,
    principal,
    title,
    <section aria-labelledby="audit-title">
      <h1 id="audit-title" safe>
        {title}
      </h1>
      <p class="lead" safe>
        {p.t('admin.overview.audit.lead')}
      </p>
      <ErrorBox message={invalid ? p.t('admin.error.invalid') : undefined} />
      <form method="get" action="/admin/audit" class="form audit-search" aria-labelledby="audit-search-title">
        <h2 id="audit-search-title" safe>
          {p.t('admin.overview.audit.search')}
        </h2>
        <div class="field-grid">
          {FIELDS.map((f) =>
            textField(p, {
              name: f.name,
              label: p.t(`admin.overview.audit.${f.label}`),
              hint: f.hint ? p.t(`admin.overview.audit.${f.hint}`) : undefined,
              value: v.values[f.name] ?? '',
              error: v.errors[f.name],
              type: f.type,
              optional: true,
              maxlength: 200,
            }),
          )}
        </div>
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.overview.audit.submit')}
          </button>
          {v.query !== null ? (
            <a class="button" href={`/admin/audit.csv${v.query ? `?${v.query}` : ''}`} download="" safe>
              {p.t('admin.overview.audit.export')}
            </a>
          ) : (
            <></>
          )}
        </div>
      </form>
      {v.result ? <Results p={p} v={v} result={v.result} /> : <></>}
    </section>,
  );
}
