import type { Principal } from '../../admin/access.ts';
import type { RecordView } from '../../admin/source-records.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { identities } from '../../source-data/people-csv.ts';
import { selectField, textField } from '../../web/views/fields.tsx';
import { ErrorBox } from '../../web/views/layout.tsx';
import type { PageContext } from '../../web/views/page-context.ts';
import { DataTable, Pager, UploadForm } from '../directory/parts.tsx';
import { adminLayout } from '../kit/layout.tsx';
import { peopleHref, type PeopleNotice, type RecordForm } from './form.ts';


/** The fields of a record; the identity number and birthday only when adding. */
function RecordFields({ p, values, errors, adding }: { p: PageContext; values: RecordForm; errors: FieldErrors; adding: boolean }) {
  const field = (name: keyof RecordForm, label: string, extra: { hint?: string; optional?: boolean; maxlength?: number; inputmode?: string } = {}) =>
    textField(p, { name, label, value: values[name], error: errors[name], ...extra });
  return (
    <>
      {adding ? field('idNumber', p.t('admin.people.idNumber'), { hint: p.t('admin.people.idHint'), maxlength: 30 }) : ''}
      {field('name', p.t('admin.people.name'), { maxlength: 50 })}
      {adding ? field('birthday', p.t('admin.people.birthday'), { hint: p.t('admin.people.birthdayHint'), maxlength: 10 }) : ''}
      {selectField(p, {
        name: 'identity',
        label: p.t('admin.people.identity'),
        options: identities.map((i) => ({ value: i, label: p.t(`identity.${i}`) })),
        value: values.identity,
        error: errors.identity,
        placeholder: '—',
      })}
      {field('titles', p.t('admin.people.titles'), { hint: p.t('admin.people.titlesHint'), optional: true, maxlength: 200 })}
      <fieldset>
        <legend safe>{p.t('admin.people.classHeading')}</legend>
        {field('classYear', p.t('admin.people.classYear'), { optional: true, maxlength: 3, inputmode: 'numeric' })}
        {field('classSemester', p.t('admin.people.classSemester'), { optional: true, maxlength: 1, inputmode: 'numeric' })}
        {field('classGrade', p.t('admin.people.classGrade'), { optional: true, maxlength: 2, inputmode: 'numeric' })}
        {field('classNo', p.t('admin.people.classNo'), { optional: true, maxlength: 20 })}
        {field('classTitle', p.t('admin.people.classTitle'), { optional: true, maxlength: 50 })}
      </fieldset>
    </>
  );
}

const classText = (r: RecordView) => r.classes.map((c) => `${c.year}-${c.semester} ${c.classtitle || c.classno}`).join('、');

