import { reachesAnything, reachOf, type Principal } from '../../admin/access.ts';
import { AdminRefusal } from '../../admin/refusal.ts';
import type { RecordView } from '../../admin/source-records.ts';
import type { FieldErrors } from '../../flows/kit/form.ts';
import { page, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { readForm } from '../../web/middleware/form-body.ts';
import type { ConsoleArea } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { peopleApi } from './api.ts';
import { parseNewRecord, parseRecordChange, peopleHref, type PeopleNotice, type RecordForm } from './form.ts';
import { peoplePage, recordPage } from './views.ts';

const one = (v: unknown) => (typeof v === 'string' ? v : '');
const schoolCode = (v: string) => v.trim().toUpperCase().slice(0, 9);

/** The values a correction form starts from. */
const valuesOf = (r: RecordView): RecordForm => {
  const c = r.classes[0];
  return { name: r.name, identity: r.identity, titles: r.titles.join(';'), classYear: c?.year, classSemester: c?.semester, classGrade: c?.grade, classNo: c?.classno, classTitle: c?.classtitle };
};

/** 來源資料 (/admin/people): a school's staff and students; add, correct, remove; the source-data upload. */
export const peopleArea: ConsoleArea = (d, { api, router }) => {
  peopleApi(d, api);
  const records = d.s.sourceRecords;

  /** The schools a school administrator holds, to pick from; others type a school code. */
  async function ownSchools(principal: Principal) {
    const r = reachOf(principal, 'admin:people');
    if (r.all || r.counties.length) return [];
    const schools = await Promise.all(r.schools.map((code) => d.s.store.directory.getSchool(code)));
    return schools.filter((s) => s !== undefined).map((s) => ({ code: s.code, name: s.name }));
  }

  async function render(ctx: Ctx, school: string, extra: { notice?: PeopleNotice; form?: { values: RecordForm; errors: FieldErrors }; status?: number } = {}) {
    const principal = adminOf(ctx);
    if (!reachesAnything(reachOf(principal, 'admin:people'))) await d.auth.access.refuse(principal, 'admin:people', { kind: 'everything' }, requestOf(ctx));
    const schools = await ownSchools(principal);
    const chosen = school || (schools.length === 1 ? schools[0]!.code : '');
    const p = page(ctx);
    let list;
    let error: string | undefined;
    if (chosen) {
      try {
        list = await records.list(principal, chosen, Number(one(ctx.query.page)) || 1, requestOf(ctx));
      } catch (err) {
        if (!(err instanceof AdminRefusal)) throw err;
        ctx.status = err.status;
        error = p.t(err.key);
      }
    }
    if (extra.status) ctx.status = extra.status;
    ctx.body = peoplePage(p, principal, { schools, school: chosen, list, notice: extra.notice, form: extra.form, error }).value;
  }

  router.get('/admin/people', async (ctx) => {
    const notice = one(ctx.query.notice);
    const name = one(ctx.query.name).slice(0, 50);
    await render(ctx, schoolCode(one(ctx.query.school)), {
      notice: notice === 'removed' ? { kind: 'removed' } : notice === 'added' || notice === 'corrected' ? { kind: notice, name } : undefined,
    });
  });

  const done = (ctx: Ctx, school: string, notice: string, name = '') => {
    ctx.status = 303;
    ctx.redirect(`${peopleHref(school)}&notice=${notice}${name ? `&name=${encodeURIComponent(name)}` : ''}`);
  };

  router.post('/admin/people/:code/add', requireCsrf, async (ctx) => {
    const principal = adminOf(ctx);
    const code = schoolCode(ctx.params.code!);
    const form = await readForm(ctx);
    const parsed = parseNewRecord(form);
    const values: RecordForm = { ...form, idNumber: form.idNumber };
    if (!parsed.ok) return render(ctx, code, { form: { values, errors: parsed.errors }, status: 400 });
    try {
      const r = await records.add(principal, code, parsed.data, requestOf(ctx));
      done(ctx, code, 'added', r.name);
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      await render(ctx, code, { form: { values, errors: { idNumber: { key: err.key } } }, status: err.status });
    }
  });

  async function editPage(ctx: Ctx, code: string, id: string, form?: { values: RecordForm; errors: FieldErrors }, status = 200) {
    const principal = adminOf(ctx);
    try {
      const school = await records.school(principal, code, requestOf(ctx));
      const record = await records.get(principal, code, id, requestOf(ctx));
      ctx.status = status;
      ctx.body = recordPage(page(ctx), principal, { school: { code: school.code, name: school.name }, record, values: form?.values ?? valuesOf(record), errors: form?.errors ?? {} }).value;
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      await render(ctx, code, { status: err.status });
    }
  }

  router.get('/admin/people/:code/:id', (ctx) => editPage(ctx, schoolCode(ctx.params.code!), ctx.params.id!));

  router.post('/admin/people/:code/:id', requireCsrf, async (ctx) => {
    const principal = adminOf(ctx);
    const code = schoolCode(ctx.params.code!);
    const id = ctx.params.id!;
    const form = await readForm(ctx);
    const parsed = parseRecordChange(form);
    if (!parsed.ok) return editPage(ctx, code, id, { values: form, errors: parsed.errors }, 400);
    try {
      const r = await records.correct(principal, code, id, parsed.data, requestOf(ctx));
      done(ctx, code, 'corrected', r.name);
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      if (err.status === 409) return editPage(ctx, code, id, { values: form, errors: { identity: { key: err.key } } }, 409);
      await render(ctx, code, { status: err.status });
    }
  });

  router.post('/admin/people/:code/:id/remove', requireCsrf, async (ctx) => {
    const principal = adminOf(ctx);
    const code = schoolCode(ctx.params.code!);
    try {
      await records.remove(principal, code, ctx.params.id!, requestOf(ctx));
      done(ctx, code, 'removed');
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      await render(ctx, code, { status: err.status });
    }
  });
};
