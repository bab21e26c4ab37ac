import { randomBytes } from 'node:crypto';
import type { AdminScope } from '../domain/admin-scopes.ts';
import { parseMoeSchools } from '../directory/moe-school-csv.ts';
import { loadPlaces, type Places } from '../directory/places.ts';
import { isMessageKey } from '../i18n/catalog.ts';
import type { PiiVault } from '../security/pii.ts';
import { sealPeople } from '../source-data/import.ts';
import { parsePeopleCsv } from '../source-data/people-csv.ts';
import type { Repos, SchoolRow, SourcePerson, Store, UploadCounts, UploadKind, UploadRow, UploadRowError } from '../storage/ports.ts';
import { actorOf, reachesAnything, reachOf, type AdminAccess, type Principal, type RequestInfo } from './access.ts';
import { AdminRefusal } from './refusal.ts';

const TTL_MS = 60 * 60 * 1000;
/** Refused schools written to the audit log per preview, at most. */
const AUDITED_REFUSALS = 20;

export const uploadCapability = (kind: UploadKind): AdminScope => (kind === 'schools' ? 'admin:directory' : 'admin:people');

// The parsers give English reasons; a preview shows a message key per column (or the domain check's own key).
const columnKeys: Record<string, string> = {
  header: 'header', level: 'level', '(row)': 'columns', 代碼: 'schoolCode', 學校名稱: 'schoolName', 縣市名稱: 'county', 鄉鎮市區名稱: 'district',
  school_code: 'schoolCode', id_number: 'idNumber', name: 'name', birthday: 'birthday', identity: 'identity', titles: 'titles',
  class_year: 'class', class_semester: 'class', class_grade: 'class', class_no: 'class', class_title: 'class',
};
function rowError(e: { line: number; field: string; reason: string }): UploadRowError {
  const key = isMessageKey(e.reason) ? e.reason : `admin.upload.row.${columnKeys[e.field] ?? 'invalid'}`;
  return { line: e.line, field: e.field, key: isMessageKey(key) ? key : 'admin.upload.row.invalid', detail: e.reason };
}

class DryRun extends Error {}
/** What fn would write, measured inside a transaction that is then rolled back. */
async function dryRun<T>(store: Store, fn: (repos: Repos) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await store
    .transaction(async (repos) => {
      result = await fn(repos);
      throw new DryRun();
    })
    .catch((err) => {
      if (!(err instanceof DryRun)) throw err;
    });
  return result!;
}

/**
 * School lists and source data uploaded in the console or the API: a preview (every row checked, kept
 * server-side, people already sealed), then one commit by the same actor that writes everything or nothing.
 */
