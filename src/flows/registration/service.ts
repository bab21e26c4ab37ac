import { validateAccountName } from '../../domain/account-name.ts';
import { validateEmail } from '../../domain/email.ts';
import { validateMobile } from '../../domain/phone.ts';
import { validateIdNumber } from '../../domain/national-id.ts';
import { validatePassword } from '../../domain/password-policy.ts';
import { sameName, validatePersonName } from '../../domain/person-name.ts';
import { parseBirthday } from '../../domain/roc-date.ts';
import { getSchool } from '../../directory/repository.ts';
import { enqueue } from '../../notify/outbox.ts';
import { verificationCodeMessage } from '../../notify/templates.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import { hashPassword } from '../../security/password.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { VerificationCodes } from '../../security/verification-codes.ts';
import { CODE_TTL_SECONDS } from '../../security/verification-codes.ts';
import { findSourcePeople, type SourcePerson } from '../../source-data/repository.ts';
import type { Db } from '../../storage/db.ts';
import type { AuditRepo } from '../../storage/ports.ts';
import { sqlAccounts } from '../../storage/sql/accounts.ts';
import { createTicket, type TicketCategory } from '../contact/tickets.ts';
import type { StoredFlow } from '../flow-store.ts';
import type { CountyIdentity } from '../federation/county-client.ts';
import { countyIdentities } from '../federation/identities.ts';
import { stepIndex, type FieldErrors, type MatchedPerson, type RegistrationState, type Step } from './state.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { text } from '../../i18n/translate.ts';

export const MAX_VERIFY_ATTEMPTS = 5;
/** Failed identity checks from one address per hour: new flows do not reset this one. */
export const MAX_VERIFY_FAILURES_PER_IP_HOUR = 30;

export interface RegistrationDeps {
  db: Db;
  pii: PiiVault;
  captcha: CaptchaService;
  codes: VerificationCodes;
  audit: AuditRepo;
  verifyMobile: boolean;
  /** Wakes the outbox delivery after a commit. */
  kickDelivery?: () => void;
}

type Outcome<T extends string = never> =
  | { ok: true; state: RegistrationState }
  | { ok: false; errors: FieldErrors }
  | { ok: false; outcome: T };

const fieldError = (field: string, key: string, params?: Record<string, string | number>) => ({ ok: false as const, errors: { [field]: { key, params } } });

