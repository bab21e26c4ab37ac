import { z } from 'zod';
import type { AdminOverview } from '../../admin/overview.ts';
import type { AdminApi } from '../kit/api.ts';

const count = z.number().int().min(0);
const accountsSchema = z
  .object({
    active: count,
    inactive: count.meta({ description: 'disabled after no sign-in for the configured days' }),
    disabled: count.meta({ description: 'disabled by an administrator' }),
  })
  .meta({ id: 'AccountCounts' });

export const overviewSchema = z
  .object({
    at: z.string().meta({ description: 'when the figures were counted (ISO 8601)' }),
    accounts: z
      .object({
        byCounty: z.array(accountsSchema.extend({ countyCode: z.string().nullable().meta({ description: 'null: accounts with no school' }), countyName: z.string().nullable() })),
        total: accountsSchema,
      })
      .nullable()
      .meta({ description: 'by the county of each account’s home school; null without admin:accounts' }),
    signInsPerHour: z
      .array(z.object({ hour: z.string(), succeeded: count, failed: count, failureRate: z.number().min(0).max(1).nullable() }))
      .nullable()
      .meta({ description: 'credentials proven or refused on the SSO site, the current hour and the 23 before it, oldest first' }),
    openTicketsByAge: z
      .array(z.object({ age: z.enum(['0-1', '1-3', '3-7', '7+']).meta({ description: 'days' }), count }))
      .nullable()
      .meta({ description: 'tickets not resolved; null without admin:tickets' }),
  })
  .meta({ id: 'Overview' });

/** GET /overview: the dashboard's figures, bounded to the principal's reach. */
export function overviewOperation(api: AdminApi, overview: AdminOverview) {
  api.add({
    method: 'get',
    path: '/overview',
    operationId: 'getOverview',
    summary: 'The dashboard: accounts by county and status, sign-ins and failure rate per hour, open tickets by age',
    tag: 'overview',
    capability: null,
    response: overviewSchema,
    async handler({ principal }) {
      const f = await overview.figures(principal);
      return {
        at: f.at.toISOString(),
        accounts: f.accounts && { byCounty: f.accounts.rows, total: f.accounts.total },
        signInsPerHour: f.signIns && f.signIns.map((h) => ({ ...h, hour: h.hour.toISOString() })),
        openTicketsByAge: f.tickets,
      };
    },
  });
}
