import { z } from 'zod';
import { text } from '../../flows/kit/form.ts';

const iso = z.string().meta({ description: 'ISO 8601 time' });

export const accountParams = z.object({ id: z.uuid() });
export const searchQuery = z.object({ q: z.string().max(254).meta({ description: 'an account name, an email address or an identity number' }) });
export const searchForm = z.object({ q: text(254) });

export const accountSummarySchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), status: z.enum(['active', 'disabled']) })
  .meta({ id: 'AccountSummary' });
export const accountSearchSchema = z.object({ accounts: z.array(accountSummarySchema) }).meta({ id: 'AccountSearch' });

export const accountPanelSchema = accountSummarySchema
  .extend({
    disabledReason: z.enum(['inactive', 'admin']).nullable(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    mobile: z.string().nullable(),
    twoFactor: z.boolean(),
    createdAt: iso,
    affiliations: z.array(z.object({ schoolCode: z.string(), schoolName: z.string(), identity: z.string(), titles: z.array(z.string()) })),
    signIns: z.array(
      z.object({ at: iso, result: z.enum(['succeeded', 'failed']), method: z.string(), ip: z.string().nullable(), browser: z.string(), system: z.string(), device: z.string() }),
    ),
  })
  .meta({ id: 'AccountPanel' });
export const reasonFormSchema = z.object({ reason: text(1000) });