/** The registration steps as operations on the flow's state; the web layer only parses and renders. */
export function registrationService(d: RegistrationDeps) {
  const accounts = sqlAccounts(d.db);

  return {
    chooseIdentity(state: RegistrationState, role: string): Outcome {
      if (role !== 'teacher') return fieldError('role', 'register.chooseRole');
      return { ok: true, state: { ...state, role: 'teacher', step: advance(state, 'school') } };
    },

    async chooseSchool(state: RegistrationState, place: RegistrationState['place']): Promise<Outcome> {
      const school = place.school ? await getSchool(d.db, place.school) : undefined;
      if (!school || school.countyCode !== place.county || school.districtCode !== place.district || school.level !== place.level)
        return fieldError('school', 'register.chooseSchool');
      const changed = state.place.school !== school.code;
      return {
        ok: true,
        state: {
          ...state,
          place,
          // Another school means proving identity again.
          ...(changed ? { person: undefined, typed: undefined, account: undefined, verified: {} } : {}),
          step: changed ? 'verify' : advance(state, 'verify'),
        },
      };
    },

    /** Step 4-2: name, identity number and birthday matched against the chosen school's source data. */
    async verify(
      state: RegistrationState,
      input: { name: string; idNumber: string; birthday: string; captchaId: string; captcha: string },
      context: { ip?: string } = {},
    ): Promise<Outcome<'not-found' | 'already-registered' | 'too-many'>> {
      if (state.verifyAttempts >= MAX_VERIFY_ATTEMPTS) return { ok: false, outcome: 'too-many' };
      if (context.ip && (await d.audit.recentFromIp('registration.verify_failed', context.ip, 60)) >= MAX_VERIFY_FAILURES_PER_IP_HOUR)
        return { ok: false, outcome: 'too-many' };
      const errors: FieldErrors = {};
      const name = validatePersonName(input.name);
      if (!name.ok) errors.name = { key: name.error };
      const id = validateIdNumber(input.idNumber, { allowOther: true });
      if (!id.ok) errors.idNumber = { key: id.error };
      const birthday = parseBirthday(input.birthday);
      if (!birthday.ok) errors.birthday = { key: birthday.error, params: birthday.params };
      if (!(await d.captcha.check(input.captchaId, input.captcha))) errors.captcha = { key: 'register.captchaWrong' };
      if (Object.keys(errors).length || !name.ok || !id.ok || !birthday.ok) return { ok: false, errors };

      const idHash = d.pii.idHash(id.value.value);
      const typed = { name: name.value, idSealed: d.pii.seal(id.value.value), birthday: input.birthday.trim() };
      state.typed = typed;
      state.verifyAttempts += 1;
      const records = await findSourcePeople(d.db, state.place.school!, idHash);
      const match = records.find((r) => selfRegisters(r) && sameName(r.name, name.value) && r.birthdayHash === d.pii.birthdayHash(birthday.value));
      const school = state.place.school;
      if (!match) {
        await d.audit.record({ type: 'registration.verify_failed', ip: context.ip, detail: { school } });
        return { ok: false, outcome: 'not-found' };
      }
      await d.audit.record({ type: 'registration.verified', ip: context.ip, detail: { school } });
      if (await accounts.findByPersonHash(idHash)) return { ok: false, outcome: 'already-registered' };
      return { ok: true, state: { ...state, typed, person: matchedPerson(match, idHash), step: 'confirm' } };
    },

    /** Step 4-1: the county's identity replaces 4-2, still matched against the chosen school's source data. */
    async verifyWithCounty(state: RegistrationState, identity: CountyIdentity): Promise<Outcome<'not-found' | 'already-registered'>> {
      const idNumber = identity.idNumber!;
      const idHash = d.pii.idHash(idNumber);
      const records = await findSourcePeople(d.db, state.place.school!, idHash);
      const match = records.find((r) => selfRegisters(r) && (!identity.name || sameName(r.name, identity.name)));
      if (!match) return { ok: false, outcome: 'not-found' };
      if (await accounts.findByPersonHash(idHash)) return { ok: false, outcome: 'already-registered' };
      return {
        ok: true,
        state: {
          ...state,
          typed: { name: match.name, idSealed: match.idSealed, birthday: '' },
          person: matchedPerson(match, idHash),
          county: { providerId: identity.providerId, subject: identity.subject },
          step: 'confirm',
        },
      };
    },

    confirm(state: RegistrationState): Outcome {
      return { ok: true, state: { ...state, step: advance(state, 'privacy') } };
    },

    agree(state: RegistrationState): Outcome {
      return { ok: true, state: { ...state, step: advance(state, 'account') } };
    },

    async isAvailable(username: string): Promise<{ available: boolean; key?: string }> {
      const name = validateAccountName(username);
      if (!name.ok) return { available: false, key: name.error };
      return (await accounts.findByUsername(name.value)) ? { available: false, key: 'register.accountTaken' } : { available: true };
    },

    /** Step 6: account, password twice, backup email and mobile; then codes go to both. */
    async setAccount(
      flow: StoredFlow<RegistrationState>,
      input: { username: string; password: string; password2: string; email: string; mobile: string },
    ): Promise<Outcome> {
      const state = flow.state;
      const errors: FieldErrors = {};
      const username = validateAccountName(input.username);
      if (!username.ok) errors.username = { key: username.error };
      else if (!(await this.isAvailable(username.value)).available) errors.username = { key: 'register.accountTaken' };
      const birthday = state.person && d.pii.open(state.person.birthdaySealed);
      const idNumber = state.person && d.pii.open(state.person.idSealed);
      const password = validatePassword(input.password, { account: username.ok ? username.value : undefined, idNumber, birthday });
      if (!password.ok) errors.password = { key: password.errors[0]!, params: {} };
      else if (input.password !== input.password2) errors.password2 = { key: 'password.mismatch' };
      const email = validateEmail(input.email);
      if (!email.ok) errors.email = { key: email.error };
      const mobile = validateMobile(input.mobile);
      if (!mobile.ok) errors.mobile = { key: mobile.error };
      if (Object.keys(errors).length || !username.ok || !email.ok || !mobile.ok) return { ok: false, errors };

      const account = { username: username.value, passwordHash: await hashPassword(input.password), email: email.value, mobile: mobile.value };
      const verified = {
        email: state.verified.email === account.email ? account.email : undefined,
        mobile: state.verified.mobile === account.mobile ? account.mobile : undefined,
      };
      const next: RegistrationState = { ...state, account, verified };
      const pending = pendingChannels(next, d.verifyMobile);
      if (pending.length) await this.sendCodes(flow, next, pending);
      return { ok: true, state: { ...next, step: pending.length ? 'codes' : 'review' } };
    },

    async sendCodes(flow: StoredFlow<RegistrationState>, state: RegistrationState, channels: ('email' | 'sms')[]) {
      await d.db.transaction(async (tx) => {
        for (const channel of channels) {
          const target = channel === 'email' ? state.account!.email : state.account!.mobile;
          const code = await d.codes.issue(tx, { flowId: flow.id, purpose: 'registration', channel, target });
          const message = verificationCodeMessage(code, CODE_TTL_SECONDS / 60, 'registration');
          await enqueue(tx, { channel, to: target, subject: message.subject, text: channel === 'sms' ? message.sms : message.text });
        }
      });
      d.kickDelivery?.();
    },

    async resendCodes(flow: StoredFlow<RegistrationState>): Promise<{ sent: boolean; wait: number }> {
      const channels = pendingChannels(flow.state, d.verifyMobile);
      const waits = await Promise.all(channels.map((c) => d.codes.resendWait(flow.id, c)));
      const wait = Math.max(0, ...waits);
      if (wait > 0) return { sent: false, wait };
      await this.sendCodes(flow, flow.state, channels);
      return { sent: true, wait: 0 };
    },

    /** Codes accepted stay accepted: on errors the returned state still records them. */
    async checkCodes(
      flow: StoredFlow<RegistrationState>,
      input: { emailCode: string; smsCode: string },
    ): Promise<{ ok: true; state: RegistrationState } | { ok: false; errors: FieldErrors; state: RegistrationState }> {
      const state = flow.state;
      const errors: FieldErrors = {};
      const verified = { ...state.verified };
      for (const channel of pendingChannels(state, d.verifyMobile)) {
        const field = channel === 'email' ? 'emailCode' : 'smsCode';
        const target = channel === 'email' ? state.account!.email : state.account!.mobile;
        const result = await d.codes.check(flow.id, channel, target, (channel === 'email' ? input.emailCode : input.smsCode).trim());
        if (result === 'ok') verified[channel === 'email' ? 'email' : 'mobile'] = target;
        else errors[field] = { key: `code.${result}` };
      }
      const next = { ...state, verified };
      if (Object.keys(errors).length) return { ok: false, errors, state: next };
      return { ok: true, state: { ...next, step: 'review' } };
    },

    /** 「完成註冊」: the account, its affiliation, its audit event and the flow's end, in one transaction. */
    async complete(
      flow: StoredFlow<RegistrationState>,
      save: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], state: RegistrationState) => Promise<boolean>,
      context: { ip?: string; userAgent?: string },
    ): Promise<Outcome<'already-registered' | 'account-taken' | 'stale'>> {
      const { person, account } = flow.state;
      if (!person || !account || pendingChannels(flow.state, d.verifyMobile).length) return { ok: false, outcome: 'stale' };
      try {
        const state = await d.db.transaction(async (tx) => {
          const repo = sqlAccounts(tx);
          const created = await repo.create({
            username: account.username,
            passwordHash: account.passwordHash,
            displayName: person.name,
            email: account.email,
            emailVerified: true,
            mobile: account.mobile,
            personIdHash: person.idHash,
            personIdSealed: person.idSealed,
            birthdaySealed: person.birthdaySealed,
          });
          await repo.setAffiliation(created.id, { schoolCode: person.schoolCode, identity: person.identity, titles: person.titles, classes: person.classes });
          const county = flow.state.county;
          if (county && !(await countyIdentities(tx).link(county.providerId, county.subject, created.id, tx))) throw new CountyTaken();
          await tx.query(
            `INSERT INTO audit_events (type, account_id, ip, user_agent, detail) VALUES ('account.registered', $1, $2, $3, $4)`,
            [created.id, context.ip ?? null, context.userAgent?.slice(0, 300) ?? null, JSON.stringify({ school: person.schoolCode })],
          );
          const done: RegistrationState = { ...flow.state, step: 'done', accountId: created.id, username: created.username, account: undefined, person: undefined, typed: undefined };
          if (!(await save(tx, done))) throw new StaleFlow();
          return done;
        });
        return { ok: true, state };
      } catch (err) {
        if (err instanceof StaleFlow) return { ok: false, outcome: 'stale' };
        if (err instanceof CountyTaken) return { ok: false, outcome: 'already-registered' };
        const constraint = (err as { constraint?: string }).constraint ?? String((err as Error).message);
        if (/person_id_hash/.test(constraint)) return { ok: false, outcome: 'already-registered' };
        if (/username/.test(constraint)) return { ok: false, outcome: 'account-taken' };
        throw err;
      }
    },

    /** 「查無資料，回報問題」, 「我找不到我的學校，回報問題」, 「資料異常，回報問題」. */
    async report(state: RegistrationState, category: TicketCategory, extra: { contact?: string; description?: string }) {
      const school = state.place.school ? await getSchool(d.db, state.place.school) : undefined;
      const where = school ? `${school.countyName} ${school.districtName ?? ''} ${school.name}（${school.code}）` : '';
      // The helpdesk reads zh-TW whatever language the person used.
      const description = [
        text('zh-TW', reportSummaries[category] ?? 'report.summary.generic'),
        where && text('zh-TW', 'report.summary.school', { school: where }),
        state.place.county && !school ? text('zh-TW', 'report.summary.chosen', { place: [state.place.county, state.place.district, state.place.level].filter(Boolean).join(' / ') }) : '',
        extra.description ?? '',
      ]
        .filter(Boolean)
        .join('\n');
      return createTicket(d.db, {
        category,
        name: state.person?.name ?? state.typed?.name,
        contact: extra.contact,
        idSealed: state.person?.idSealed ?? state.typed?.idSealed,
        description,
        detail: { place: state.place, flow: 'registration' },
      });
    },
  };
}
export type RegistrationService = ReturnType<typeof registrationService>;

