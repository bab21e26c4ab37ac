import { z } from 'zod';
import { StudentsError, currentClass } from '../../admin/students.ts';
import type { ProvisioningBatch, StudentAccount } from '../../storage/ports.ts';
import { parseForm } from '../../flows/kit/form.ts';
import { page, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { reachOf } from '../../admin/access.ts';
import { ApiError } from '../kit/errors.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import type { ConsoleArea } from '../deps.ts';
import { batchSchema, chooseForm, classNo, provisionBody, provisionForm, schoolCode, schoolStudentsSchema } from './schemas.ts';
import { adminStudentsPage } from './views.ts';
import type { StudentsView } from './views.tsx';

const PDF = 'application/pdf';
const sheetName = (school: string, batch: ProvisioningBatch) => `students-${school}-${batch.createdAt.toISOString().slice(0, 10)}-${batch.id.slice(0, 8)}.pdf`;

const studentJson = (s: StudentAccount) => ({ accountId: s.accountId, username: s.username, name: s.displayName, class: currentClass(s.classes) ?? null, mustChangePassword: s.mustChangePassword, createdAt: s.createdAt.toISOString() });
const batchJson = (b: ProvisioningBatch): z.input<typeof batchSchema> => ({ id: b.id, kind: b.kind, class: b.classNo, count: b.accountCount, actor: b.actor, createdAt: b.createdAt.toISOString() });

/** The sheet as the answer: downloaded at once, never cached, never kept. */
function sendSheet(ctx: Ctx, name: string, sheet: Buffer, batch: ProvisioningBatch) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Provisioning-Batch', batch.id);
  ctx.type = PDF;
  ctx.attachment(name);
  ctx.body = sheet;
}

/**
 * 學生帳號 (/admin/students) and its API: student accounts from source records, the printable
 * initial-password sheet, and the school's students with whether they set their own password.
 */
export const studentsArea: ConsoleArea = (d, { api, router }) => {
  const students = d.s.students;

  async function render(ctx: Ctx, v: StudentsView, status = 200) {
    ctx.status = status;
    ctx.body = adminStudentsPage(page(ctx), adminOf(ctx), v).value;
  }

  /** The school chosen, and for it the preview and the list; a school administrator starts at its own school. */
  async function show(ctx: Ctx, form: { school: string; class: string }, error?: { key: string; status: number }) {
    const p = adminOf(ctx);
    const school = form.school.trim() || reachOf(p, 'admin:people').schools[0] || '';
    const v: StudentsView = { form: { school, class: form.class.trim() }, error: error?.key };
    if (!school) return render(ctx, v, error?.status);
    const cls = classNo.safeParse(v.form.class);
    if (!cls.success) return render(ctx, { ...v, errors: { class: { key: 'admin.students.badClass' } } }, 400);
    try {
      const preview = await students.preview(p, school, cls.data || undefined, requestOf(ctx));
      const list = await students.list(p, school, requestOf(ctx));
      return render(ctx, { ...v, preview: { school: preview.school, students: preview.students }, list }, error?.status);
    } catch (err) {
      if (!(err instanceof StudentsError)) throw err;
      return render(ctx, { ...v, errors: { school: { key: err.key } } }, err.status);
    }
  }

  router.get('/admin/students', async (ctx) => {
    const form = chooseForm.parse({ school: ctx.query.school ?? '', class: ctx.query.class ?? '' } as Record<string, unknown>);
    await show(ctx, { school: String(form.school), class: String(form.class) });
  });

  router.post('/admin/students/provision', requireCsrf, async (ctx) => {
    const parsed = await parseForm(ctx, provisionForm);
    if (!parsed.ok) {
      const form = chooseForm.parse({ school: ctx.state.form?.school ?? '', class: ctx.state.form?.class ?? '' });
      return render(ctx, { form, errors: parsed.errors }, 400);
    }
    const { school, class: cls } = parsed.data;
    try {
      const r = await students.provision(adminOf(ctx), school, cls || undefined, requestOf(ctx));
      sendSheet(ctx, sheetName(school, r.batch), r.sheet, r.batch);
    } catch (err) {
      if (!(err instanceof StudentsError)) throw err;
      await show(ctx, { school, class: cls }, { key: err.key, status: err.status });
    }
  });

  router.post('/admin/students/:accountId/reset', requireCsrf, async (ctx) => {
    try {
      const r = await students.resetInitialPassword(adminOf(ctx), ctx.params.accountId!, requestOf(ctx));
      sendSheet(ctx, sheetName(r.batch.schoolCode, r.batch), r.sheet, r.batch);
    } catch (err) {
      if (!(err instanceof StudentsError)) throw err;
      await render(ctx, { form: { school: '', class: '' }, error: err.key }, err.status);
    }
  });

  const refused = (err: unknown): never => {
    if (err instanceof StudentsError) throw new ApiError(err.status, err.status === 404 ? 'not_found' : 'conflict', err.key);
    throw err;
  };
  const codeParams = z.object({ code: schoolCode.meta({ description: 'the MOE school code' }) });

  api.add({
    method: 'get',
    path: '/schools/{code}/students',
    operationId: 'listSchoolStudents',
    summary: 'A school’s student accounts, whether each still has its initial password, and the latest provisioning batches',
    tag: 'students',
    capability: 'admin:people',
    params: codeParams,
    response: schoolStudentsSchema,
    errors: [404],
    async handler({ principal, params, req }) {
      const r = await students.list(principal, params.code, req).catch(refused);
      return { school: r.school, students: r.students.map(studentJson), batches: r.batches.map(batchJson) };
    },
  });

  api.add({
    method: 'post',
    path: '/schools/{code}/students/provision',
    operationId: 'provisionSchoolStudents',
    summary:
      'Creates an account, in one transaction, for every student of the school (or class) in the source data who has none; answers the printable password sheet (application/pdf, the only copy of the initial passwords; header X-Provisioning-Batch names the batch). 409 when nobody needs one',
    tag: 'students',
    capability: 'admin:people',
    params: codeParams,
    body: provisionBody,
    response: z.string(),
    produces: PDF,
    errors: [404, 409],
    async handler({ principal, params, body, req, ctx }) {
      const r = await students.provision(principal, params.code, body.class || undefined, req).catch(refused);
      ctx.set('X-Provisioning-Batch', r.batch.id);
      return { file: { type: PDF, name: sheetName(params.code, r.batch), body: r.sheet } };
    },
  });

  api.add({
    method: 'post',
    path: '/students/{accountId}/reset-password',
    operationId: 'resetStudentInitialPassword',
    summary: 'A new initial password for one student account (its sessions end; it must set its own at the next sign-in); answers a one-student sheet (application/pdf)',
    tag: 'students',
    capability: 'admin:people',
    params: z.object({ accountId: z.string().max(64) }),
    response: z.string(),
    produces: PDF,
    errors: [404],
    async handler({ principal, params, req, ctx }) {
      const r = await students.resetInitialPassword(principal, params.accountId, req).catch(refused);
      ctx.set('X-Provisioning-Batch', r.batch.id);
      return { file: { type: PDF, name: sheetName(r.batch.schoolCode, r.batch), body: r.sheet } };
    },
  });
};
