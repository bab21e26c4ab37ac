/** The cookie holding this browser's passkey challenge (one ceremony at a time). */
export const PASSKEY_COOKIE = 'edusso.pk';

/**
 * A passkey ceremony is one challenge kept server-side for this browser (a flow, 5 minutes), answered
 * once: taking it marks it used before anything is checked, so a replayed answer finds nothing.
 */
export interface PasskeyChallenge {
  purpose: 'register' | 'login' | 'second-factor';
  challenge: string;
  /** register, second-factor: the account it was made for; only that account may answer. */
  accountId?: string;
  used: boolean;
}

export const newChallenge = (purpose: PasskeyChallenge['purpose'], challenge: string, accountId?: string): PasskeyChallenge => ({ purpose, challenge, accountId, used: false });

/** Whether a stored challenge may answer this ceremony for this account. */
export function usable(state: PasskeyChallenge, purpose: PasskeyChallenge['purpose'], accountId?: string): boolean {
  return !state.used && state.purpose === purpose && state.accountId === accountId;
}

/** Where a passkey sign-in on the SSO site lands: the page asked for, or 查閱個人資料. */
export const landing = (next: string | undefined) => next ?? '/account';
