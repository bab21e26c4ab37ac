import type { SignInMethod } from '../../storage/ports.ts';

/** The second step of a sign-in when two-factor is on (the state table is in README.md). */
export const SECOND_FACTOR_PATH = '/login/second-factor';
/** The cookie that ties a pending sign-in to the browser that proved the first factor. */
export const SECOND_FACTOR_COOKIE = 'edusso.2fa-in';

/** A first factor proven, the second not yet: nothing is signed in meanwhile. */
export interface PendingSignIn {
  accountId: string;
  /** How the first factor was proven. */
  method: Extract<SignInMethod, 'password' | 'county'>;
  /** Where to continue once signed in: a local path (`/account`, `/interaction/<uid>`, a `?next=`). */
  next: string;
}

/** The second factors a pending sign-in takes: a code of the app, a recovery code, or (later) a passkey. */
export type SecondFactor = 'totp' | 'recovery' | 'passkey';

/** The methods the new session was proven by: the first factor and the second. */
export const sessionMethods = (s: PendingSignIn, via: SecondFactor): SignInMethod[] => [s.method, via === 'passkey' ? 'passkey' : 'two-factor'];

export const modes = ['code', 'recovery'] as const;
export type Mode = (typeof modes)[number];
export const modeOf = (v: unknown): Mode => (v === 'recovery' ? 'recovery' : 'code');
