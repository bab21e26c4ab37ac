import { reachesAnything, reachOf } from '../../admin/access.ts';
import { AdminRefusal } from '../../admin/refusal.ts';
import { uploadCapability } from '../../admin/uploads.ts';
import { decodeCsvBytes } from '../../directory/seed.ts';
import type { UploadKind } from '../../storage/ports.ts';
import { page, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { readMultipart } from '../../web/middleware/multipart-body.ts';
import type { ConsoleArea } from '../deps.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { directoryApi } from './api.ts';
import { schoolPage, schoolsPage, uploadPage, refusedPage } from './views.ts';

const againOf = (kind: UploadKind) => (kind === 'schools' ? '/admin/schools' : '/admin/people');
const one = (v: unknown) => (typeof v === 'string' ? v : '');

/** 學校名錄 (/admin/schools) and uploads (/admin/uploads: preview, commit), with their API. */
export const directoryArea: ConsoleArea = (d, { api, router }) => {
  directoryApi(d, api);
  const { access } = d.auth;

  router.get('/admin/schools', async (ctx) => {
    const principal = adminOf(ctx);
    if (!reachesAnything(reachOf(principal, 'admin:directory'))) await access.refuse(principal, 'admin:directory', { kind: 'everything' }, requestOf(ctx));
    const q = one(ctx.query.q).slice(0, 50);
    const county = /^\d{8}$/.test(one(ctx.query.county)) ? one(ctx.query.county) : '';
    const result = await d.s.schoolDirectory.search(principal, { q, county: county || undefined, page: Number(one(ctx.query.page)) || 1 }, requestOf(ctx));
    ctx.body = schoolsPage(page(ctx), principal, { q, county, counties: await d.s.schoolDirectory.counties(principal), result }).value;
  });

  router.get('/admin/schools/:code', async (ctx) => {
    const principal = adminOf(ctx);
    try {
      ctx.body = schoolPage(page(ctx), principal, await d.s.schoolDirectory.get(principal, ctx.params.code!, requestOf(ctx))).value;
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      ctx.status = err.status;
      const p = page(ctx);
      ctx.body = refusedPage(p, principal, { title: p.t('admin.schools.title'), message: p.t(err.key), link: { href: '/admin/schools', label: p.t('admin.schools.back') } }).value;
    }
  });

  router.post('/admin/uploads', async (ctx) => {
    const principal = adminOf(ctx);
    const form = await readMultipart(ctx);
    const kind: UploadKind = form.fields.kind === 'schools' ? 'schools' : 'people';
    const refused = (status: number, key: 'admin.upload.noFile' | 'admin.upload.notCsv') => {
      ctx.status = status;
      const p = page(ctx);
      ctx.body = refusedPage(p, principal, { title: p.t('admin.upload.previewTitle'), message: p.t(key), link: { href: againOf(kind), label: p.t('admin.upload.again') } }).value;
    };
    if (!reachesAnything(reachOf(principal, uploadCapability(kind)))) await access.refuse(principal, uploadCapability(kind), { kind: 'everything' }, requestOf(ctx));
    const file = form.files.find((f) => f.field === 'file');
    if (!file || file.data.length === 0) return refused(400, 'admin.upload.noFile');
    if (file.data.includes(0)) return refused(415, 'admin.upload.notCsv');
    const upload = await d.s.uploads.preview(principal, { kind, csv: decodeCsvBytes(file.data) }, requestOf(ctx));
    ctx.status = 303;
    ctx.redirect(`/admin/uploads/${encodeURIComponent(upload.id)}`);
  });

  async function show(ctx: Ctx, extra: { status?: number; error?: string; done?: { inserted: number; updated: number } } = {}) {
    const principal = adminOf(ctx);
    const p = page(ctx);
    try {
      const upload = await d.s.uploads.get(principal, ctx.params.id!);
      ctx.status = extra.status ?? 200;
      ctx.body = uploadPage(p, principal, { upload, again: againOf(upload.kind), error: extra.error, done: extra.done }).value;
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      ctx.status = err.status;
      ctx.body = refusedPage(p, principal, { title: p.t('admin.upload.previewTitle'), message: p.t(err.key), link: { href: '/admin', label: p.t('admin.menu.overview') } }).value;
    }
  }

  router.get('/admin/uploads/:id', async (ctx) => {
    const done = /^(\d+)-(\d+)$/.exec(one(ctx.query.done));
    await show(ctx, done ? { done: { inserted: Number(done[1]), updated: Number(done[2]) } } : {});
  });

  router.post('/admin/uploads/:id/commit', requireCsrf, async (ctx) => {
    const principal = adminOf(ctx);
    const id = ctx.params.id!;
    try {
      const { written } = await d.s.uploads.commit(principal, id, requestOf(ctx));
      ctx.status = 303;
      ctx.redirect(`/admin/uploads/${encodeURIComponent(id)}?done=${written.inserted}-${written.updated}`);
    } catch (err) {
      if (!(err instanceof AdminRefusal)) throw err;
      return show(ctx, { status: err.status, error: page(ctx).t(err.key) });
    }
  });
};