export function uploadService(d: { store: Store; pii: PiiVault; access: AdminAccess }) {
  let places: Places | undefined;
  const { store, access } = d;

  async function previewSchools(p: Principal, csv: string) {
    const reach = reachOf(p, 'admin:directory');
    const { schools, errors, lines, rows } = parseMoeSchools(csv, (places ??= loadPlaces()));
    const rowErrors = errors.map(rowError);
    const accepted: SchoolRow[] = [];
    const refused = new Set<string>();
    schools.forEach((s, i) => {
      if (reach.all || reach.counties.includes(s.countyCode)) accepted.push(s);
      else {
        refused.add(s.countyCode);
        rowErrors.push({ line: lines[i]!, field: '縣市名稱', key: 'admin.upload.row.outOfReach', detail: `county ${s.countyName} is outside your reach` });
      }
    });
    const c = await dryRun(store, (r) => r.directory.upsertSchools(accepted));
    const refusals = [...refused].map((code) => ({ kind: 'county' as const, code }));
    return { rows: accepted, errors: rowErrors, counts: { rows, records: accepted.length, ...c }, refusals };
  }

  async function previewPeople(p: Principal, csv: string) {
    const codes = new Set(await store.directory.schoolCodes());
    const { people, errors, rows } = parsePeopleCsv(csv, (c) => codes.has(c), (key) => key);
    const rowErrors = errors.map(rowError);
    const allowed = new Map<string, boolean>();
    for (const code of new Set(people.map((x) => x.schoolCode))) allowed.set(code, await access.allows(p, 'admin:people', { kind: 'school', code }));
    const accepted = people.filter((x) => allowed.get(x.schoolCode));
    for (const x of people)
      if (!allowed.get(x.schoolCode)) rowErrors.push({ line: x.line, field: 'school_code', key: 'admin.upload.row.outOfReach', detail: `school ${x.schoolCode} is outside your reach` });
    const sealed = sealPeople(d.pii, accepted);
    const unchanged = await store.sourcePeople.unchanged(sealed);
    const c = await dryRun(store, (r) => r.sourcePeople.upsert(sealed));
    const refusals = [...allowed].filter(([, ok]) => !ok).map(([code]) => ({ kind: 'school' as const, code }));
    return { rows: sealed, errors: rowErrors, counts: { rows, records: accepted.length, inserted: c.inserted, updated: c.updated - unchanged, unchanged }, refusals };
  }

  /** The upload of this principal (another's is not found). */
  async function mine(p: Principal, id: string): Promise<UploadRow> {
    const u = await store.uploads.find(id);
    if (!u || u.createdBy !== actorOf(p)) throw new AdminRefusal('not-found', 'admin.upload.notFound');
    return u;
  }

  return {
    async preview(p: Principal, input: { kind: UploadKind; csv: string }, req: RequestInfo = {}): Promise<UploadRow> {
      const capability = uploadCapability(input.kind);
      if (!reachesAnything(reachOf(p, capability))) await access.refuse(p, capability, { kind: 'everything' }, req);
      const r = input.kind === 'schools' ? await previewSchools(p, input.csv) : await previewPeople(p, input.csv);
      // Rows outside the principal's reach are row errors; each refused county or school is audited too.
      for (const target of r.refusals.slice(0, AUDITED_REFUSALS)) await access.refuse(p, capability, target, req).catch(() => undefined);
      r.errors.sort((a, b) => a.line - b.line);
      const counts: UploadCounts = { ...r.counts, errors: r.errors.length };
      const upload = {
        id: randomBytes(18).toString('base64url'),
        kind: input.kind,
        // A file with errors cannot be committed: its rows are not kept.
        rows: r.errors.length ? [] : (r.rows as unknown[]),
        errors: r.errors,
        counts,
        createdBy: actorOf(p),
        expiresAt: new Date(Date.now() + TTL_MS),
      };
      await store.uploads.create(upload);
      await access.record(p, 'admin.upload.previewed', { ...req, detail: { upload: upload.id, kind: input.kind, counts } });
      return { ...upload, createdAt: new Date(), committedAt: null };
    },

    get: mine,

    /** Writes every row in one transaction, once, by the actor who previewed it, with its reach checked again. */
    async commit(p: Principal, id: string, req: RequestInfo = {}): Promise<UploadRow & { written: { inserted: number; updated: number } }> {
      const u = await mine(p, id);
      const capability = uploadCapability(u.kind);
      if (u.committedAt) throw new AdminRefusal('conflict', 'admin.upload.committed');
      if (u.errors.length) throw new AdminRefusal('conflict', 'admin.upload.hasErrors');
      if (u.expiresAt.getTime() <= Date.now()) throw new AdminRefusal('conflict', 'admin.upload.expired');
      if (u.kind === 'schools') {
        for (const code of new Set((u.rows as SchoolRow[]).map((s) => s.countyCode))) await access.authorize(p, capability, { kind: 'county', code }, req);
      } else {
        for (const code of new Set((u.rows as SourcePerson[]).map((s) => s.schoolCode))) await access.authorize(p, capability, { kind: 'school', code }, req);
      }
      const written = await store.transaction(async (r) => {
        if (!(await r.uploads.markCommitted(id))) throw new AdminRefusal('conflict', 'admin.upload.committed');
        return u.kind === 'schools' ? r.directory.upsertSchools(u.rows as SchoolRow[]) : r.sourcePeople.upsert(u.rows as SourcePerson[]);
      });
      await access.record(p, 'admin.upload.committed', { ...req, detail: { upload: id, kind: u.kind, inserted: written.inserted, updated: written.updated, records: u.rows.length } });
      return { ...u, committedAt: new Date(), written: { inserted: written.inserted, updated: written.updated } };
    },
  };
}
export type UploadService = ReturnType<typeof uploadService>;
