import Router from '@koa/router';
import { getSchool, listCounties, listDistricts, listLevels, listSchools } from '../../directory/repository.ts';
import type { FlowStore, StoredFlow } from '../../flows/flow-store.ts';
import { pendingChannels, type RegistrationService } from '../../flows/registration/service.ts';
import { initialState, stepIndex, steps, type FieldErrors, type RegistrationState, type Step } from '../../flows/registration/state.ts';
import type { TicketCategory } from '../../flows/contact/tickets.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { Db } from '../../storage/db.ts';
import { page, type AppState, type Ctx } from '../context.ts';
import { requireCsrf } from '../middleware/csrf.ts';
import * as views from '../views/registration.ts';
import { messagePage } from '../views/pages.ts';
import { REGISTRATION_COOKIE } from './federation.ts';
import type { CountyProviders } from '../../flows/federation/providers.ts';

const FLOW_COOKIE = REGISTRATION_COOKIE;
const reportCategories: TicketCategory[] = ['school-not-found', 'source-not-found', 'data-error'];

interface Deps {
  db: Db;
  flows: FlowStore<RegistrationState>;
  service: RegistrationService;
  captcha: CaptchaService;
  pii: PiiVault;
  accountDomain: string;
  verifyMobile: boolean;
  secure: boolean;
  providers: CountyProviders;
}