/** Teachers and staff register themselves; students are provisioned by their school. */
const selfRegisters = (r: SourcePerson) => r.identity === '教師' || r.identity === '職員';

/** What the flow keeps of the source record it matched (sealed, never the plain number or birthday). */
const matchedPerson = (r: SourcePerson, idHash: string): MatchedPerson => ({
  schoolCode: r.schoolCode,
  idHash,
  idSealed: r.idSealed,
  birthdaySealed: r.birthdaySealed,
  name: r.name,
  identity: r.identity,
  titles: r.titles,
  classes: r.classes,
});

class StaleFlow extends Error {}
class CountyTaken extends Error {}

const reportSummaries: Partial<Record<TicketCategory, MessageKey>> = {
  'school-not-found': 'report.summary.school-not-found',
  'source-not-found': 'report.summary.source-not-found',
  'data-error': 'report.summary.data-error',
};

/** Moving forward never forgets progress already made beyond this step. */
function advance(state: RegistrationState, next: Step): Step {
  return stepIndex(state.step) > stepIndex(next) ? state.step : next;
}

export function pendingChannels(state: RegistrationState, verifyMobile: boolean): ('email' | 'sms')[] {
  const a = state.account;
  if (!a) return [];
  const out: ('email' | 'sms')[] = [];
  if (state.verified.email !== a.email) out.push('email');
  if (verifyMobile && state.verified.mobile !== a.mobile) out.push('sms');
  return out;
}
