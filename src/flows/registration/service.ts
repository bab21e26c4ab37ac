import { validateAccountName } from '../../domain/account-name.ts';
import { validateEmail } from '../../domain/email.ts';
import { validateIdNumber } from '../../domain/national-id.ts';
import { checkNewPassword } from '../../domain/password-policy.ts';
import { validatePersonName } from '../../domain/person-name.ts';
import { validateMobile } from '../../domain/phone.ts';
import { parseBirthday } from '../../domain/roc-date.ts';
import type { CodeMethod } from '../../methods/code.ts';
import type { CountyIdentity } from '../../methods/county.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import { hashPassword } from '../../security/password.ts';
import { sha256 } from '../../security/tokens.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { SourceDataMethod } from '../../methods/source-data.ts';
import type { Store } from '../../storage/ports.ts';
import type { FlowStore, StoredFlow } from '../kit/flow-store.ts';
import type { FieldErrors } from '../kit/form.ts';
import * as flow from './flow.ts';
import type { RegistrationState, Step } from './flow.ts';
import type { Extra, RegistrationPages, StepPage } from './pages.ts';
import type { VerifyLimit } from './verify-limit.ts';

/** How a request ends: go to a step, show a step, or end the flow with a message. */
export type Outcome =
  | { kind: 'go'; step: Step }
  | { kind: 'show'; page: StepPage; status?: number }
  | { kind: 'end'; status: number; message: EndMessage; clearCookie: boolean };

export type EndMessage = 'expired' | 'already' | 'already-at-review' | 'disagreed' | 'county-not-found' | 'county-already';

export interface RegistrationDeps {
  store: Store;
  flows: FlowStore<RegistrationState>;
  pages: RegistrationPages;
  pii: PiiVault;
  captcha: CaptchaService;
  codes: CodeMethod;
  sourceData: SourceDataMethod;
  verifyLimit: VerifyLimit;
  verifyMobile: boolean;
}

export interface RequestContext {
  ip?: string;
  userAgent?: string;
}

type Flow = StoredFlow<RegistrationState>;

export const go = (step: Step): Outcome => ({ kind: 'go', step });
export const end = (status: number, message: EndMessage, clearCookie = false): Outcome => ({ kind: 'end', status, message, clearCookie });

const AVAILABILITY_KIND = 'registration-availability';

class StaleFlow extends Error {}
class CountyTaken extends Error {}

