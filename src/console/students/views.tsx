import type { Principal } from '../../admin/access.ts';
import { currentClass } from '../../admin/students.ts';
import { taipeiTime } from '../../domain/taipei-time.ts';
import type { ProvisioningBatch, StudentAccount } from '../../storage/ports.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { textField } from '../../web/views/fields.tsx';
import { ScrollTable } from '../../web/views/scroll-table.tsx';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { adminLayout } from '../kit/layout.tsx';

export interface StudentsView {
  form: { school: string; class: string };
  errors?: FieldErrors;
  /** A message key for the page (e.g. nothing to provision). */
  error?: string;
  preview?: { school: { code: string; name: string }; students: { classTitle: string; number: number; name: string }[] };
  list?: { students: StudentAccount[]; batches: ProvisioningBatch[] };
}

function Preview({ p, v }: { p: PageContext; v: StudentsView }) {
  const pv = v.preview!;
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title" safe>
        {p.t('admin.students.previewTitle', { school: `${pv.school.name}（${pv.school.code}）` })}
      </h2>
      {pv.students.length ? (
        <>
          <p id="preview-count" safe>
            {p.t('admin.students.previewCount', { count: pv.students.length })}
          </p>
          <ScrollTable id="preview" caption={p.t('admin.students.previewTitle', { school: pv.school.name })} columns={[p.t('admin.students.colClass'), p.t('admin.students.colNumber'), p.t('admin.students.colName')]}>
            {pv.students.map((s) => (
              <tr>
                <td safe>{s.classTitle}</td>
                <td safe>{String(s.number)}</td>
                <td safe>{s.name}</td>
              </tr>
            ))}
          </ScrollTable>
          <form method="post" action="/admin/students/provision" class="form">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="school" value={pv.school.code} />
            <input type="hidden" name="class" value={v.form.class} />
            <p class="notice" id="once-notice" safe>
              {p.t('admin.students.onceNotice')}
            </p>
            <button type="submit" class="primary" aria-describedby="once-notice" safe>
              {p.t('admin.students.create')}
            </button>
          </form>
        </>
      ) : (
        <p id="preview-count" safe>
          {p.t('admin.students.previewNone')}
        </p>
      )}
    </section>
  );
}

function Accounts({ p, v }: { p: PageContext; v: StudentsView }) {
  const { students, batches } = v.list!;
  return (
    <>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title" safe>
          {p.t('admin.students.accountsTitle')}
        </h2>
        {students.length ? (
          <ScrollTable
            id="accounts"
            caption={p.t('admin.students.accountsTitle')}
            columns={[p.t('admin.students.colAccount'), p.t('admin.students.colName'), p.t('admin.students.colClass'), p.t('admin.students.colChanged'), p.t('admin.students.colAction')]}
          >
                {students.map((s) => {
                  const cls = currentClass(s.classes);
                  return (
                    <tr>
                      <td safe>{s.username}</td>
                      <td safe>{s.displayName}</td>
                      <td safe>{cls?.classtitle || cls?.classno || '—'}</td>
                      <td safe>{p.t(s.mustChangePassword ? 'admin.students.no' : 'admin.students.yes')}</td>
                      <td>
                        <form method="post" action={`/admin/students/${s.accountId}/reset`} class="inline">
                          <input type="hidden" name="_csrf" value={p.csrf} />
                          <button type="submit" class="secondary" aria-label={p.t('admin.students.resetLabel', { account: s.username })} safe>
                            {p.t('admin.students.reset')}
                          </button>
                        </form>
                      </td>
                    </tr>
                  );
                })}
          </ScrollTable>
        ) : (
          <p safe>{p.t('admin.students.accountsNone')}</p>
        )}
      </section>
      <section aria-labelledby="batches-title">
        <h2 id="batches-title" safe>
          {p.t('admin.students.batchesTitle')}
        </h2>
        {batches.length ? (
          <ScrollTable
            id="batches"
            caption={p.t('admin.students.batchesTitle')}
            columns={[p.t('admin.students.colCreated'), p.t('admin.students.colKind'), p.t('admin.students.colClass'), p.t('admin.students.colCount'), p.t('admin.students.colBy')]}
          >
                {batches.map((b) => (
                  <tr>
                    <td safe>{taipeiTime(b.createdAt)}</td>
                    <td safe>{p.t(`admin.students.kind.${b.kind}`)}</td>
                    <td safe>{b.classNo ?? p.t('admin.students.wholeSchool')}</td>
                    <td safe>{String(b.accountCount)}</td>
                    <td safe>{b.actor}</td>
                  </tr>
                ))}
          </ScrollTable>
        ) : (
          <p safe>{p.t('admin.students.batchesNone')}</p>
        )}
      </section>
    </>
  );
}

/** 學生帳號: choose a school (and class) → who would get an account → create, and the sheet downloads. */
export function adminStudentsPage(p: PageContext, principal: Principal, v: StudentsView) {
  const title = p.t('admin.students.title');
  const e = v.errors ?? {};
  return adminLayout(
    p,
    principal,
    title,
    <section aria-labelledby="page-title">
      <h1 id="page-title" safe>
        {title}
      </h1>
      <p safe>{p.t('admin.students.lead')}</p>
      <ErrorBox message={v.error ? p.t(v.error) : undefined} />
      <form method="get" action="/admin/students" class="form" aria-labelledby="choose-title">
        <h2 id="choose-title" safe>
          {p.t('admin.students.choose')}
        </h2>
        {textField(p, { name: 'school', label: p.t('admin.students.school'), hint: p.t('admin.students.schoolHint'), value: v.form.school, error: e.school, maxlength: 20 })}
        {textField(p, { name: 'class', label: p.t('admin.students.class'), hint: p.t('admin.students.classHint'), value: v.form.class, error: e.class, maxlength: 20, optional: true })}
        <button type="submit" safe>
          {p.t('admin.students.preview')}
        </button>
      </form>
      {v.preview ? <Preview p={p} v={v} /> : ''}
      {v.list ? <Accounts p={p} v={v} /> : ''}
    </section>,
  );
}