/** 壹 申請帳號: GET renders a step from the stored flow, POST changes it and redirects (back, refresh and double submits are safe). */
export function registrationRoutes(d: Deps) {
  const router = new Router<AppState>();
  // Path / so the county sign-in callback (壹 4-1) finds the registration it belongs to.
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: d.secure, path: '/', overwrite: true };
  const text = (ctx: Ctx, name: string) => {
    const v = ctx.state.form?.[name];
    return typeof v === 'string' ? v : '';
  };
  const go = (ctx: Ctx, step: Step) => {
    ctx.status = 303;
    ctx.redirect(`/register/${step}`);
  };
  const schoolName = async (code?: string) => {
    const s = code ? await getSchool(d.db, code) : undefined;
    return s ? `${s.countyName}${s.districtName ?? ''} ${s.name}` : '';
  };

  const flowMessage = (ctx: Ctx, message: string, links: { href: string; label: string }[]) =>
    messagePage(page(ctx), { title: ctx.state.t('register.title'), message, links });

  function expired(ctx: Ctx) {
    ctx.cookies.set(FLOW_COOKIE, null, cookie);
    ctx.status = 410;
    ctx.body = flowMessage(ctx, ctx.state.t('register.expired'), [{ href: '/register?new=1', label: ctx.state.t('register.restart') }]).value;
  }

  async function load(ctx: Ctx) {
    const flow = await d.flows.load(ctx.cookies.get(FLOW_COOKIE));
    if (!flow) expired(ctx);
    return flow;
  }

  async function saveAndGo(ctx: Ctx, flow: StoredFlow<RegistrationState>, state: RegistrationState, to: Step) {
    // A lost race (double submit) just shows where the flow now is.
    await d.flows.save(flow, state);
    go(ctx, to);
  }

  async function render(ctx: Ctx, flow: StoredFlow<RegistrationState>, step: Step, errors: FieldErrors = {}, extra: Record<string, unknown> = {}) {
    const p = page(ctx);
    const s = flow.state;
    if (Object.keys(errors).length) ctx.status = 400;
    switch (step) {
      case 'identity':
        return (ctx.body = views.identityStep(p, s, errors).value);
      case 'school': {
        const { county, district, level } = s.place;
        const opt = (rows: { code: string; name: string; english?: string }[]) => rows.map((r) => ({ value: r.code, label: r.name, english: r.english }));
        const lists = {
          counties: opt(await listCounties(d.db)),
          districts: county ? opt(await listDistricts(d.db, county)) : [],
          levels: county && district ? (await listLevels(d.db, county, district)).map((l) => ({ value: l, label: l })) : [],
          schools: county && district && level ? opt(await listSchools(d.db, county, district, level)) : [],
        };
        return (ctx.body = views.schoolStep(p, s, lists, errors).value);
      }
      case 'verify': {
        const school = s.place.school ? await getSchool(d.db, s.place.school) : undefined;
        const county = school && (await d.providers.list()).find((c) => c.countyCode === school.countyCode);
        return (ctx.body = views.verifyStep(p, {
          countyStart: county && `/county/${county.id}/start?purpose=register`,
          schoolName: await schoolName(s.place.school),
          captchaId: await d.captcha.issue(),
          name: s.typed?.name,
          idNumber: s.typed ? d.pii.open(s.typed.idSealed) : undefined,
          birthday: s.typed?.birthday,
          errors,
          ...extra,
        }).value);
      }
      case 'confirm':
        return (ctx.body = views.confirmStep(p, s, await schoolName(s.person?.schoolCode)).value);
      case 'privacy':
        return (ctx.body = views.privacyStep(p).value);
      case 'account':
        return (ctx.body = views.accountStep(p, {
          domain: d.accountDomain,
          username: (extra.username as string) ?? s.account?.username,
          email: (extra.email as string) ?? s.account?.email,
          mobile: (extra.mobile as string) ?? s.account?.mobile,
          errors,
        }).value);
      case 'codes': {
        const channels = pendingChannels(s, d.verifyMobile);
        const targets = channels.map((c) => (c === 'email' ? s.account!.email : s.account!.mobile)).join('、');
        return (ctx.body = views.codesStep(p, { targets, email: channels.includes('email'), sms: channels.includes('sms'), errors, notice: extra.notice as string }).value);
      }
      case 'review':
        return (ctx.body = views.reviewStep(p, s, await schoolName(s.person?.schoolCode), d.accountDomain).value);
      case 'done':
        return (ctx.body = views.doneStep(p, s.username ?? '').value);
    }
  }

  router.get('/register', async (ctx) => {
    const existing = ctx.query.new ? undefined : await d.flows.load(ctx.cookies.get(FLOW_COOKIE));
    if (existing && existing.state.step !== 'done') return go(ctx, existing.state.step);
    const { token } = await d.flows.create(initialState());
    ctx.cookies.set(FLOW_COOKIE, token, cookie);
    go(ctx, 'identity');
  });

  router.get('/register/account-available', async (ctx) => {
    const name = typeof ctx.query.name === 'string' ? ctx.query.name.slice(0, 40) : '';
    const r = await d.service.isAvailable(name);
    ctx.body = { available: r.available, message: ctx.state.t(r.available ? 'register.accountAvailable' : r.key!) };
  });

  router.get('/register/:step', async (ctx) => {
    const step = ctx.params.step as Step;
    if (!steps.includes(step)) return;
    const flow = await load(ctx);
    if (!flow) return;
    const reached = flow.state.step;
    if (reached === 'done' && step !== 'done') return go(ctx, 'done');
    if (stepIndex(step) > stepIndex(reached) || (step === 'codes' && !pendingChannels(flow.state, d.verifyMobile).length && reached !== 'codes'))
      return go(ctx, reached);
    await render(ctx, flow, step);
  });

  router.post('/register/report', requireCsrf, async (ctx) => {
    const flow = await load(ctx);
    if (!flow) return;
    const category = text(ctx, 'category') as TicketCategory;
    if (!reportCategories.includes(category)) return go(ctx, flow.state.step);
    const school = await schoolName(flow.state.place.school);
    const description = [ctx.state.t(`register.${category === 'school-not-found' ? 'schoolNotFound' : category === 'data-error' ? 'dataWrong' : 'notFoundReport'}`), school].filter(Boolean).join('：');
    ctx.body = views.reportForm(page(ctx), { category, description }).value;
  });

  router.post('/register/report/send', requireCsrf, async (ctx) => {
    const flow = await load(ctx);
    if (!flow) return;
    const category = text(ctx, 'category') as TicketCategory;
    const contact = text(ctx, 'contact').trim().slice(0, 254);
    const description = text(ctx, 'description').slice(0, 1500);
    if (!reportCategories.includes(category)) return go(ctx, flow.state.step);
    if (!contact) {
      ctx.status = 400;
      ctx.body = views.reportForm(page(ctx), { category, description, error: ctx.state.t('register.reportContactRequired') }).value;
      return;
    }
    const id = await d.service.report(flow.state, category, { contact, description });
    ctx.body = flowMessage(ctx, ctx.state.t('register.reported', { id }), [
      { href: '/', label: ctx.state.t('error.back') },
      { href: '/login', label: ctx.state.t('menu.login') },
    ]).value;
  });

  router.post('/register/:step', requireCsrf, async (ctx) => {
    const step = ctx.params.step as Step;
    if (!steps.includes(step)) return;
    const flow = await load(ctx);
    if (!flow) return;
    const s = flow.state;
    if (s.step === 'done') return go(ctx, 'done');
    if (stepIndex(step) > stepIndex(s.step)) return go(ctx, s.step);

    switch (step) {
      case 'identity': {
        const r = d.service.chooseIdentity(s, text(ctx, 'role'));
        return r.ok ? saveAndGo(ctx, flow, r.state, 'school') : render(ctx, flow, 'identity', 'errors' in r ? r.errors : {});
      }
      case 'school': {
        const place = { county: text(ctx, 'county'), district: text(ctx, 'district'), level: text(ctx, 'level'), school: text(ctx, 'school') };
        if (text(ctx, 'action') === 'refresh') {
          // Without JavaScript each choice is a round trip: keep what still fits, clear what follows.
          const next = { ...s.place };
          if (place.county !== s.place.county) Object.assign(next, { county: place.county, district: '', level: '', school: '' });
          else if (place.district !== s.place.district) Object.assign(next, { district: place.district, level: '', school: '' });
          else if (place.level !== s.place.level) Object.assign(next, { level: place.level, school: '' });
          else next.school = place.school;
          return saveAndGo(ctx, flow, { ...s, place: next }, 'school');
        }
        const r = await d.service.chooseSchool(s, place);
        if (r.ok) return saveAndGo(ctx, flow, r.state, 'verify');
        flow.state = { ...s, place };
        return render(ctx, flow, 'school', 'errors' in r ? r.errors : {});
      }
      case 'verify': {
        if (text(ctx, 'action') === 'new_captcha') return render(ctx, flow, 'verify');
        const r = await d.service.verify(s, {
          name: text(ctx, 'name'),
          idNumber: text(ctx, 'id_number'),
          birthday: text(ctx, 'birthday'),
          captchaId: text(ctx, 'captcha_id'),
          captcha: text(ctx, 'captcha'),
        }, { ip: ctx.ip });
        if (r.ok) return saveAndGo(ctx, flow, r.state, 'confirm');
        if ('errors' in r) {
          ctx.status = 400;
          return render(ctx, flow, 'verify', r.errors, { name: text(ctx, 'name'), idNumber: text(ctx, 'id_number'), birthday: text(ctx, 'birthday') });
        }
        await d.flows.save(flow, s); // the attempt counter and what was typed
        if (r.outcome === 'already-registered') {
          await d.flows.remove(flow);
          ctx.cookies.set(FLOW_COOKIE, null, cookie);
          ctx.status = 409;
          ctx.body = flowMessage(ctx, ctx.state.t('register.already'), [
            { href: '/county?purpose=forgot-account', label: ctx.state.t('register.forgotAccount') },
            { href: '/county?purpose=reset-password', label: ctx.state.t('register.forgotPassword') },
            { href: '/login', label: ctx.state.t('menu.login') },
          ]).value;
          return;
        }
        ctx.status = 404;
        return render(ctx, { ...flow, state: s }, 'verify', {}, r.outcome === 'too-many' ? { tooMany: true } : { notFound: true });
      }
      case 'confirm': {
        const r = d.service.confirm(s);
        return r.ok && saveAndGo(ctx, flow, r.state, 'privacy');
      }
      case 'privacy': {
        if (text(ctx, 'decision') !== 'agree') {
          await d.flows.remove(flow);
          ctx.cookies.set(FLOW_COOKIE, null, cookie);
          ctx.body = flowMessage(ctx, ctx.state.t('register.disagreed'), [{ href: '/', label: ctx.state.t('error.back') }]).value;
          return;
        }
        const r = d.service.agree(s);
        return r.ok && saveAndGo(ctx, flow, r.state, 'account');
      }
      case 'account': {
        const input = { username: text(ctx, 'username'), password: text(ctx, 'password'), password2: text(ctx, 'password2'), email: text(ctx, 'email'), mobile: text(ctx, 'mobile') };
        const r = await d.service.setAccount(flow, input);
        if (r.ok) return saveAndGo(ctx, flow, r.state, r.state.step);
        return render(ctx, flow, 'account', 'errors' in r ? r.errors : {}, { username: input.username, email: input.email, mobile: input.mobile });
      }
      case 'codes': {
        if (text(ctx, 'action') === 'resend') {
          const r = await d.service.resendCodes(flow);
          return render(ctx, flow, 'codes', {}, { notice: r.sent ? ctx.state.t('register.resent') : ctx.state.t('register.resendWait', { seconds: r.wait }) });
        }
        const r = await d.service.checkCodes(flow, { emailCode: text(ctx, 'email_code'), smsCode: text(ctx, 'sms_code') });
        if (r.ok) return saveAndGo(ctx, flow, r.state, 'review');
        await d.flows.save(flow, r.state);
        return render(ctx, { ...flow, state: r.state }, 'codes', r.errors);
      }
      case 'review': {
        const r = await d.service.complete(flow, (tx, state) => d.flows.save(flow, state, tx), { ip: ctx.ip, userAgent: ctx.get('user-agent') });
        if (r.ok) return go(ctx, 'done');
        if ('outcome' in r && r.outcome === 'account-taken') {
          return render(ctx, flow, 'account', { username: { key: 'register.accountTaken' } });
        }
        if ('outcome' in r && r.outcome === 'already-registered') {
          ctx.status = 409;
          ctx.body = flowMessage(ctx, ctx.state.t('register.already'), [{ href: '/login', label: ctx.state.t('menu.login') }]).value;
          return;
        }
        const now = await d.flows.load(ctx.cookies.get(FLOW_COOKIE));
        return go(ctx, now?.state.step ?? 'identity');
      }
      default:
        return go(ctx, s.step);
    }
  });

  return router;
}