/** 來源資料: choose a school within reach, then its records with correct and remove, the add form and the upload. */
export function peoplePage(
  p: PageContext,
  principal: Principal,
  v: {
    schools: { code: string; name: string }[];
    school?: string;
    list?: { school: { code: string; name: string }; total: number; page: number; pageSize: number; records: RecordView[] };
    notice?: PeopleNotice;
    form?: { values: RecordForm; errors: FieldErrors };
    error?: string;
  },
) {
  const title = p.t('admin.people.title');
  const list = v.list;
  return adminLayout(
    p,
    principal,
    list ? `${list.school.name} - ${title}` : title,
    <div>
      <h1 safe>{title}</h1>
      <p safe>{p.t('admin.people.lead')}</p>
      <ErrorBox message={v.error} />
      {v.notice ? (
        <p role="status" class="notice" safe>
          {v.notice.kind === 'removed' ? p.t('admin.people.removed') : p.t(`admin.people.${v.notice.kind}`, { name: v.notice.name })}
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="pick-title">
        <h2 id="pick-title" safe>
          {p.t('admin.people.pick')}
        </h2>
        {v.schools.length ? (
          <ul aria-label={p.t('admin.people.yourSchools')}>
            {v.schools.map((s) => (
              <li>
                <a href={peopleHref(s.code)} aria-current={s.code === list?.school.code ? 'page' : undefined} safe>
                  {`${s.name}（${s.code}）`}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <form method="get" action="/admin/people">
            {textField(p, { name: 'school', label: p.t('admin.people.school'), value: v.school, maxlength: 9 })}
            <div class="actions">
              <button type="submit" safe>
                {p.t('admin.people.show')}
              </button>
            </div>
          </form>
        )}
      </section>
      {list ? (
        <>
          <section aria-labelledby="list-title">
            <h2 id="list-title" safe>
              {p.t('admin.people.listTitle', { school: list.school.name, code: list.school.code })}
            </h2>
            {list.records.length ? (
              <>
                <DataTable
                  id="people"
                  caption={p.t('admin.people.count', { total: list.total })}
                  heads={[p.t('admin.people.name'), p.t('admin.people.idNumber'), p.t('admin.people.identity'), p.t('admin.people.titles'), p.t('admin.people.classes'), p.t('admin.people.actions')]}
                  rows={list.records.map((r) => [
                    <span safe>{r.name}</span>,
                    <span safe>{r.idMasked}</span>,
                    <span safe>{p.t(`identity.${r.identity}`)}</span>,
                    <span safe>{r.titles.join('、')}</span>,
                    <span safe>{classText(r)}</span>,
                    <div class="row-actions">
                      <a href={`/admin/people/${encodeURIComponent(list.school.code)}/${encodeURIComponent(r.id)}`} aria-label={p.t('admin.people.correctNamed', { name: r.name })} safe>
                        {p.t('admin.people.correct')}
                      </a>
                      <form method="post" action={`/admin/people/${encodeURIComponent(list.school.code)}/${encodeURIComponent(r.id)}/remove`}>
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <button type="submit" aria-label={p.t('admin.people.removeNamed', { name: r.name, identity: p.t(`identity.${r.identity}`) })} safe>
                          {p.t('admin.people.remove')}
                        </button>
                      </form>
                    </div>,
                  ])}
                />
                <Pager p={p} page={list.page} pageSize={list.pageSize} total={list.total} href={(n) => peopleHref(list.school.code, n)} />
              </>
            ) : (
              <p role="status" safe>
                {p.t('admin.people.none')}
              </p>
            )}
          </section>
          <section aria-labelledby="add-title">
            <h2 id="add-title" safe>
              {p.t('admin.people.addTitle')}
            </h2>
            {v.form ? <ErrorBox message={p.t('admin.people.formError')} /> : ''}
            <form method="post" action={`/admin/people/${encodeURIComponent(list.school.code)}/add`} novalidate>
              <input type="hidden" name="_csrf" value={p.csrf} />
              <RecordFields p={p} values={v.form?.values ?? {}} errors={v.form?.errors ?? {}} adding />
              <div class="actions">
                <button type="submit" class="primary" safe>
                  {p.t('admin.people.add')}
                </button>
              </div>
            </form>
          </section>
          <UploadForm p={p} kind="people" title={p.t('admin.people.uploadTitle')} />
        </>
      ) : (
        ''
      )}
    </div>,
  );
}

/** 更正來源資料: one record's name, identity, titles and class. */
export function recordPage(p: PageContext, principal: Principal, v: { school: { code: string; name: string }; record: RecordView; values: RecordForm; errors: FieldErrors }) {
  const title = p.t('admin.people.correctTitle');
  const action = `/admin/people/${encodeURIComponent(v.school.code)}/${encodeURIComponent(v.record.id)}`;
  return adminLayout(
    p,
    principal,
    title,
    <div>
      <h1 safe>{title}</h1>
      <p safe>{`${v.school.name}（${v.school.code}）：${v.record.name}，${v.record.idMasked}`}</p>
      {Object.keys(v.errors).length ? <ErrorBox message={p.t('admin.people.formError')} /> : ''}
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <RecordFields p={p} values={v.values} errors={v.errors} adding={false} />
        <div class="actions">
          <button type="submit" class="primary" safe>
            {p.t('admin.people.save')}
          </button>
          <a href={peopleHref(v.school.code)} safe>
            {p.t('admin.people.cancel')}
          </a>
        </div>
      </form>
    </div>,
  );
}
