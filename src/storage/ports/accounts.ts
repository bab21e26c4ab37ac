/** Accounts, applications, audit, captchas, web sessions and signing keys. */

export interface Account {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  email: string | null;
  emailVerified: boolean;
  mobile: string | null;
  status: 'active' | 'disabled';
  createdAt: Date;
  /** Provisioned with an initial password (students): nothing but /account/password/first until it is replaced. */
  mustChangePassword: boolean;
}

export interface ClassInfo {
  year: string;
  semester: string;
  grade: string;
  classno: string;
  classtitle: string;
}

export interface Affiliation {
  schoolCode: string;
  schoolName: string;
  identity: string;
  titles: string[];
  classes: ClassInfo[];
  isPrimary: boolean;
}

export interface NewAccount {
  username: string;
  passwordHash: string;
  displayName: string;
  email?: string | null;
  emailVerified?: boolean;
  mobile?: string | null;
  personIdHash?: string | null;
  personIdSealed?: string | null;
  birthdaySealed?: string | null;
  mustChangePassword?: boolean;
}

export interface AccountRepo {
  create(account: NewAccount): Promise<Account>;
  findById(id: string): Promise<Account | undefined>;
  findByUsername(username: string): Promise<Account | undefined>;
  /** Sets a new password; lockHours > 0 refuses further changes for that long (SPEC 陸.2). */
  setPassword(accountId: string, passwordHash: string, lockHours: number): Promise<void>;
  /** Sets or clears the must-change-password-at-first-sign-in flag. */
  setMustChangePassword(accountId: string, value: boolean): Promise<void>;
  /** Why a disabled account is disabled (undefined for an active one). */
  disabledReason(accountId: string): Promise<'inactive' | 'admin' | undefined>;
  /** Disables an account, remembering why. */
  disable(accountId: string, reason: 'inactive' | 'admin'): Promise<void>;
  /** Makes a disabled account active again (SPEC 柒). */
  activate(accountId: string): Promise<void>;
  /** Disables every active account that has not signed in (or, never signed in, was not created) for `days`; returns their ids. */
  disableInactive(days: number): Promise<string[]>;
  /** Remembers a sign-in (what inactivity is measured from). */
  recordLogin(accountId: string): Promise<void>;
  /** Until when the password may not be changed, if it is locked now. */
  passwordLockedUntil(accountId: string): Promise<Date | undefined>;
  /** The account of a person, by the keyed hash of their identity number. */
  findByPersonHash(idHash: string): Promise<Account | undefined>;
  /** Accounts whose email is this one (case-insensitive), for the console's account lookup. */
  findByEmail(email: string, limit: number): Promise<Account[]>;
  /** The sealed identity number and birthday of the person behind an account, when known. */
  sealedPerson(accountId: string): Promise<{ idSealed: string | null; birthdaySealed: string | null } | undefined>;
  setAffiliation(accountId: string, a: Omit<Affiliation, 'schoolName' | 'isPrimary'>): Promise<void>;
  affiliations(accountId: string): Promise<Affiliation[]>;
  /** Replaces every affiliation of an account with these (the first is primary); call inside `store.transaction`. */
  replaceAffiliations(accountId: string, list: Omit<Affiliation, 'schoolName' | 'isPrimary'>[]): Promise<void>;
  /** Replaces the backup email (proven, so marked verified) and the mobile (null clears it) (SPEC 參). */
  setContacts(accountId: string, c: { email: string; mobile: string | null }): Promise<void>;
}

