import { validateAccountName } from '../domain/account-name.ts';
import { hashPassword } from '../security/password.ts';
import { initialPassword } from '../security/initial-password.ts';
import type { ClassInfo, ProvisioningBatch, StudentAccount, StudentCandidate, Store } from '../storage/ports.ts';
import { actorOf, type AdminAccess, type Principal, type RequestInfo } from './access.ts';
import { passwordSheet, type SheetEntry } from './pdf/password-sheet.ts';

/** Who provisions: an administrator (console, API) or the command line on the server. */
export type Provisioner = Principal | 'cli';

/** A refusal the caller translates: the key names the problem. */
export class StudentsError extends Error {
  readonly key: 'admin.students.unknownSchool' | 'admin.students.nothingToProvision' | 'admin.students.notAStudent';
  readonly status: 404 | 409;
  constructor(key: StudentsError['key'], status: StudentsError['status']) {
    super(key);
    this.key = key;
    this.status = status;
  }
}

/** A student about to get an account, as the preview lists it. */
export interface PlannedStudent {
  name: string;
  classNo: string;
  classTitle: string;
  /** The order within the class (source records carry no seat number). */
  number: number;
  candidate: StudentCandidate;
}

export interface ProvisionResult {
  batch: ProvisioningBatch;
  accounts: { accountId: string; username: string; name: string; classNo: string; number: number }[];
  /** The printable sheet: the only place the initial passwords ever exist. */
  sheet: Buffer;
}

/** Hashing with argon2id takes ~50 ms and 19 MiB each: this many at a time. */
const HASH_CONCURRENCY = 4;

/** The class a student is in now: the latest school year and semester among the source record's classes. */
export function currentClass(classes: ClassInfo[]): ClassInfo | undefined {
  return [...classes].sort((a, b) => Number(b.year) - Number(a.year) || Number(b.semester) - Number(a.semester))[0];
}

/** The students of a school without an account, numbered within their class (by name), optionally one class only. */
export function plan(candidates: StudentCandidate[], classNo?: string): PlannedStudent[] {
  const byClass = new Map<string, PlannedStudent[]>();
  for (const c of candidates) {
    const cls = currentClass(c.classes);
    const key = cls?.classno ?? '';
    if (classNo && key !== classNo) continue;
    const list = byClass.get(key) ?? [];
    list.push({ name: c.name, classNo: key, classTitle: cls?.classtitle || key, number: 0, candidate: c });
    byClass.set(key, list);
  }
  const planned: PlannedStudent[] = [];
  for (const key of [...byClass.keys()].sort()) {
    const list = byClass.get(key)!.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hant-TW'));
    list.forEach((s, i) => planned.push({ ...s, number: i + 1 }));
  }
  return planned;
}

/** `s` + school code + class + two-digit number: s09460170103. Lowercase letters and digits only. */
export function accountNameFor(schoolCode: string, classNo: string, number: number): string {
  const slug = (v: string, max: number) => v.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, max);
  return `s${slug(schoolCode, 8)}${slug(classNo, 6) || 'x'}${String(number).padStart(2, '0')}`;
}

async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * Student accounts from source records (issue 10), shared by the console, the API and `edusso students
 * provision`: a preview, then one transaction that creates every account (or none), and the sheet.
 */
