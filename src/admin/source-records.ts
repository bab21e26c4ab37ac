import { z } from 'zod';
import { validateIdNumber } from '../domain/national-id.ts';
import { validatePersonName } from '../domain/person-name.ts';
import { parseIsoOrSlashDate } from '../domain/roc-date.ts';
import type { PiiVault } from '../security/pii.ts';
import { sealPeople } from '../source-data/import.ts';
import { identities, type Identity } from '../source-data/people-csv.ts';
import type { ClassInfo, SourcePerson, Store } from '../storage/ports.ts';
import type { AdminAccess, Principal, RequestInfo } from './access.ts';
import { AdminRefusal } from './refusal.ts';

export const PEOPLE_PAGE_SIZE = 50;

/** A domain check as a zod refinement whose message is the check's own message key. */
const checked = <T>(check: (v: string) => { ok: true; value: T } | { ok: false; error: string }) =>
  z.string().transform((v, ctx) => {
    const r = check(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  });

// The same rules as the source-data CSV (src/source-data/people-csv.ts).
export const classSchema = z.object({
  year: z.string().trim().regex(/^\d{2,3}$/, 'admin.people.class.year'),
  semester: z.string().trim().regex(/^[12]$/, 'admin.people.class.semester'),
  grade: z.string().trim().regex(/^\d{1,2}$/, 'admin.people.class.grade'),
  classno: z.string().trim().min(1, 'admin.people.class.classno').max(20, 'admin.people.class.classno'),
  classtitle: z.string().trim().max(50, 'admin.people.class.classtitle').default(''),
});
const titlesSchema = z.array(z.string().trim().min(1).max(30, 'admin.upload.row.titles')).max(20);
const identitySchema = z.enum(identities, { message: 'admin.upload.row.identity' });

export const newRecordSchema = z.object({
  idNumber: checked((v) => validateIdNumber(v, { allowOther: true })).transform((id) => id.value),
  name: checked(validatePersonName),
  birthday: checked((v) => parseIsoOrSlashDate(v)),
  identity: identitySchema,
  titles: titlesSchema.default([]),
  classes: z.array(classSchema).max(20).default([]),
});
export const recordChangeSchema = z.object({
  name: checked(validatePersonName).optional(),
  identity: identitySchema.optional(),
  titles: titlesSchema.optional(),
  classes: z.array(classSchema).max(20).optional(),
});
export type NewRecord = z.output<typeof newRecordSchema>;
export type RecordChange = z.output<typeof recordChangeSchema>;

const identityCodes: Record<Identity, string> = { 教師: 't', 職員: 's', 學生: 'u' };

/** A record's id in URLs: its identity and the keyed hash of the identity number, never the number. */
export const recordId = (r: Pick<SourcePerson, 'identity' | 'idHash'>) => `${identityCodes[r.identity]}.${r.idHash}`;
function parseRecordId(id: string): { identity: Identity; idHash: string } | undefined {
  const m = /^([tsu])\.([A-Za-z0-9_-]{20,64})$/.exec(id);
  const identity = m && identities.find((i) => identityCodes[i] === m[1]);
  return identity ? { identity, idHash: m[2]! } : undefined;
}

/** A1******89: enough to tell records apart, not enough to use. */
export const maskIdNumber = (v: string) => (v.length <= 4 ? '*'.repeat(v.length) : `${v.slice(0, 2)}${'*'.repeat(v.length - 4)}${v.slice(-2)}`);

export interface RecordView {
  id: string;
  name: string;
  idMasked: string;
  identity: Identity;
  titles: string[];
  classes: ClassInfo[];
}

/** A school's staff and students in the source data (來源資料), kept by its administrators; every read and change audited. */
export function sourceRecords(d: { store: Store; pii: PiiVault; access: AdminAccess }) {
  const { store, access } = d;
  const view = (r: SourcePerson): RecordView => ({
    id: recordId(r),
    name: r.name,
    idMasked: maskIdNumber(d.pii.open(r.idSealed)),
    identity: r.identity,
    titles: r.titles,
    classes: r.classes,
  });

  /** Reach first (refusals audited), then the school must exist. */
  async function school(p: Principal, code: string, req: RequestInfo) {
    await access.authorize(p, 'admin:people', { kind: 'school', code }, req);
    const s = await store.directory.getSchool(code);
    if (!s) throw new AdminRefusal('not-found', 'admin.people.noSchool');
    return s;
  }
  async function record(schoolCode: string, id: string) {
    const key = parseRecordId(id);
    const r = key && (await store.sourcePeople.get(schoolCode, key.idHash, key.identity));
    if (!r) throw new AdminRefusal('not-found', 'admin.people.noRecord');
    return r;
  }

  return {
    school,

    async list(p: Principal, schoolCode: string, page: number, req: RequestInfo = {}) {
      const s = await school(p, schoolCode, req);
      const pageNo = Math.max(1, Math.floor(page) || 1);
      const { rows, total } = await store.sourcePeople.listBySchool(s.code, { limit: PEOPLE_PAGE_SIZE, offset: (pageNo - 1) * PEOPLE_PAGE_SIZE });
      await access.record(p, 'admin.people.listed', { ...req, detail: { school: s.code, page: pageNo, count: rows.length } });
      return { school: { code: s.code, name: s.name }, total, page: pageNo, pageSize: PEOPLE_PAGE_SIZE, records: rows.map(view) };
    },

    async get(p: Principal, schoolCode: string, id: string, req: RequestInfo = {}) {
      const s = await school(p, schoolCode, req);
      const r = await record(s.code, id);
      await access.record(p, 'admin.people.read', { ...req, detail: { school: s.code, record: id } });
      return view(r);
    },

    async add(p: Principal, schoolCode: string, input: NewRecord, req: RequestInfo = {}) {
      const s = await school(p, schoolCode, req);
      const [person] = sealPeople(d.pii, [{ line: 0, schoolCode: s.code, ...input }]);
      if (await store.sourcePeople.get(s.code, person!.idHash, person!.identity)) throw new AdminRefusal('conflict', 'admin.people.exists');
      await store.sourcePeople.upsert([person!]);
      await access.record(p, 'admin.people.added', { ...req, detail: { school: s.code, record: recordId(person!), identity: input.identity } });
      return view(person!);
    },

    /** A new identity moves the record to another key: removed and added in one transaction. */
    async correct(p: Principal, schoolCode: string, id: string, change: RecordChange, req: RequestInfo = {}) {
      const s = await school(p, schoolCode, req);
      const old = await record(s.code, id);
      const next: SourcePerson = { ...old, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
      await store.transaction(async (r) => {
        if (next.identity !== old.identity) {
          if (await r.sourcePeople.get(s.code, next.idHash, next.identity)) throw new AdminRefusal('conflict', 'admin.people.exists');
          await r.sourcePeople.remove(s.code, old.idHash, old.identity);
        }
        await r.sourcePeople.upsert([next]);
      });
      const fields = Object.keys(change).filter((k) => change[k as keyof RecordChange] !== undefined);
      await access.record(p, 'admin.people.corrected', { ...req, detail: { school: s.code, record: id, now: recordId(next), fields } });
      return view(next);
    },

    async remove(p: Principal, schoolCode: string, id: string, req: RequestInfo = {}) {
      const s = await school(p, schoolCode, req);
      const r = await record(s.code, id);
      await store.sourcePeople.remove(s.code, r.idHash, r.identity);
      await access.record(p, 'admin.people.removed', { ...req, detail: { school: s.code, record: id } });
    },
  };
}
export type SourceRecords = ReturnType<typeof sourceRecords>;
