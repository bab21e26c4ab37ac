import type { ClassInfo } from '../../storage/ports.ts';

/** The steps of SPEC 壹, in order. */
export const steps = ['identity', 'school', 'verify', 'confirm', 'privacy', 'account', 'codes', 'review', 'done'] as const;
export type Step = (typeof steps)[number];

export const stepIndex = (s: Step) => steps.indexOf(s);
export const previousStep = (s: Step): Step | undefined => steps[stepIndex(s) - 1];

export interface MatchedPerson {
  schoolCode: string;
  idHash: string;
  idSealed: string;
  birthdaySealed: string;
  name: string;
  identity: string;
  titles: string[];
  classes: ClassInfo[];
}

export interface RegistrationState {
  /** The furthest step reached; earlier steps can be revisited. */
  step: Step;
  role?: 'teacher';
  place: { county?: string; district?: string; level?: string; school?: string };
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

export const initialState = (): RegistrationState => ({ step: 'identity', place: {}, verifyAttempts: 0, verified: {} });

/** Field → message key (with parameters) shown beside that field. */
export type FieldErrors = Record<string, { key: string; params?: Record<string, string | number> }>;