export function studentAdmin(d: { store: Store; access: AdminAccess; issuer: string }) {
  const { store, access } = d;

  async function school(p: Provisioner, code: string, req: RequestInfo) {
    if (p !== 'cli') await access.authorize(p, 'admin:people', { kind: 'school', code }, req);
    const found = await store.directory.getSchool(code);
    if (!found) throw new StudentsError('admin.students.unknownSchool', 404);
    return found;
  }

  async function audit(p: Provisioner, type: string, e: { accountId?: string | null; detail: Record<string, unknown> } & RequestInfo, repos: Pick<Store, 'audit'> = store) {
    await repos.audit.record({ type, accountId: e.accountId ?? null, clientId: p !== 'cli' && p.kind === 'client' ? p.clientId : null, ip: e.ip, userAgent: e.userAgent, detail: e.detail, actor: p === 'cli' ? 'cli' : actorOf(p) });
  }

  /** Account names for the plan: the usual one, or the next free number in the class when it is taken. */
  async function namesFor(schoolCode: string, planned: PlannedStudent[]): Promise<string[]> {
    const used = new Set<string>();
    const names: string[] = [];
    for (const s of planned) {
      for (let n = s.number; ; n++) {
        const name = accountNameFor(schoolCode, s.classNo, n);
        if (used.has(name) || !validateAccountName(name).ok) continue;
        if ((await store.students.takenUsernames([name])).length) continue;
        used.add(name);
        names.push(name);
        break;
      }
    }
    return names;
  }

  const signInUrl = `${d.issuer}/login`;

  return {
    /** Who would get an account: a read of personal data (names), audited. */
    async preview(p: Provisioner, schoolCode: string, classNo: string | undefined, req: RequestInfo = {}) {
      const s = await school(p, schoolCode, req);
      const planned = plan(await store.students.withoutAccount(schoolCode), classNo);
      await audit(p, 'admin.students.previewed', { ...req, detail: { school: schoolCode, class: classNo ?? null, count: planned.length } });
      return { school: { code: s.code, name: s.name }, students: planned };
    },

    /** The school's student accounts and whether each still has its initial password, and the latest batches. */
    async list(p: Provisioner, schoolCode: string, req: RequestInfo = {}): Promise<{ school: { code: string; name: string }; students: StudentAccount[]; batches: ProvisioningBatch[] }> {
      const s = await school(p, schoolCode, req);
      const students = await store.students.withAccount(schoolCode);
      await audit(p, 'admin.students.listed', { ...req, detail: { school: schoolCode, count: students.length } });
      return { school: { code: s.code, name: s.name }, students, batches: await store.students.batches(schoolCode, 20) };
    },

    /**
     * Creates an account for every student of the school (or class) still without one, all in one
     * transaction, flagged to change the password at first sign-in; returns the sheet.
     */
    async provision(p: Provisioner, schoolCode: string, classNo: string | undefined, req: RequestInfo = {}): Promise<ProvisionResult> {
      const s = await school(p, schoolCode, req);
      const planned = plan(await store.students.withoutAccount(schoolCode), classNo);
      if (!planned.length) throw new StudentsError('admin.students.nothingToProvision', 409);
      const names = await namesFor(schoolCode, planned);
      const passwords = names.map((name) => initialPassword(name));
      const hashes = await mapBounded(passwords, HASH_CONCURRENCY, hashPassword);

      const { batch, accounts } = await store.transaction(async (repos) => {
        const accounts: ProvisionResult['accounts'] = [];
        for (const [i, st] of planned.entries()) {
          const created = await repos.accounts.create({
            username: names[i]!,
            passwordHash: hashes[i]!,
            displayName: st.name,
            personIdHash: st.candidate.idHash,
            personIdSealed: st.candidate.idSealed,
            birthdaySealed: st.candidate.birthdaySealed,
            mustChangePassword: true,
          });
          await repos.accounts.setAffiliation(created.id, { schoolCode, identity: '學生', titles: [], classes: st.candidate.classes });
          await audit(p, 'account.created', { ...req, accountId: created.id, detail: { via: 'students.provision', school: schoolCode } }, repos);
          accounts.push({ accountId: created.id, username: created.username, name: st.name, classNo: st.classNo, number: st.number });
        }
        const batch = await repos.students.recordBatch({ schoolCode, classNo: classNo ?? null, actor: p === 'cli' ? 'cli' : actorOf(p), kind: 'provision', accountCount: accounts.length });
        await audit(p, 'admin.students.provisioned', { ...req, detail: { school: schoolCode, class: classNo ?? null, count: accounts.length, batch: batch.id } }, repos);
        return { batch, accounts };
      });

      const entries: SheetEntry[] = planned.map((st, i) => ({ schoolName: s.name, schoolCode, classTitle: st.classTitle, number: st.number, name: st.name, username: names[i]!, password: passwords[i]! }));
      return { batch, accounts, sheet: passwordSheet(entries, signInUrl) };
    },

    /**
     * A new initial password for one student account (lost sheet): the flag set again, every session of
     * the account ended, audited; returns a one-student sheet.
     */
    async resetInitialPassword(p: Provisioner, accountId: string, req: RequestInfo = {}): Promise<{ batch: ProvisioningBatch; sheet: Buffer }> {
      if (p !== 'cli') await access.authorize(p, 'admin:people', { kind: 'account', id: accountId }, req);
      const account = await store.accounts.findById(accountId);
      const affiliation = account && (await store.accounts.affiliations(account.id)).find((a) => a.identity === '學生');
      if (!account || !affiliation) throw new StudentsError('admin.students.notAStudent', 404);
      const password = initialPassword(account.username);
      const passwordHash = await hashPassword(password);
      const batch = await store.transaction(async (repos) => {
        await repos.accounts.setPassword(account.id, passwordHash, 0);
        await repos.accounts.setMustChangePassword(account.id, true);
        await repos.webSessions.removeForAccount(account.id);
        await repos.oidcPayloads.revokeSessions(account.id);
        const batch = await repos.students.recordBatch({ schoolCode: affiliation.schoolCode, classNo: null, actor: p === 'cli' ? 'cli' : actorOf(p), kind: 'reset', accountCount: 1 });
        await audit(p, 'admin.students.password_reset', { ...req, accountId: account.id, detail: { school: affiliation.schoolCode, batch: batch.id } }, repos);
        return batch;
      });
      const cls = currentClass(affiliation.classes);
      const sheet = passwordSheet(
        [{ schoolName: affiliation.schoolName, schoolCode: affiliation.schoolCode, classTitle: cls?.classtitle || cls?.classno || '', number: 1, name: account.displayName, username: account.username, password }],
        signInUrl,
      );
      return { batch, sheet };
    },
  };
}
export type StudentAdmin = ReturnType<typeof studentAdmin>;
