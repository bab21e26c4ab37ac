import type { FieldErrors } from '../../flows/kit/form.ts';
import type { Picker } from '../../flows/school-transfer/flow.ts';
import { identityName, levelName, placeName } from '../../i18n/data-names.ts';
import type { Affiliation, ClassInfo } from '../../storage/ports.ts';
import { defaultSubmit } from './captcha.tsx';
import { consoleLayout } from './console.tsx';
import { hidden, selectField, textField } from './fields.tsx';
import { ErrorBox } from './layout.tsx';
import type { PageContext } from './page-context.ts';

const PATH = '/account/school';

export type QueryView = Picker & { idNumber: string; errors: FieldErrors; error?: { key: string; params?: Record<string, number> }; notFound?: boolean };

function page(p: PageContext, body: JSX.Element, heading = p.t('schoolTransfer.title')) {
  return consoleLayout(
    p,
    heading,
    <section class="card" aria-labelledby="page-title">
      <h1 id="page-title" safe>
        {heading}
      </h1>
      {body}
    </section>,
  );
}

/** 「倘若無顯示現職單位，請洽貴校人事」, with 聯絡我們 for a missing source record. */
function HrNote({ p }: { p: PageContext }) {
  return (
    <p class="more">
      <span safe>{p.t('schoolTransfer.hrNote')}</span>{' '}
      <a href="/contact?category=source-not-found" safe>
        {p.t('schoolTransfer.contact')}
      </a>
    </p>
  );
}

/** Step 3: 縣市/行政區/學制/學校單位 (round trips without JavaScript, filled in place with it) and the number. */
export function queryView(p: PageContext, v: QueryView) {
  const local = (options: Picker['lists']['counties']) => options.map((o) => ({ value: o.value, label: placeName(p.lang, { name: o.label, english: o.english }) }));
  const levels = v.lists.levels.map((l) => ({ value: l.value, label: levelName(p.lang, l.label) }));
  const pick = p.t('register.pick');
  const message = v.error ? p.t(v.error.key, v.error.params) : v.notFound ? p.t('schoolTransfer.notFound') : undefined;
  return page(
    p,
    <>
      <p safe>{p.t('schoolTransfer.queryLead')}</p>
      <ErrorBox message={message} />
      <form method="post" action={`${PATH}/query`} class="form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {defaultSubmit('query')}
        <div class="cascade" data-cascade>
          {selectField(p, { name: 'county', label: p.t('register.county'), options: local(v.lists.counties), value: v.place.county, placeholder: pick })}
          {selectField(p, { name: 'district', label: p.t('register.district'), options: local(v.lists.districts), value: v.place.district, placeholder: pick })}
          {selectField(p, { name: 'level', label: p.t('register.level'), options: levels, value: v.place.level, placeholder: pick })}
          {selectField(p, { name: 'school', label: p.t('schoolTransfer.school'), options: v.lists.schools, value: v.place.school, placeholder: pick, error: v.errors.school })}
          <button type="submit" name="action" value="refresh" class="cascade-refresh" safe>
            {p.t('register.refresh')}
          </button>
        </div>
        {textField(p, { name: 'id_number', label: p.t('schoolTransfer.idNumber'), value: v.idNumber, error: v.errors.id_number, maxlength: 10 })}
        <div class="actions">
          <button type="submit" name="action" value="query" class="primary" safe>
            {p.t('schoolTransfer.query')}
          </button>
        </div>
      </form>
      <HrNote p={p} />
    </>,
  );
}

const classLine = (p: PageContext, c: ClassInfo) => p.t('register.classLine', { year: c.year, semester: c.semester, title: c.classtitle || c.classno });

/** One column of the comparison: what an affiliation (or a source record) says. */
function cells(p: PageContext, a: Pick<Affiliation, 'identity' | 'titles' | 'classes'> & { schoolName: string }) {
  const none = p.t('profile.none');
  return [a.schoolName, identityName(p.lang, a.identity), a.titles.join('、') || none, a.classes.map((c) => classLine(p, c)).join('、') || none];
}

/** Step 4: 「目前資料」 beside 「來源資料」, then 「更新」. */
export function compareView(p: PageContext, v: { current: Affiliation[]; source: Pick<Affiliation, 'schoolCode' | 'identity' | 'titles' | 'classes'>; schoolName: string }) {
  const labels = [p.t('profile.school'), p.t('profile.identity'), p.t('profile.titles'), p.t('profile.classes')];
  const current = v.current.map((a) => cells(p, a));
  const now = labels.map((_, i) => current.map((c) => c[i]).join('；') || p.t('profile.none'));
  const source = cells(p, { ...v.source, schoolName: v.schoolName });
  return page(
    p,
    <>
      <p safe>{p.t('schoolTransfer.compareLead')}</p>
      <table class="data compare">
          <caption safe>{p.t('schoolTransfer.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {p.t('schoolTransfer.item')}
              </th>
              <th scope="col" safe>
                {p.t('schoolTransfer.current')}
              </th>
              <th scope="col" safe>
                {p.t('schoolTransfer.source')}
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr>
                <th scope="row" safe>
                  {label}
                </th>
                <td safe>{now[i]}</td>
                <td safe>{source[i]}</td>
              </tr>
            ))}
          </tbody>
      </table>
      <form method="post" action={`${PATH}/update`} class="form">
        <input type="hidden" name="_csrf" value={p.csrf} />
        {hidden('school', v.source.schoolCode)}
        <div class="actions">
          <a class="button" href={PATH} safe>
            {p.t('schoolTransfer.again')}
          </a>
          <button type="submit" class="primary" safe>
            {p.t('schoolTransfer.update')}
          </button>
        </div>
      </form>
      <HrNote p={p} />
    </>,
  );
}

/** Step 5: 「更新成功」 → 「確定」 goes to 查閱個人資料. */
export function doneView(p: PageContext, v: { schoolName: string }) {
  return page(
    p,
    <>
      <p role="status" safe>
        {p.t('schoolTransfer.doneLead', { school: v.schoolName })}
      </p>
      <div class="actions">
        <a class="button primary" href="/account" safe>
          {p.t('schoolTransfer.ok')}
        </a>
      </div>
    </>,
    p.t('schoolTransfer.done'),
  );
}
