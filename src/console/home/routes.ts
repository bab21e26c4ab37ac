import { z } from 'zod';
import { page } from '../../web/context.ts';
import { adminOf } from '../kit/guard.ts';
import { pagesFor } from '../kit/pages.ts';
import type { ConsoleArea } from '../deps.ts';
import { adminOverview } from '../../admin/overview.ts';
import { overviewOperation } from './overview-api.ts';
import { adminHomePage } from './views.ts';

const meSchema = z
  .object({
    kind: z.enum(['account', 'client']),
    id: z.string().meta({ description: 'the account id or the client id' }),
    username: z.string().optional(),
    roles: z.array(z.object({ role: z.string(), countyCode: z.string().nullable(), schoolCode: z.string().nullable() })),
    scopes: z.array(z.string()).meta({ description: 'a token’s admin scopes' }),
    countyCode: z.string().nullable().meta({ description: 'a token bounded to one county' }),
    pages: z.array(z.string()).meta({ description: 'the console pages this principal reaches' }),
  })
  .meta({ id: 'Me' });

/** The dashboard (/admin, GET /overview) and who am I (GET /me). */
export const homeArea: ConsoleArea = (d, { api, router }) => {
  const overview = adminOverview(d.s.store);
  router.get('/admin', async (ctx) => {
    const principal = adminOf(ctx);
    ctx.body = adminHomePage(page(ctx), principal, await overview.figures(principal)).value;
  });
  overviewOperation(api, overview);

  api.add({
    method: 'get',
    path: '/me',
    operationId: 'getMe',
    summary: 'The principal of this request: its roles (console) or admin scopes (token)',
    tag: 'principal',
    capability: null,
    response: meSchema,
    async handler({ principal: p }) {
      return p.kind === 'account'
        ? { kind: 'account' as const, id: p.accountId, username: p.username, roles: p.grants.map((g) => ({ role: g.role, countyCode: g.countyCode, schoolCode: g.schoolCode })), scopes: [], countyCode: null, pages: pagesFor(p).map((x) => x.href) }
        : { kind: 'client' as const, id: p.clientId, roles: [], scopes: p.scopes, countyCode: p.countyCode, pages: pagesFor(p).map((x) => x.href) };
    },
  });
};
