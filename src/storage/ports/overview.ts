/** The dashboard's figures (issue 10), each counted by the database over its indexes and bounded to a reach. */

/** Where the figures reach: everything, or accounts and tickets of these counties and schools. */
export interface OverviewScope {
  all: boolean;
  counties: string[];
  schools: string[];
}

/** Accounts of one county (null: an account with no school), by status; a disabled account by why. */
export interface AccountsOfCounty {
  countyCode: string | null;
  countyName: string | null;
  active: number;
  /** Disabled after no sign-in for the configured days. */
  inactive: number;
  /** Disabled by an administrator (or for no recorded reason). */
  disabled: number;
}

/** Sign-ins on the SSO site started in one hour: proven and refused. */
export interface SignInHour {
  hour: Date;
  succeeded: number;
  failed: number;
}

export type TicketAge = '0-1' | '1-3' | '3-7' | '7+';

export interface OverviewRepo {
  /**
   * Accounts by the county of their home school (the primary affiliation; the lowest school code when
   * several), counted once each; an account is in the scope when its home school is.
   */
  accountsByCounty(scope: OverviewScope): Promise<AccountsOfCounty[]>;
  /** Credentials proven or refused on the SSO site from `since` to `until`, by hour; only the hours that had any. */
  signInsByHour(scope: OverviewScope, since: Date, until: Date): Promise<SignInHour[]>;
  /** Tickets not resolved, by their age at `now` in days (0–1, 1–3, 3–7, 7+); only the ages that have any. */
  openTicketsByAge(scope: OverviewScope, now: Date): Promise<{ age: TicketAge; count: number }[]>;
}
