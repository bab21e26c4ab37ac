import type { AccountRepo, AuditRepo, CaptchaRepo, ClientRepo, SigningKeyRepo, SignInRecordRepo, WebSessionRepo } from './ports/accounts.ts';
import type { CountyIdentityRepo, CountyProviderRepo } from './ports/county.ts';
import type { DirectoryRepo, SourcePeopleRepo } from './ports/directory.ts';
import type { FlowRepo, VerificationCodeRepo } from './ports/flows.ts';
import type { OutboxRepo, TicketRepo } from './ports/notify.ts';
import type { HealthRepo, OidcPayloadRepo } from './ports/oidc.ts';
import type { TwoFactorRepo } from './ports/two-factor.ts';
import type { PasskeyRepo } from './ports/passkeys.ts';
import type { RoleRepo } from './ports/roles.ts';
import type { OverviewRepo } from './ports/overview.ts';
import type { AuditLogRepo } from './ports/audit-log.ts';
import type { UploadRepo } from './ports/uploads.ts';
import type { StudentRepo } from './ports/students.ts';

/** The repository interfaces the rest of the service depends on; sql/ implements every one. */
export type * from './ports/accounts.ts';
export type * from './ports/county.ts';
export type * from './ports/directory.ts';
export type * from './ports/flows.ts';
export type * from './ports/notify.ts';
export type * from './ports/oidc.ts';
export type * from './ports/two-factor.ts';
export type * from './ports/passkeys.ts';
export type * from './ports/roles.ts';
export type * from './ports/overview.ts';
export type * from './ports/audit-log.ts';
export type * from './ports/uploads.ts';
export type * from './ports/students.ts';

/** Every repository, on one connection or inside one transaction. */
export interface Repos {
  accounts: AccountRepo;
  clients: ClientRepo;
  audit: AuditRepo;
  captchas: CaptchaRepo;
  webSessions: WebSessionRepo;
  signIns: SignInRecordRepo;
  signingKeys: SigningKeyRepo;
  oidcPayloads: OidcPayloadRepo;
  flows: FlowRepo;
  codes: VerificationCodeRepo;
  outbox: OutboxRepo;
  tickets: TicketRepo;
  countyProviders: CountyProviderRepo;
  countyIdentities: CountyIdentityRepo;
  directory: DirectoryRepo;
  sourcePeople: SourcePeopleRepo;
  health: HealthRepo;
  twoFactor: TwoFactorRepo;
  passkeys: PasskeyRepo;
  roles: RoleRepo;
  overview: OverviewRepo;
  auditLog: AuditLogRepo;
  uploads: UploadRepo;
  students: StudentRepo;
}

/** The repositories, and a way to run several changes as one: `store.transaction(repos => …)`. */
export interface Store extends Repos {
  /** Runs fn with repositories bound to one transaction; everything it writes commits or nothing does. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
}
