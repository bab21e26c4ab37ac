import type { CountyProviders } from '../../methods/county-providers.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { DirectoryRepo } from '../../storage/ports.ts';
import type { FieldErrors } from '../kit/form.ts';
import { pendingChannels, type RegistrationState, type Step } from './flow.ts';

type Option = { value: string; label: string };
export type Notice = { key: string; params?: Record<string, string | number> };

/** What one step's page shows; read-only (the service changes the flow). */
export type StepPage =
  | { step: 'identity'; state: RegistrationState; errors: FieldErrors }
  | { step: 'school'; state: RegistrationState; lists: { counties: Option[]; districts: Option[]; levels: Option[]; schools: Option[] }; errors: FieldErrors }
  | { step: 'verify'; schoolName: string; captchaId: string; countyStart?: string; name?: string; idNumber?: string; birthday?: string; errors: FieldErrors; notFound?: boolean; tooMany?: boolean }
  | { step: 'confirm'; state: RegistrationState; schoolName: string }
  | { step: 'privacy' }
  | { step: 'account'; domain: string; username?: string; email?: string; mobile?: string; errors: FieldErrors }
  | { step: 'codes'; targets: string; email: boolean; sms: boolean; errors: FieldErrors; notice?: Notice }
  | { step: 'review'; state: RegistrationState; schoolName: string; domain: string }
  | { step: 'done'; username: string };

/** What a page shows besides the stored state: what was just typed, or why the step stopped. */
export interface Extra {
  typed?: { name?: string; idNumber?: string; birthday?: string; username?: string; email?: string; mobile?: string };
  notFound?: boolean;
  tooMany?: boolean;
  notice?: Notice;
}

export function registrationPages(d: { directory: DirectoryRepo; providers: CountyProviders; captcha: CaptchaService; pii: PiiVault; accountDomain: string; verifyMobile: boolean }) {
  const opt = (rows: { code: string; name: string; english?: string }[]) => rows.map((r) => ({ value: r.code, label: r.name, english: r.english }));

  async function schoolName(code?: string) {
    const s = code ? await d.directory.getSchool(code) : undefined;
    return s ? `${s.countyName}${s.districtName ?? ''} ${s.name}` : '';
  }

  return {
    schoolName,
    async page(s: RegistrationState, step: Step, errors: FieldErrors = {}, extra: Extra = {}): Promise<StepPage> {
      const typed = extra.typed;
      switch (step) {
        case 'identity':
          return { step, state: s, errors };
        case 'school': {
          const { county, district, level } = s.place;
          const lists = {
            counties: opt(await d.directory.listCounties()),
            districts: county ? opt(await d.directory.listDistricts(county)) : [],
            levels: county && district ? (await d.directory.listLevels(county, district)).map((l) => ({ value: l, label: l })) : [],
            schools: county && district && level ? opt(await d.directory.listSchools(county, district, level)) : [],
          };
          return { step, state: s, lists, errors };
        }
        case 'verify': {
          const school = s.place.school ? await d.directory.getSchool(s.place.school) : undefined;
          const county = school && (await d.providers.list()).find((c) => c.countyCode === school.countyCode);
          return {
            step,
            countyStart: county && `/county/${county.id}/start?purpose=register`,
            schoolName: await schoolName(s.place.school),
            captchaId: await d.captcha.issue(),
            name: typed ? typed.name : s.typed?.name,
            idNumber: typed ? typed.idNumber : s.typed && d.pii.open(s.typed.idSealed),
            birthday: typed ? typed.birthday : s.typed?.birthday,
            errors,
            notFound: extra.notFound,
            tooMany: extra.tooMany,
          };
        }
        case 'confirm':
          return { step, state: s, schoolName: await schoolName(s.person?.schoolCode) };
        case 'privacy':
          return { step };
        case 'account':
          return {
            step,
            domain: d.accountDomain,
            username: typed?.username ?? s.account?.username,
            email: typed?.email ?? s.account?.email,
            mobile: typed?.mobile ?? s.account?.mobile,
            errors,
          };
        case 'codes': {
          const channels = pendingChannels(s, d.verifyMobile);
          const targets = channels.map((c) => (c === 'email' ? s.account!.email : s.account!.mobile)).join('、');
          return { step, targets, email: channels.includes('email'), sms: channels.includes('sms'), errors, notice: extra.notice };
        }
        case 'review':
          return { step, state: s, schoolName: await schoolName(s.person?.schoolCode), domain: d.accountDomain };
        case 'done':
          return { step, username: s.username ?? '' };
      }
    },
  };
}
export type RegistrationPages = ReturnType<typeof registrationPages>;
