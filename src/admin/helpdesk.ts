import { isSchoolLevel } from '../directory/levels.ts';
import { parseMoeSchools } from '../directory/moe-school-csv.ts';
import { loadPlaces, type Places } from '../directory/places.ts';
import { text, type Lang } from '../i18n/translate.ts';
import type { PiiVault } from '../security/pii.ts';
import { sealPeople } from '../source-data/import.ts';
import { parsePeopleCsv } from '../source-data/people-csv.ts';
import type { Channel, Store, Ticket, TicketCategory, TicketMessage, TicketStatus } from '../storage/ports.ts';
import { actorOf, reachOf, type AdminAccess, type Principal, type RequestInfo } from './access.ts';
import type { AccountPanel, AccountSupport } from './account-support.ts';
import { AdminRefusal } from './refusal.ts';
import { mayMove } from './ticket-status.ts';

export const QUEUE_PAGE = 50;
const REPLY_MAX = { email: 4000, sms: 300 } as const;

export interface QueueFilter {
  category?: TicketCategory;
  status?: TicketStatus;
  county?: string;
  olderThanDays?: number;
  offset?: number;
}

export interface TicketView {
  ticket: Ticket;
  /** The identity number the reporter gave, masked (A12****789); never the whole number. */
  idMasked: string | null;
  /** The account the ticket names: its panel, or 'out-of-reach' when the principal may not see it. */
  account: AccountPanel | 'out-of-reach' | null;
  messages: TicketMessage[];
}

export interface NewSchool {
  code: string;
  name: string;
  level: string;
  county: string;
  address: string;
  ownership?: string;
  phone?: string;
  url?: string;
}

export interface SourceRecord {
  schoolCode: string;
  idNumber: string;
  name: string;
  birthday: string;
  identity: string;
  titles?: string;
}

