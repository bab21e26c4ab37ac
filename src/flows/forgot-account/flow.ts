/** 伍.2 忘記帳號 by identity number: the pure rules (what to show), no state. */

export type AccountDisplay = 'full' | 'masked';

/** The account name as the page may show it: whole, or its first and last two characters (`te****er`). */
export function shownName(username: string, display: AccountDisplay): string {
  if (display === 'full') return username;
  const keep = username.length >= 6 ? 2 : 1;
  return username.slice(0, keep) + '*'.repeat(Math.max(username.length - 2 * keep, 1)) + username.slice(-keep);
}

export type LookupOutcome =
  | { kind: 'form'; error: { key: string; params?: Record<string, string | number> }; field?: 'id_number' | 'captcha'; retryAfterSeconds?: number }
  | { kind: 'found'; shown: string; masked: boolean }
  | { kind: 'not-found' };

/** What a finished lookup shows: the account (whole or masked), or the one message for every number without an account. */
export function afterLookup(account: { username: string } | undefined, display: AccountDisplay): LookupOutcome {
  if (!account) return { kind: 'not-found' };
  return { kind: 'found', shown: shownName(account.username, display), masked: display === 'masked' };
}
