import { z } from 'zod';
import { reachOf, type Principal } from '../../admin/access.ts';
import { rolesInReach, type RoleChange } from '../../admin/roles-in-reach.ts';
import { ROLES, RoleInputError, RoleNotFoundError } from '../../admin/roles.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { text } from '../../i18n/translate.ts';
import { page, type Ctx } from '../../web/context.ts';
import { requireCsrf } from '../../web/middleware/csrf.ts';
import { readForm } from '../../web/middleware/form-body.ts';
import type { ConsoleArea } from '../deps.ts';
import { ApiError } from '../kit/errors.ts';
import { adminOf, requestOf } from '../kit/guard.ts';
import { rolesPage } from './views.ts';
import type { RolesView } from './views.tsx';

const fieldKey = (e: RoleInputError) => `admin.overview.roles.error.${e.field}.${e.reason}` as MessageKey;
/** The roles a principal's form offers: everything for a system administrator, else school administrators. */
const offerOf = (p: Principal) => (reachOf(p, 'admin:roles').all ? ROLES : (['school-admin'] as const));

const grantSchema = z
  .object({
    accountId: z.string(),
    username: z.string(),
    role: z.enum(['system-admin', 'county-admin', 'school-admin', 'helpdesk']),
    countyCode: z.string().nullable(),
    countyName: z.string().nullable(),
    schoolCode: z.string().nullable(),
    schoolName: z.string().nullable(),
    grantedAt: z.string().meta({ description: 'ISO 8601' }),
    grantedBy: z.string().nullable().meta({ description: 'the granting account’s id; null: the command line or an API client' }),
  })
  .meta({ id: 'RoleGrant' });
const changeSchema = z
  .object({
    account: z.string().trim().min(1).max(100).meta({ description: 'the account name' }),
    role: z.enum(['system-admin', 'county-admin', 'school-admin', 'helpdesk']),
    county: z.string().trim().max(20).optional().meta({ description: 'county-admin only: the county’s name (雲林縣) or code' }),
    school: z.string().trim().max(10).optional().meta({ description: 'school-admin only: the school code' }),
  })
  .meta({ id: 'RoleChange' });
const changedSchema = z
  .object({
    account: z.string(),
    role: z.string(),
    countyCode: z.string().nullable(),
    schoolCode: z.string().nullable(),
    changed: z.boolean().meta({ description: 'false: the account already held this grant (nothing written)' }),
  })
  .meta({ id: 'RoleChanged' });

/** A RoleInputError as the API's refusal: the field and its zh-TW message. */
const apiRefusal = (e: unknown) => {
  if (e instanceof RoleInputError) throw new ApiError(400, 'invalid_request', fieldKey(e), { issues: [{ path: `body.${e.field}`, message: text('zh-TW', fieldKey(e)) }] });
  if (e instanceof RoleNotFoundError) throw new ApiError(404, 'not_found', 'admin.overview.roles.notHeld');
  throw e;
};

/** 管理角色 (/admin/roles) and GET /roles, POST /roles, POST /roles/revoke: admin:roles, within reach. */
export const rolesArea: ConsoleArea = (d, { api, router }) => {
  const roles = rolesInReach(d.s.store, d.auth.access, d.s.roleAdmin);

  async function show(ctx: Ctx, v: Omit<RolesView, 'grants' | 'offer'> = {}, status = 200) {
    const principal = adminOf(ctx);
    const grants = await roles.list(principal, requestOf(ctx));
    ctx.status = status;
    ctx.body = rolesPage(page(ctx), principal, { grants, offer: offerOf(principal), ...v }).value;
  }
  const done = (ctx: Ctx, what: 'granted' | 'already' | 'revoked', account: string, role: string) => {
    ctx.status = 303;
    ctx.redirect(`/admin/roles?${new URLSearchParams({ done: what, account, role })}`);
  };
  const changeOf = (form: Record<string, string>): RoleChange => ({ account: form.account ?? '', role: form.role ?? '', county: form.county, school: form.school });

  router.get('/admin/roles', async (ctx) => {
    const { done: what, account, role } = ctx.query as Record<string, string | undefined>;
    const roleName = role && (ROLES as readonly string[]).includes(role) ? page(ctx).t(`admin.role.${role as (typeof ROLES)[number]}`) : '';
    const notice = account && roleName && (what === 'granted' || what === 'already' || what === 'revoked') ? page(ctx).t(`admin.overview.roles.${what}`, { account, role: roleName }) : undefined;
    await show(ctx, { notice });
  });

  router.post('/admin/roles/grant', requireCsrf, async (ctx) => {
    const form = await readForm(ctx);
    const change = changeOf(form);
    try {
      const g = await roles.grant(adminOf(ctx), change, requestOf(ctx));
      done(ctx, g.granted ? 'granted' : 'already', g.username, g.role);
    } catch (e) {
      if (!(e instanceof RoleInputError)) throw e;
      await show(ctx, { values: form, errors: { [e.field]: { key: fieldKey(e) } }, error: page(ctx).t('admin.overview.roles.fixBelow') }, 400);
    }
  });

  router.post('/admin/roles/revoke', requireCsrf, async (ctx) => {
    const change = changeOf(await readForm(ctx));
    try {
      const g = await roles.revoke(adminOf(ctx), change, requestOf(ctx));
      done(ctx, 'revoked', g.username, g.role);
    } catch (e) {
      if (e instanceof RoleNotFoundError || e instanceof RoleInputError) return show(ctx, { error: page(ctx).t(e instanceof RoleInputError ? fieldKey(e) : 'admin.overview.roles.notHeld') }, e instanceof RoleInputError ? 400 : 409);
      throw e;
    }
  });

  api.add({
    method: 'get',
    path: '/roles',
    operationId: 'listRoles',
    summary: 'The role grants within reach (a county administrator: the school administrators of its county’s schools)',
    tag: 'roles',
    capability: 'admin:roles',
    response: z.object({ grants: z.array(grantSchema) }).meta({ id: 'RoleGrants' }),
    async handler({ principal, req }) {
      const grants = await roles.list(principal, req);
      return { grants: grants.map((g) => ({ ...g, grantedAt: g.grantedAt.toISOString() })) };
    },
  });

  const changed = (g: { username: string; role: string; county: { code: string } | null; school: { code: string } | null }, was: boolean) => ({
    account: g.username,
    role: g.role,
    countyCode: g.county?.code ?? null,
    schoolCode: g.school?.code ?? null,
    changed: was,
  });

  api.add({
    method: 'post',
    path: '/roles',
    operationId: 'grantRole',
    summary: 'Grant a role (idempotent); a county administrator grants school administrators of its county’s schools only',
    tag: 'roles',
    capability: 'admin:roles',
    body: changeSchema,
    response: changedSchema,
    async handler({ principal, body, req }) {
      const g = await roles.grant(principal, body, req).catch(apiRefusal);
      return changed(g, g.granted);
    },
  });

  api.add({
    method: 'post',
    path: '/roles/revoke',
    operationId: 'revokeRole',
    summary: 'Revoke a grant the account holds (404 when it does not)',
    tag: 'roles',
    capability: 'admin:roles',
    body: changeSchema,
    response: changedSchema,
    errors: [404],
    async handler({ principal, body, req }) {
      const g = await roles.revoke(principal, body, req).catch(apiRefusal);
      return changed(g, true);
    },
  });
};