/** A3****789: what the helpdesk may see of an identity number. */
export function maskIdNumber(id: string) {
  if (id.length >= 8) return `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
  return `${id.slice(0, 1)}${'*'.repeat(Math.max(3, id.length - 1))}`;
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (fields: string[]) => fields.map(csvField).join(',');
const zh = (key: string, params?: Record<string, string | number>) => text('zh-TW', key, params);

/**
 * The helpdesk: the queue of 聯絡我們 and registration reports within the principal's reach
 * (`admin:tickets`: everywhere, or its counties — a ticket without a county only everywhere), a
 * ticket with the account it names, replies by email or SMS queued with the message in one
 * transaction, validated status changes, and resolution actions, each noted in the ticket and audited.
 */
export function helpdeskService(d: { store: Store; access: AdminAccess; pii: PiiVault; accounts: AccountSupport; kickDelivery?: () => void; places?: Places }) {
  const { store, access } = d;
  let places = d.places;
  const placesOf = () => (places ??= loadPlaces());

  async function reachableTicket(p: Principal, id: number, req: RequestInfo) {
    const ticket = await store.tickets.get(id);
    // A principal that reaches every ticket learns a number does not exist; any other one is refused alike.
    if (!ticket && reachOf(p, 'admin:tickets').all) throw new AdminRefusal('not-found', 'admin.error.notFound');
    await access.authorize(p, 'admin:tickets', { kind: 'county', code: ticket?.countyCode ?? null }, { ...req });
    if (!ticket) throw new AdminRefusal('not-found', 'admin.error.notFound');
    return ticket;
  }

  async function note(p: Principal, ticketId: number, key: string, params?: Record<string, string | number>) {
    // Notes are in zh-TW, the helpdesk's language, like the mail HELPDESK_EMAIL gets.
    await store.tickets.addMessage({ ticketId, direction: 'note', channel: null, to: null, body: zh(key, params), actor: actorOf(p) });
  }

  async function accountOf(p: Principal, ticket: Ticket, req: RequestInfo) {
    if (!ticket.accountId) throw new AdminRefusal('conflict', 'admin.helpdesk.noAccount');
    await access.authorize(p, 'admin:accounts', { kind: 'account', id: ticket.accountId }, req);
    return ticket.accountId;
  }

  return {
    async list(p: Principal, f: QueueFilter, req: RequestInfo) {
      const reach = reachOf(p, 'admin:tickets');
      if (f.county && !reach.all && !reach.counties.includes(f.county)) await access.refuse(p, 'admin:tickets', { kind: 'county', code: f.county }, req);
      const result = await store.tickets.list({
        category: f.category,
        status: f.status,
        countyCode: f.county,
        olderThanDays: f.olderThanDays,
        reach: { all: reach.all, counties: reach.counties },
        limit: QUEUE_PAGE,
        offset: f.offset,
      });
      await access.record(p, 'admin.tickets.listed', { ...req, detail: { filter: f, shown: result.tickets.length } });
      return result;
    },

    /** What the reporter entered, the account it names (state, sign-ins) and the messages: a read of personal data, audited. */
    async show(p: Principal, id: number, req: RequestInfo): Promise<TicketView> {
      const ticket = await reachableTicket(p, id, req);
      let account: TicketView['account'] = null;
      if (ticket.accountId) account = (await d.accounts.mayReach(p, ticket.accountId)) ? ((await d.accounts.panelOf(ticket.accountId)) ?? null) : 'out-of-reach';
      await access.record(p, 'admin.ticket.viewed', { ...req, accountId: ticket.accountId, detail: { ticket: id } });
      return { ticket, idMasked: ticket.idSealed ? maskIdNumber(d.pii.open(ticket.idSealed)) : null, account, messages: await store.tickets.messages(id) };
    },

    /** A reply to the reporter in the ticket's language, queued with its message row in one transaction. */
    async reply(p: Principal, id: number, input: { channel: Channel; body: string }, req: RequestInfo) {
      const body = input.body.trim();
      if (!body) throw new AdminRefusal('invalid', 'admin.helpdesk.replyRequired', { field: 'body' });
      if (body.length > REPLY_MAX[input.channel]) throw new AdminRefusal('invalid', 'admin.helpdesk.replyTooLong', { field: 'body', params: { max: REPLY_MAX[input.channel] } });
      const ticket = await reachableTicket(p, id, req);
      const account = ticket.accountId ? await store.accounts.findById(ticket.accountId) : undefined;
      const to = ticket.contactChannel === input.channel ? ticket.contact : input.channel === 'email' ? account?.email : account?.mobile;
      if (!to) throw new AdminRefusal('conflict', input.channel === 'email' ? 'admin.helpdesk.noEmail' : 'admin.helpdesk.noMobile', { field: 'channel' });
      const lang: Lang = ticket.lang === 'en' ? 'en' : 'zh-TW';
      const message = await store.transaction(async (repos) => {
        const m = await repos.tickets.addMessage({ ticketId: id, direction: 'reply', channel: input.channel, to, body, actor: actorOf(p) });
        await repos.outbox.enqueue(
          input.channel === 'email'
            ? { channel: 'email', to, subject: text(lang, 'admin.helpdesk.reply.subject', { id }), text: text(lang, 'admin.helpdesk.reply.text', { id, body }) }
            : { channel: 'sms', to, text: text(lang, 'admin.helpdesk.reply.sms', { id, body }) },
        );
        await repos.audit.record({ type: 'admin.ticket.replied', accountId: ticket.accountId, ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { ticket: id, channel: input.channel } });
        return m;
      });
      d.kickDelivery?.();
      return message;
    },

    async setStatus(p: Principal, id: number, to: TicketStatus, req: RequestInfo) {
      const ticket = await reachableTicket(p, id, req);
      if (!mayMove(ticket.status, to)) throw new AdminRefusal('conflict', 'admin.helpdesk.badTransition', { field: 'status', params: { from: zh(`admin.helpdesk.status.${ticket.status}`), to: zh(`admin.helpdesk.status.${to}`) } });
      await store.transaction(async (repos) => {
        if (!(await repos.tickets.setStatus(id, ticket.status, to))) throw new AdminRefusal('conflict', 'admin.helpdesk.statusChanged');
        await repos.tickets.addMessage({ ticketId: id, direction: 'note', channel: null, to: null, actor: actorOf(p), body: zh('admin.helpdesk.note.status', { from: zh(`admin.helpdesk.status.${ticket.status}`), to: zh(`admin.helpdesk.status.${to}`) }) });
        await repos.audit.record({ type: 'admin.ticket.status', accountId: ticket.accountId, ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { ticket: id, from: ticket.status, to } });
      });
    },

    /** 我找不到我的學校: one school into the directory, checked like a row of an MOE school list; its county must be within reach. */
    async addSchool(p: Principal, id: number, s: NewSchool, req: RequestInfo) {
      const ticket = await reachableTicket(p, id, req);
      if (!isSchoolLevel(s.level)) throw new AdminRefusal('invalid', 'admin.helpdesk.school.level', { field: 'level' });
      const county = await store.directory.findCounty(s.county);
      if (!county) throw new AdminRefusal('invalid', 'admin.helpdesk.school.county', { field: 'county' });
      const csv = [csvLine(['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '地址', '電話', '網址']), csvLine(['', s.code.trim().toUpperCase(), s.name, s.ownership ?? '', county.name, s.address, s.phone ?? '', s.url ?? ''])].join('\n');
      const { schools, errors } = parseMoeSchools(csv, placesOf(), s.level);
      const [school] = schools;
      if (!school) {
        const field = errors[0]?.field === '代碼' ? 'code' : errors[0]?.field === '學校名稱' ? 'name' : 'county';
        throw new AdminRefusal('invalid', `admin.helpdesk.school.${field}`, { field });
      }
      await access.authorize(p, 'admin:directory', { kind: 'county', code: school.countyCode }, req);
      if (await store.directory.getSchool(school.code)) throw new AdminRefusal('conflict', 'admin.helpdesk.school.exists', { field: 'code', params: { code: school.code } });
      await store.transaction(async (repos) => {
        await repos.directory.upsertSchools([school]);
        await repos.audit.record({ type: 'admin.school.added', ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { ticket: id, school: school.code, county: school.countyCode } });
      });
      await note(p, ticket.id, 'admin.helpdesk.note.school', { school: `${school.name}（${school.code}）` });
      return school;
    },

    /** 查無資料 / 資料異常: one source record added or corrected, checked like a row of a source data file; its school must be within reach. */
    async upsertSource(p: Principal, id: number, r: SourceRecord, req: RequestInfo) {
      const ticket = await reachableTicket(p, id, req);
      const code = r.schoolCode.trim().toUpperCase();
      const school = code ? await store.directory.getSchool(code) : undefined;
      if (!school) throw new AdminRefusal('invalid', 'admin.helpdesk.source.school_code', { field: 'schoolCode' });
      const csv = [csvLine(['school_code', 'id_number', 'name', 'birthday', 'identity', 'titles']), csvLine([code, r.idNumber, r.name, r.birthday, r.identity, r.titles ?? ''])].join('\n');
      const { people, errors } = parsePeopleCsv(csv, (c) => c === code);
      const [person] = people;
      if (!person) {
        const field = errors[0]?.field ?? 'id_number';
        const known = ['id_number', 'name', 'birthday', 'identity', 'titles'].includes(field) ? field : 'id_number';
        throw new AdminRefusal('invalid', `admin.helpdesk.source.${known}`, { field: known });
      }
      await access.authorize(p, 'admin:people', { kind: 'school', code }, req);
      const counts = await store.transaction(async (repos) => {
        const c = await repos.sourcePeople.upsert(sealPeople(d.pii, [person]));
        await repos.audit.record({ type: 'admin.source.upserted', ip: req.ip, userAgent: req.userAgent, actor: actorOf(p), detail: { ticket: id, school: code, identity: person.identity, ...c } });
        return c;
      });
      await note(p, ticket.id, counts.inserted ? 'admin.helpdesk.note.sourceAdded' : 'admin.helpdesk.note.sourceCorrected', { school: `${school.name}（${code}）`, id: maskIdNumber(person.idNumber), identity: person.identity });
      return counts;
    },

    async enableAccount(p: Principal, id: number, req: RequestInfo) {
      const ticket = await reachableTicket(p, id, req);
      await d.accounts.enable(p, await accountOf(p, ticket, req), req);
      await note(p, id, 'admin.helpdesk.note.enabled');
    },

    async resendVerification(p: Principal, id: number, req: RequestInfo) {
      const ticket = await reachableTicket(p, id, req);
      const r = await d.accounts.resendVerification(p, await accountOf(p, ticket, req), req, ticket.lang === 'en' ? 'en' : 'zh-TW');
      await note(p, id, 'admin.helpdesk.note.verification', { channels: r.channels.join('、') });
    },

    async resetTwoFactor(p: Principal, id: number, reason: string, req: RequestInfo) {
      if (!reason.trim()) throw new AdminRefusal('invalid', 'admin.accounts.reasonRequired', { field: 'reason' });
      const ticket = await reachableTicket(p, id, req);
      await d.accounts.resetTwoFactor(p, await accountOf(p, ticket, req), reason, req, ticket.lang === 'en' ? 'en' : 'zh-TW');
      await note(p, id, 'admin.helpdesk.note.twoFactor', { reason: reason.trim() });
    },
  };
}
export type HelpdeskService = ReturnType<typeof helpdeskService>;
