import type { MatchedPerson } from '../../methods/source-data.ts';
import type { FieldErrors } from '../kit/form.ts';

export type { FieldErrors, MatchedPerson };

/** The steps of SPEC 壹, in order (the state table is in README.md beside this file). */
export const steps = ['identity', 'school', 'verify', 'confirm', 'privacy', 'account', 'codes', 'review', 'done'] as const;
export type Step = (typeof steps)[number];

export const stepIndex = (s: Step) => steps.indexOf(s);
export const previousStep = (s: Step): Step | undefined => steps[stepIndex(s) - 1];
export const isStep = (s: string): s is Step => (steps as readonly string[]).includes(s);

export type Place = { county?: string; district?: string; level?: string; school?: string };

export interface RegistrationState {
  /** The furthest step reached; earlier steps can be revisited. */
  step: Step;
  role?: 'teacher';
  place: Place;
  /** What was typed at 4-2, kept for 「回上一頁」 (the identity number and birthday sealed). */
  typed?: { name: string; idSealed: string; birthday: string };
  verifyAttempts: number;
  person?: MatchedPerson;
  account?: { username: string; passwordHash: string; email: string; mobile: string };
  verified: { email?: string; mobile?: string };
  accountId?: string;
  username?: string;
  /** Set when identity was proven with a county account (4-1): linked when the account is created. */
  county?: { providerId: string; subject: string };
}

export const MAX_VERIFY_ATTEMPTS = 5;
/** Availability questions one flow may ask: enough to pick a name, too few to list who has one. */
export const MAX_AVAILABILITY_CHECKS = 30;

export const initialState = (): RegistrationState => ({ step: 'identity', place: {}, verifyAttempts: 0, verified: {} });

/** Moving forward never forgets progress already made beyond this step. */
export function advance(state: RegistrationState, next: Step): Step {
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

/** Where a GET of `step` goes instead of showing it: not reached yet, or the flow is done. */
export function redirectForShow(state: RegistrationState, step: Step, verifyMobile: boolean): Step | undefined {
  if (state.step === 'done') return step === 'done' ? undefined : 'done';
  if (stepIndex(step) > stepIndex(state.step)) return state.step;
  if (step === 'codes' && state.step !== 'codes' && !pendingChannels(state, verifyMobile).length) return state.step;
  return undefined;
}

/** Where a POST to `step` goes instead of being handled. */
export function redirectForSubmit(state: RegistrationState, step: Step): Step | undefined {
  if (state.step === 'done') return 'done';
  if (stepIndex(step) > stepIndex(state.step)) return state.step;
  return undefined;
}

export const chooseRole = (state: RegistrationState): RegistrationState => ({ ...state, role: 'teacher', step: advance(state, 'school') });

/** Without JavaScript each choice is a round trip: keep what still fits, clear what follows the changed choice. */
export function refinePlace(current: Place, posted: Place): Place {
  if (posted.county !== current.county) return { ...current, county: posted.county, district: '', level: '', school: '' };
  if (posted.district !== current.district) return { ...current, district: posted.district, level: '', school: '' };
  if (posted.level !== current.level) return { ...current, level: posted.level, school: '' };
  return { ...current, school: posted.school };
}

/** A school chosen; another school than before means proving identity again. */
export function schoolChosen(state: RegistrationState, place: Place): RegistrationState {
  const changed = state.place.school !== place.school;
  return {
    ...state,
    place,
    ...(changed ? { person: undefined, typed: undefined, account: undefined, verified: {} } : {}),
    step: changed ? 'verify' : advance(state, 'verify'),
  };
}

/** One more try at 4-2, counted whatever its result; what was typed is kept for the form. */
export const verifyTried = (state: RegistrationState, typed: NonNullable<RegistrationState['typed']>): RegistrationState => ({
  ...state,
  typed,
  verifyAttempts: state.verifyAttempts + 1,
});

export const identityVerified = (state: RegistrationState, typed: NonNullable<RegistrationState['typed']>, person: MatchedPerson, county?: RegistrationState['county']): RegistrationState => ({
  ...state,
  typed,
  person,
  ...(county ? { county } : {}),
  step: 'confirm',
});

export const confirmed = (state: RegistrationState): RegistrationState => ({ ...state, step: advance(state, 'privacy') });
export const agreed = (state: RegistrationState): RegistrationState => ({ ...state, step: advance(state, 'account') });

/** The account chosen at step 6; an address or number already proven stays proven. */
export function accountChosen(state: RegistrationState, account: NonNullable<RegistrationState['account']>, verifyMobile: boolean): RegistrationState {
  const verified = {
    email: state.verified.email === account.email ? account.email : undefined,
    mobile: state.verified.mobile === account.mobile ? account.mobile : undefined,
  };
  const next: RegistrationState = { ...state, account, verified };
  return { ...next, step: pendingChannels(next, verifyMobile).length ? 'codes' : 'review' };
}

/** Codes accepted stay accepted, even when another code on the same form was wrong. */
export function codesAccepted(state: RegistrationState, verified: RegistrationState['verified'], allAccepted: boolean): RegistrationState {
  return { ...state, verified, ...(allAccepted ? { step: 'review' as const } : {}) };
}

/** The end: what the flow keeps is only the new account's name (the person's data is dropped). */
export const completed = (state: RegistrationState, accountId: string, username: string): RegistrationState => ({
  ...state,
  step: 'done',
  accountId,
  username,
  account: undefined,
  person: undefined,
  typed: undefined,
});

/** The account-name availability check answers only a flow that has proven who is registering. */
export const mayAskAvailability = (state: RegistrationState) => Boolean(state.person) && state.step !== 'done';