/** SPEC 壹 申請帳號: every change to a registration happens here; the routes only parse and render. */
export function registrationService(d: RegistrationDeps) {
  const { store, flows, pages } = d;

  const show = async (f: Flow | RegistrationState, step: Step, errors: FieldErrors = {}, extra: Extra = {}, status?: number): Promise<Outcome> => ({
    kind: 'show',
    page: await pages.page('state' in f ? f.state : f, step, errors, extra),
    status: status ?? (Object.keys(errors).length ? 400 : undefined),
  });

  /** A lost race (double submit) just shows where the flow now is. */
  async function saveAndGo(f: Flow, state: RegistrationState, step: Step = state.step): Promise<Outcome> {
    await flows.save(f, state);
    return go(step);
  }

  /** Loads the flow of this browser and checks the step may be posted; `run` does the step. */
  async function posted(token: string | undefined, step: Step, run: (f: Flow) => Promise<Outcome>): Promise<Outcome> {
    const f = await flows.load(token);
    if (!f) return end(410, 'expired', true);
    const elsewhere = flow.redirectForSubmit(f.state, step);
    return elsewhere ? go(elsewhere) : run(f);
  }

  async function isAvailable(username: string): Promise<{ available: boolean; key?: string }> {
    const name = validateAccountName(username);
    if (!name.ok) return { available: false, key: name.error };
    return (await store.accounts.findByUsername(name.value)) ? { available: false, key: 'register.accountTaken' } : { available: true };
  }

  /**
   * One more availability question for this flow, if it has some left. The count is a row of its own
   * beside the flow, so a question in flight never makes the person's next step lose its save; of
   * parallel questions only one is counted and the others are refused.
   */
  async function countAvailabilityCheck(f: Flow): Promise<boolean> {
    const id = sha256(`availability:${f.id}`);
    const counter = await store.flows.load<{ asked: number }>(id, AVAILABILITY_KIND);
    if (!counter)
      return store.flows.create(id, AVAILABILITY_KIND, { asked: 1 }, flows.ttlSeconds).then(
        () => true,
        () => false,
      );
    if (counter.state.asked >= flow.MAX_AVAILABILITY_CHECKS) return false;
    return store.flows.save(id, counter.version, { asked: counter.state.asked + 1 });
  }

  async function sendCodes(f: Flow, state: RegistrationState, lang: Lang) {
    const targets = flow.pendingChannels(state, d.verifyMobile).map((channel) => ({ channel, to: channel === 'email' ? state.account!.email : state.account!.mobile }));
    if (targets.length) await d.codes.send(f.id, 'registration', targets, lang);
  }

  return {
    /** 「申請帳號」: resumes this browser's flow, or starts one (a new token for the cookie). */
    async start(token: string | undefined, fresh: boolean): Promise<{ token?: string; step: Step }> {
      const existing = fresh ? undefined : await flows.load(token);
      if (existing && existing.state.step !== 'done') return { step: existing.state.step };
      const created = await flows.create(flow.initialState());
      return { token: created.token, step: 'identity' };
    },

    /** Back to where the flow is. */
    async current(token: string | undefined): Promise<Outcome> {
      const f = await flows.load(token);
      return f ? go(f.state.step) : end(410, 'expired', true);
    },

    async show(token: string | undefined, step: Step): Promise<Outcome> {
      const f = await flows.load(token);
      if (!f) return end(410, 'expired', true);
      const elsewhere = flow.redirectForShow(f.state, step, d.verifyMobile);
      return elsewhere ? go(elsewhere) : show(f, step);
    },

    identity: (token: string | undefined, errors: FieldErrors | undefined) =>
      posted(token, 'identity', async (f) => (errors ? show(f, 'identity', errors) : saveAndGo(f, flow.chooseRole(f.state)))),

    school: (token: string | undefined, input: flow.Place & { action: string }) =>
      posted(token, 'school', async (f) => {
        const place = { county: input.county, district: input.district, level: input.level, school: input.school };
        if (input.action === 'refresh') return saveAndGo(f, { ...f.state, place: flow.refinePlace(f.state.place, place) }, 'school');
        const school = place.school ? await store.directory.getSchool(place.school) : undefined;
        if (!school || school.countyCode !== place.county || school.districtCode !== place.district || school.level !== place.level)
          return show({ ...f.state, place }, 'school', { school: { key: 'register.chooseSchool' } });
        return saveAndGo(f, flow.schoolChosen(f.state, place), 'verify');
      }),

    /** Step 4-2: name, identity number and birthday matched against the chosen school's source data. */
    verify: (token: string | undefined, input: { name: string; id_number: string; birthday: string; captcha_id: string; captcha: string; action: string }, context: RequestContext) =>
      posted(token, 'verify', async (f) => {
        if (input.action === 'new_captcha') return show(f, 'verify');
        const s = f.state;
        if (s.verifyAttempts >= flow.MAX_VERIFY_ATTEMPTS || (await d.verifyLimit.blocked(context.ip))) return show(f, 'verify', {}, { tooMany: true }, 404);
        const errors: FieldErrors = {};
        const name = validatePersonName(input.name);
        if (!name.ok) errors.name = { key: name.error };
        const id = validateIdNumber(input.id_number, { allowOther: true });
        if (!id.ok) errors.idNumber = { key: id.error };
        const birthday = parseBirthday(input.birthday);
        if (!birthday.ok) errors.birthday = { key: birthday.error, params: birthday.params };
        if (!(await d.captcha.check(input.captcha_id, input.captcha))) errors.captcha = { key: 'register.captchaWrong' };
        if (!name.ok || !id.ok || !birthday.ok || Object.keys(errors).length)
          return show(f, 'verify', errors, { typed: { name: input.name, idNumber: input.id_number, birthday: input.birthday } });

        const typed = { name: name.value, idSealed: d.pii.seal(id.value.value), birthday: input.birthday.trim() };
        const tried = flow.verifyTried(s, typed);
        const school = s.place.school!;
        const person = await d.sourceData.matchTyped(school, { name: name.value, idNumber: id.value.value, birthday: birthday.value });
        if (!person) {
          await store.audit.record({ type: 'registration.verify_failed', ip: context.ip, detail: { school } });
          await d.verifyLimit.failed(context.ip);
          await flows.save(f, tried); // the attempt counter and what was typed
          return show(tried, 'verify', {}, { notFound: true }, 404);
        }
        await store.audit.record({ type: 'registration.verified', ip: context.ip, detail: { school } });
        if (await store.accounts.findByPersonHash(person.idHash)) {
          await flows.remove(f);
          return end(409, 'already', true);
        }
        return saveAndGo(f, flow.identityVerified(tried, typed, person));
      }),

    /** Step 4-1: the county's identity replaces 4-2, still matched against the chosen school's source data. */
    async verifyWithCounty(token: string | undefined, identity: CountyIdentity): Promise<Outcome | 'no-registration' | 'no-id-number'> {
      const f = await flows.load(token);
      if (!f?.state.place.school) return 'no-registration';
      const idNumber = identity.idNumber;
      if (!idNumber) return 'no-id-number';
      const person = await d.sourceData.matchAsserted(f.state.place.school, { idNumber, name: identity.name });
      if (!person) return end(404, 'county-not-found');
      if (await store.accounts.findByPersonHash(person.idHash)) return end(409, 'county-already');
      const typed = { name: person.name, idSealed: person.idSealed, birthday: '' };
      return saveAndGo(f, flow.identityVerified(f.state, typed, person, { providerId: identity.providerId, subject: identity.subject }));
    },

    confirm: (token: string | undefined) => posted(token, 'confirm', (f) => saveAndGo(f, flow.confirmed(f.state))),

    privacy: (token: string | undefined, decision: string) =>
      posted(token, 'privacy', async (f) => {
        if (decision === 'agree') return saveAndGo(f, flow.agreed(f.state));
        await flows.remove(f);
        return end(200, 'disagreed', true);
      }),

    /** Step 6: account, password twice, backup email and mobile; then codes go to both. */
    account: (token: string | undefined, input: { username: string; password: string; password2: string; email: string; mobile: string }, lang: Lang = 'zh-TW') =>
      posted(token, 'account', async (f) => {
        const s = f.state;
        const errors: FieldErrors = {};
        const username = validateAccountName(input.username);
        if (!username.ok) errors.username = { key: username.error };
        else if (!(await isAvailable(username.value)).available) errors.username = { key: 'register.accountTaken' };
        const password = checkNewPassword(input.password, input.password2, {
          account: username.ok ? username.value : undefined,
          idNumber: s.person && d.pii.open(s.person.idSealed),
          birthday: s.person && d.pii.open(s.person.birthdaySealed),
        });
        if (!password.ok) errors[password.field] = { key: password.key };
        const email = validateEmail(input.email);
        if (!email.ok) errors.email = { key: email.error };
        const mobile = validateMobile(input.mobile);
        if (!mobile.ok) errors.mobile = { key: mobile.error };
        if (!username.ok || !email.ok || !mobile.ok || Object.keys(errors).length)
          return show(f, 'account', errors, { typed: { username: input.username, email: input.email, mobile: input.mobile } });
        const account = { username: username.value, passwordHash: await hashPassword(input.password), email: email.value, mobile: mobile.value };
        const next = flow.accountChosen(s, account, d.verifyMobile);
        await sendCodes(f, next, lang);
        return saveAndGo(f, next);
      }),

    /** Step 7: the codes sent to the email address (and the mobile); a resend waits a minute. */
    codes: (token: string | undefined, input: { email_code: string; sms_code: string; action: string }, lang: Lang = 'zh-TW') =>
      posted(token, 'codes', async (f) => {
        const s = f.state;
        const channels = flow.pendingChannels(s, d.verifyMobile);
        if (input.action === 'resend') {
          const wait = Math.max(0, ...(await Promise.all(channels.map((c) => d.codes.resendWait(f.id, c)))));
          if (wait === 0) await sendCodes(f, s, lang);
          return show(f, 'codes', {}, { notice: wait ? { key: 'register.resendWait', params: { seconds: wait } } : { key: 'register.resent' } });
        }
        const errors: FieldErrors = {};
        const verified = { ...s.verified };
        for (const channel of channels) {
          const target = channel === 'email' ? s.account!.email : s.account!.mobile;
          const result = await d.codes.check(f.id, channel, target, (channel === 'email' ? input.email_code : input.sms_code).trim());
          if (result === 'ok') verified[channel === 'email' ? 'email' : 'mobile'] = target;
          else errors[channel === 'email' ? 'emailCode' : 'smsCode'] = { key: `code.${result}` };
        }
        const next = flow.codesAccepted(s, verified, !Object.keys(errors).length);
        if (Object.keys(errors).length) {
          await flows.save(f, next);
          return show(next, 'codes', errors);
        }
        return saveAndGo(f, next, 'review');
      }),

    /** 「完成註冊」: the account, its affiliation, the county link, its audit event and the flow's end, in one transaction. */
    review: (token: string | undefined, context: RequestContext) =>
      posted(token, 'review', async (f) => {
        const { person, account, county } = f.state;
        if (!person || !account || flow.pendingChannels(f.state, d.verifyMobile).length) return go((await flows.load(token))?.state.step ?? 'identity');
        try {
          await store.transaction(async (repos) => {
            const created = await repos.accounts.create({
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
            await repos.accounts.setAffiliation(created.id, { schoolCode: person.schoolCode, identity: person.identity, titles: person.titles, classes: person.classes });
            if (county && !(await repos.countyIdentities.link(county.providerId, county.subject, created.id))) throw new CountyTaken();
            await repos.audit.record({ type: 'account.registered', accountId: created.id, ip: context.ip, userAgent: context.userAgent, detail: { school: person.schoolCode } });
            if (!(await flows.save(f, flow.completed(f.state, created.id, created.username), repos.flows))) throw new StaleFlow();
          });
          return go('done');
        } catch (err) {
          // A double submit: the other request finished the registration while this one waited on it.
          if ((await flows.load(token))?.state.step === 'done') return go('done');
          if (err instanceof CountyTaken) return end(409, 'already-at-review');
          const constraint = (err as { constraint?: string }).constraint ?? String((err as Error).message);
          if (!(err instanceof StaleFlow) && /person_id_hash/.test(constraint)) return end(409, 'already-at-review');
          if (!(err instanceof StaleFlow) && /username/.test(constraint)) return show(f, 'account', { username: { key: 'register.accountTaken' } });
          if (!(err instanceof StaleFlow)) throw err;
          return go((await flows.load(token))?.state.step ?? 'identity');
        }
      }),

    /**
     * Whether an account name is free, asked while typing at step 6. Only a flow that has proven who
     * is registering may ask, and only so many times: otherwise it would tell anyone who has an account.
     */
    async accountAvailable(token: string | undefined, name: string): Promise<{ status: 200; available: boolean; key: string } | { status: 403 | 404 | 429 }> {
      const f = await flows.load(token);
      if (!f) return { status: 404 };
      if (!flow.mayAskAvailability(f.state)) return { status: 403 };
      if (!(await countAvailabilityCheck(f))) return { status: 429 };
      const r = await isAvailable(name);
      return { status: 200, available: r.available, key: r.available ? 'register.accountAvailable' : r.key! };
    },
  };
}
export type RegistrationService = ReturnType<typeof registrationService>;
