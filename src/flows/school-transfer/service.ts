import type { MatchedPerson, SourceDataMethod } from '../../methods/source-data.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import type { Account, Affiliation, Store } from '../../storage/ports.ts';
import type { FieldErrors } from '../kit/form.ts';
import { affiliationOf, checkQuery, keepIfListed, noPlace, schoolChange, type Picker, type Place } from './flow.ts';

/** Searches one account may make in an hour: enough for typing mistakes, too few to probe identity numbers. */
export const SCHOOL_QUERY_PER_ACCOUNT: RateLimitPolicy = { name: 'school-transfer.query', points: 10, windowSeconds: 60 * 60 };

type Context = { ip: string; userAgent?: string };

export type QueryOutcome =
  | (Picker & { kind: 'form'; idNumber: string; errors: FieldErrors; error?: { key: string; params?: Record<string, number> }; notFound?: boolean; retryAfterSeconds?: number })
  | { kind: 'compare'; current: Affiliation[]; source: MatchedPerson; schoolName: string };

export type UpdateOutcome = { kind: 'done'; schoolName: string } | { kind: 'not-found' };

/**
 * 肆 更新個人資料: the only place this flow changes state. The number typed must be the account's own
 * person's (its keyed hash); anyone else's number gets the same answer as a number without a record.
 */
export function schoolTransferService(d: { store: Store; pii: PiiVault; sourceData: SourceDataMethod; limits: RateLimits }) {
  const { store } = d;
  const options = (rows: { code: string; name: string; english?: string }[]) => rows.map((r) => ({ value: r.code, label: r.name, english: r.english }));

  /** The lists 縣市 → 行政區 → 學制 → 學校 for what was chosen so far; a choice not in its list is dropped. */
  async function picker(posted: Partial<Place> = {}): Promise<Picker> {
    const counties = options(await store.directory.listCounties());
    const county = keepIfListed(posted.county ?? '', counties);
    const districts = county ? options(await store.directory.listDistricts(county)) : [];
    const district = keepIfListed(posted.district ?? '', districts);
    const levels = district ? (await store.directory.listLevels(county, district)).map((l) => ({ value: l, label: l })) : [];
    const level = keepIfListed(posted.level ?? '', levels);
    const schools = level ? options(await store.directory.listSchools(county, district, level)) : [];
    const school = keepIfListed(posted.school ?? '', schools);
    return { place: { ...noPlace, county, district, level, school }, lists: { counties, districts, levels, schools } };
  }

  const schoolName = async (code: string) => (await store.directory.getSchool(code))?.name ?? code;

  return {
    picker,
    async query(account: Account, input: Partial<Place> & { id_number: string; action: string }, context: Context): Promise<QueryOutcome> {
      const picked = await picker(input);
      const form = { kind: 'form' as const, ...picked, idNumber: input.id_number, errors: {} };
      if (input.action === 'refresh') return form;
      const checked = checkQuery(picked.place, input.id_number);
      if (!checked.idNumber || Object.keys(checked.errors).length) return { ...form, errors: checked.errors, error: { key: 'schoolTransfer.fixFields' } };
      const limit = await d.limits.consume(SCHOOL_QUERY_PER_ACCOUNT, account.id);
      if (!limit.allowed)
        return { ...form, error: { key: 'schoolTransfer.tooMany', params: { minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) } }, retryAfterSeconds: limit.retryAfterSeconds };
      const school = picked.place.school;
      const owner = await store.accounts.findByPersonHash(d.pii.idHash(checked.idNumber));
      const source = owner?.id === account.id ? await d.sourceData.matchAsserted(school, { idNumber: checked.idNumber }) : undefined;
      if (!source) {
        await store.audit.record({ type: 'account.school_query_failed', accountId: account.id, ...context, detail: { school } });
        return { ...form, notFound: true };
      }
      return { kind: 'compare', current: await store.accounts.affiliations(account.id), source, schoolName: await schoolName(school) };
    },

    /** 「更新」: matched again by the account's own sealed number, so only this person's record can be taken. */
    async update(account: Account, schoolCode: string, context: Context): Promise<UpdateOutcome> {
      const sealed = (await store.accounts.sealedPerson(account.id))?.idSealed;
      const source = sealed && schoolCode ? await d.sourceData.matchAsserted(schoolCode, { idNumber: d.pii.open(sealed) }) : undefined;
      if (!source) return { kind: 'not-found' };
      const next = affiliationOf(source);
      await store.transaction(async (repos) => {
        const before = await repos.accounts.affiliations(account.id);
        await repos.accounts.replaceAffiliations(account.id, [next]);
        await repos.audit.record({ type: 'account.school_changed', accountId: account.id, ...context, detail: schoolChange(before, next) });
      });
      return { kind: 'done', schoolName: await schoolName(schoolCode) };
    },
  };
}
export type SchoolTransferService = ReturnType<typeof schoolTransferService>;
