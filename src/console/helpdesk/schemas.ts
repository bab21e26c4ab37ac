import { z } from 'zod';
import { schoolLevels } from '../../directory/levels.ts';
import { categories } from '../../flows/contact/flow.ts';
import { text } from '../../flows/kit/form.ts';
import { ticketStatuses } from '../../storage/ports/notify.ts';
import { accountPanelSchema } from '../accounts/schemas.ts';

/** Every category a stored ticket may carry (the form's six and an older one). */
const ticketCategories = [...categories, 'code-not-received'] as const;

/** The queue's filters: the console's GET form and the API's query alike. Empty means any. */
export const queueQuery = z.object({
  category: z.enum(categories).optional().or(z.literal('').transform(() => undefined)),
  status: z.enum(ticketStatuses).optional().or(z.literal('').transform(() => undefined)),
  county: z.string().regex(/^\d{8}$/).optional().or(z.literal('').transform(() => undefined)).meta({ description: 'an 8-digit county code' }),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional().or(z.literal('').transform(() => undefined)).meta({ description: 'only tickets created more than this many days ago' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const ticketParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

const iso = z.string().meta({ description: 'ISO 8601 time' });

export const ticketSummarySchema = z
  .object({
    id: z.number().int(),
    category: z.enum(ticketCategories),
    status: z.enum(ticketStatuses),
    name: z.string().nullable(),
    countyCode: z.string().nullable(),
    countyName: z.string().nullable(),
    accountId: z.string().nullable(),
    createdAt: iso,
    updatedAt: iso,
    resolvedAt: iso.nullable(),
  })
  .meta({ id: 'TicketSummary' });

export const ticketListSchema = z.object({ total: z.number().int(), tickets: z.array(ticketSummarySchema) }).meta({ id: 'TicketList' });

export const ticketMessageSchema = z
  .object({
    id: z.number().int(),
    direction: z.enum(['reply', 'note']),
    channel: z.enum(['email', 'sms']).nullable(),
    to: z.string().nullable(),
    body: z.string(),
    actor: z.string(),
    actorName: z.string().nullable(),
    at: iso,
  })
  .meta({ id: 'TicketMessage' });

export const ticketSchema = ticketSummarySchema
  .extend({
    contact: z.string().nullable(),
    contactChannel: z.enum(['email', 'sms']).nullable(),
    idMasked: z.string().nullable().meta({ description: 'the identity number the reporter gave, masked (A12****789)' }),
    accountName: z.string().nullable(),
    lang: z.string().nullable(),
    description: z.string(),
    from: z.enum(['contact', 'registration']),
    account: accountPanelSchema.nullable(),
    accountOutOfReach: z.boolean().meta({ description: 'the ticket names an account the principal may not see' }),
    messages: z.array(ticketMessageSchema),
  })
  .meta({ id: 'Ticket' });

export const replyBody = z.object({ channel: z.enum(['email', 'sms']), body: z.string().max(4000) }).meta({ id: 'TicketReply' });
export const statusBody = z.object({ status: z.enum(ticketStatuses) }).meta({ id: 'TicketStatusChange' });
export const schoolBody = z
  .object({
    code: z.string().max(20),
    name: z.string().max(100),
    level: z.enum(schoolLevels),
    county: z.string().max(20).meta({ description: 'the county code or name' }),
    address: z.string().max(200),
    ownership: z.string().max(20).optional(),
    phone: z.string().max(40).optional(),
    url: z.string().max(200).optional(),
  })
  .meta({ id: 'NewSchool' });
export const sourceBody = z
  .object({
    schoolCode: z.string().max(20),
    idNumber: z.string().max(20),
    name: z.string().max(60),
    birthday: z.string().max(20).meta({ description: 'YYYY-MM-DD or YYYY/M/D' }),
    identity: z.enum(['教師', '職員', '學生']),
    titles: z.string().max(300).optional().meta({ description: 'separated by ;' }),
  })
  .meta({ id: 'SourceRecord' });
export const reasonBody = z.object({ reason: z.string().max(1000) }).meta({ id: 'TwoFactorReset' });
export const emptyBody = z.object({}).strict();
export const doneSchema = z.object({ ok: z.literal(true), ticket: ticketSummarySchema.optional() }).meta({ id: 'Done' });
export const schoolSchema = z.object({ code: z.string(), name: z.string(), level: z.string(), countyCode: z.string(), countyName: z.string(), districtName: z.string().nullable() }).meta({ id: 'School' });
export const sourceResultSchema = z.object({ inserted: z.number().int(), updated: z.number().int() }).meta({ id: 'SourceRecordSaved' });

// The console's forms: every field text; the service judges them.
export const replyForm = z.object({ channel: z.enum(['email', 'sms']).catch('email'), body: text(4000) });
export const statusForm = z.object({ status: text(20) });
export const schoolForm = z.object({ school_code: text(20), school_name: text(100), school_level: text(10), school_county: text(20), school_address: text(200), school_ownership: text(20) });
export const sourceForm = z.object({ src_school: text(20), src_id: text(20), src_name: text(60), src_birthday: text(20), src_identity: text(10), src_titles: text(300) });