export interface ClientRecord {
  clientId: string;
  name: string;
  firstParty: boolean;
  homeUrl: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface ClientRepo {
  insert(c: Omit<ClientRecord, 'createdAt'>): Promise<void>;
  find(clientId: string): Promise<ClientRecord | undefined>;
  list(): Promise<ClientRecord[]>;
  /** Replaces the name, first-party flag, home URL and metadata; false when there is no such client. */
  update(c: Omit<ClientRecord, 'createdAt'>): Promise<boolean>;
  remove(clientId: string): Promise<boolean>;
}

export interface AuditEvent {
  type: string;
  accountId?: string | null;
  clientId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  detail?: Record<string, unknown>;
  /** Who acted, when not the account itself: 'account:<id>' (the admin console), 'client:<id>' (an admin API token), 'cli'. */
  actor?: string | null;
}

export interface AuditRepo {
  record(e: AuditEvent): Promise<void>;
  forAccount(accountId: string, limit: number): Promise<(AuditEvent & { at: Date })[]>;
}

export interface CaptchaRepo {
  put(id: string, answer: string, ttlSeconds: number): Promise<void>;
  /** Removes the challenge and returns its answer if it had not expired: a challenge answers once. */
  take(id: string): Promise<string | undefined>;
  /** The answer of a live challenge without consuming it (to draw or speak it). */
  peek(id: string): Promise<string | undefined>;
}

import type { SignInMethod } from '../../domain/sign-in-method.ts';
export type { SignInMethod };

export interface WebSessionMeta {
  ip?: string | null;
  userAgent?: string | null;
  methods: SignInMethod[];
}

/** The SSO site's own session, by the hash of its cookie (the token itself is never stored). */
export interface WebSession extends WebSessionMeta {
  idHash: string;
  accountId: string;
  createdAt: Date;
  /** The last time credentials were proven in this session (sign-in or asked again). */
  authenticatedAt: Date;
  lastSeenAt: Date;
}

export interface WebSessionRepo {
  create(idHash: string, accountId: string, ttlSeconds: number, meta?: WebSessionMeta): Promise<void>;
  find(idHash: string): Promise<WebSession | undefined>;
  /** Notes that the session was used now (written at most once a minute). */
  touch(idHash: string): Promise<void>;
  /** Credentials were proven again in this session (a sensitive change may follow). */
  reauthenticated(idHash: string, methods?: SignInMethod[]): Promise<void>;
  /** The live sessions of an account, most recently used first. */
  listForAccount(accountId: string): Promise<WebSession[]>;
  remove(idHash: string): Promise<void>;
  /** Ends one session of this account only; false when it was not this account's or is gone. */
  removeOwn(accountId: string, idHash: string): Promise<boolean>;
  /** Ends every session of an account (after a password reset), or every one but `keep`. */
  removeForAccount(accountId: string, keep?: string): Promise<void>;
  /** Remembers the oidc-provider session of the browser this session belongs to (its latest). */
  linkProviderSession(idHash: string, providerSessionId: string): Promise<void>;
  /** The oidc-provider session linked to this session, if any. */
  providerSessionOf(idHash: string): Promise<string | undefined>;
}

export interface SignInRecord {
  accountId: string;
  /** 'authentication': credentials proven or refused on the SSO site; 'application': a sign-in an application received. */
  kind: 'authentication' | 'application';
  clientId?: string | null;
  method: SignInMethod;
  result: 'succeeded' | 'failed';
  ip?: string | null;
  userAgent?: string | null;
}

export interface SignInRecordRepo {
  record(r: SignInRecord): Promise<void>;
  /** The newest records of one kind, with the application's name where there is one. */
  forAccount(accountId: string, kind: SignInRecord['kind'], limit: number): Promise<(SignInRecord & { at: Date; clientName: string | null })[]>;
  /** Deletes records older than `days`; returns how many. */
  purgeOlderThan(days: number): Promise<number>;
}

export interface SigningKeyRow {
  kid: string;
  alg: string;
  sealedJwk: string;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface SigningKeyRepo {
  /** Keys still published: the signing one first, then retired ones newer than the cutoff. */
  published(retiredAfter: Date): Promise<SigningKeyRow[]>;
  /** Adds a key and retires every older one, atomically. */
  rotate(row: Omit<SigningKeyRow, 'createdAt' | 'retiredAt'>): Promise<void>;
}
