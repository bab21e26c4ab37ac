import type { CountyIdentity, PendingAuth } from '../../methods/county.ts';

/** What the county sign-in is for; each leads to its own flow once the county has answered. */
export const purposes = ['login', 'register', 'forgot-account', 'reset-password'] as const;
export type Purpose = (typeof purposes)[number];

export const purposeOf = (v: unknown): Purpose => (purposes.includes(v as Purpose) ? (v as Purpose) : 'login');
/** An oidc-provider interaction uid waiting for this sign-in, if the value looks like one. */
export const interactionOf = (v: unknown) => (typeof v === 'string' && /^[\w-]{10,64}$/.test(v) ? v : undefined);

/** pending: sent to the county → identity: the county answered (README.md has the table). */
export interface FederationState {
  providerId: string;
  purpose: Purpose;
  /** The application sign-in waiting for this login (oidc-provider interaction uid). */
  interaction?: string;
  pending?: PendingAuth;
  identity?: CountyIdentity;
}

export const started = (providerId: string, purpose: Purpose, pending: PendingAuth, interaction?: string): FederationState => ({ providerId, purpose, interaction, pending });

/** The pending request is spent; what stays is the verified county identity. */
export const identified = (state: FederationState, identity: CountyIdentity): FederationState => ({ ...state, pending: undefined, identity });

export type AfterCounty =
  | { next: 'registration' }
  | { next: 'signed-in' }
  | { next: 'link' }
  | { next: 'no-id-number' }
  | { next: 'no-account' }
  | { next: 'forgot-result' }
  | { next: 'reset-form'; locked: boolean };

/** Where a verified county identity leads, by purpose and by what is known of its account. */
export function afterCounty(purpose: Purpose, facts: { hasAccount: boolean; hasIdNumber: boolean; locked: boolean }): AfterCounty {
  if (purpose === 'register') return { next: 'registration' };
  if (purpose === 'login') return { next: facts.hasAccount ? 'signed-in' : 'link' };
  if (!facts.hasAccount) return { next: facts.hasIdNumber ? 'no-account' : 'no-id-number' };
  return purpose === 'forgot-account' ? { next: 'forgot-result' } : { next: 'reset-form', locked: facts.locked };
}

/** Whether the flow still has a use after this step (a locked reset and a found account end it). */
export const endsFlow = (a: AfterCounty) => a.next !== 'link' && !(a.next === 'reset-form' && !a.locked);

/** A county identity may be unlinked unless it is the account's last way in. */
export const mayUnlink = (hasPassword: boolean, linkedCount: number) => hasPassword || linkedCount > 1;
