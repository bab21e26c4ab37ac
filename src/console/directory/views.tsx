import type { Principal } from '../../admin/access.ts';
import { taipeiTime } from '../../domain/taipei-time.ts';
import type { SchoolRow, UploadRow } from '../../storage/ports.ts';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';
import { DataTable, Pager, UploadForm } from './parts.tsx';

const schoolsHref = (q: { q?: string; county?: string; page?: number }) => {
  const s = new URLSearchParams();
  if (q.q) s.set('q', q.q);
  if (q.county) s.set('county', q.county);
  if (q.page && q.page > 1) s.set('page', String(q.page));
  const t = s.toString();
  return `/admin/schools${t ? `?${t}` : ''}`;
};

/** 學校名錄: search within reach, the results, and the school-list upload. */
export function schoolsPage(
  p: PageContext,
  principal: Principal,
  v: { q: string; county: string; counties: { code: string; name: string }[]; result: { total: number; page: number; pageSize: number; schools: SchoolRow[] }; uploadError?: string },
) {
  const title = p.t('admin.schools.title');
  const r = v.result;
  return adminLayout(
    p,
    principal,
    title,
    <div>
      <h1 safe>{title}</h1>
      <section aria-labelledby="search-title">
        <h2 id="search-title" safe>
          {p.t('admin.schools.search')}
        </h2>
        <form method="get" action="/admin/schools" role="search">
          <div class="field">
            <label for="q" safe>
              {p.t('admin.schools.q')}
            </label>
            <input id="q" name="q" type="search" value={v.q} maxlength="50" />
          </div>
          <div class="field">
            <label for="county" safe>
              {p.t('admin.schools.county')}
            </label>
            <select id="county" name="county">
              <option value="" safe>
                {p.t('admin.schools.allCounties')}
              </option>
              {v.counties.map((c) => (
                <option value={c.code} selected={c.code === v.county} safe>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit" safe>
              {p.t('admin.schools.submit')}
            </button>
          </div>
        </form>
      </section>
      {r.schools.length ? (
        <>
          <DataTable
            id="schools"
            caption={p.t('admin.schools.found', { total: r.total })}
            heads={[p.t('admin.schools.code'), p.t('admin.schools.name'), p.t('admin.schools.level'), p.t('admin.schools.county'), p.t('admin.schools.district')]}
            rows={r.schools.map((s) => [
              <span safe>{s.code}</span>,
              <a href={`/admin/schools/${encodeURIComponent(s.code)}`} safe>
                {s.name}
              </a>,
              <span>{s.level}</span>,
              <span safe>{s.countyName}</span>,
              <span safe>{s.districtName ?? ''}</span>,
            ])}
          />
          <Pager p={p} page={r.page} pageSize={r.pageSize} total={r.total} href={(page) => schoolsHref({ q: v.q, county: v.county, page })} />
        </>
      ) : (
        <p role="status" safe>
          {p.t('admin.schools.none')}
        </p>
      )}
      <UploadForm p={p} kind="schools" title={p.t('admin.schools.uploadTitle')} error={v.uploadError} />
    </div>,
  );
}

/** One school of the directory. */
export function schoolPage(p: PageContext, principal: Principal, s: SchoolRow) {
  const row = (label: string, value: string | null) => (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td safe>{value ?? ''}</td>
    </tr>
  );
  return adminLayout(
    p,
    principal,
    s.name,
    <div>
      <h1 safe>{s.name}</h1>
      <table class="data">
        {row(p.t('admin.schools.code'), s.code)}
        {row(p.t('admin.schools.level'), s.level)}
        {row(p.t('admin.schools.county'), s.countyName)}
        {row(p.t('admin.schools.district'), s.districtName)}
        {row(p.t('admin.schools.ownership'), s.ownership)}
        {row(p.t('admin.schools.address'), s.address)}
        {row(p.t('admin.schools.phone'), s.phone)}
        {row(p.t('admin.schools.url'), s.url)}
      </table>
      <p>
        <a href="/admin/schools" safe>
          {p.t('admin.schools.back')}
        </a>
      </p>
    </div>,
  );
}

/** 匯入預覽: the counts, every row error, and 「確認匯入」 or 「重新上傳」. */
export function uploadPage(p: PageContext, principal: Principal, v: { upload: UploadRow; again: string; error?: string; done?: { inserted: number; updated: number } }) {
  const u = v.upload;
  const title = p.t('admin.upload.previewTitle');
  const counts = (['rows', 'records', 'inserted', 'updated', 'unchanged', 'errors'] as const).map((k) => (
    <tr>
      <th scope="row" safe>
        {p.t(`admin.upload.count.${k}`)}
      </th>
      <td safe>{String(u.counts[k])}</td>
    </tr>
  ));
  return adminLayout(
    p,
    principal,
    title,
    <div>
      <h1 safe>{title}</h1>
      <ErrorBox message={v.error} />
      {v.done ? (
        <p role="status" class="notice" safe>
          {p.t('admin.upload.done', v.done)}
        </p>
      ) : (
        ''
      )}
      <p safe>{p.t('admin.upload.kindLabel', { kind: p.t(`admin.upload.kind.${u.kind}`) })}</p>
      <table class="data" id="upload-counts">
        <caption safe>{p.t('admin.upload.counts')}</caption>
        {counts}
      </table>
      {u.errors.length ? (
        <section aria-labelledby="errors-title">
          <h2 id="errors-title" safe>
            {p.t('admin.upload.errorsTitle')}
          </h2>
          <p class="error" role="alert" safe>
            {p.t('admin.upload.errorsLead', { count: u.errors.length })}
          </p>
          <DataTable
            id="upload-errors"
            caption={p.t('admin.upload.errorsTitle')}
            heads={[p.t('admin.upload.col.line'), p.t('admin.upload.col.field'), p.t('admin.upload.col.problem')]}
            rows={u.errors.map((e) => [<span safe>{String(e.line)}</span>, <span safe>{e.field}</span>, <span safe>{p.t(e.key)}</span>])}
          />
        </section>
      ) : (
        ''
      )}
      {u.committedAt ? (
        <p safe>{p.t('admin.upload.doneAt', { time: taipeiTime(u.committedAt) })}</p>
      ) : u.errors.length ? (
        ''
      ) : (
        <form method="post" action={`/admin/uploads/${encodeURIComponent(u.id)}/commit`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <p safe>{p.t('admin.upload.ready')}</p>
          <p safe>{p.t('admin.upload.expires', { time: taipeiTime(u.expiresAt) })}</p>
          <div class="actions">
            <button type="submit" class="primary" safe>
              {p.t('admin.upload.commit')}
            </button>
          </div>
        </form>
      )}
      <p>
        <a href={v.again} safe>
          {p.t('admin.upload.again')}
        </a>
      </p>
    </div>,
  );
}

/** A refusal that is not about reach (no file, not found, already imported): the message and a way on. */
export function refusedPage(p: PageContext, principal: Principal, v: { title: string; message: string; link: { href: string; label: string } }) {
  return adminLayout(
    p,
    principal,
    v.title,
    <div>
      <h1 safe>{v.title}</h1>
      <ErrorBox message={v.message} />
      <p>
        <a href={v.link.href} safe>
          {v.link.label}
        </a>
      </p>
    </div>,
  );
}
