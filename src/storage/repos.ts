import type { Db, Queryable } from './db.ts';
import type { Repos, Store } from './ports.ts';
import { sqlAccounts } from './sql/accounts.ts';
import { sqlAudit } from './sql/audit.ts';
import { sqlClients } from './sql/clients.ts';
import { sqlCountyIdentities, sqlCountyProviders } from './sql/county.ts';
import { sqlDirectory, sqlSourcePeople } from './sql/directory.ts';
import { sqlCaptchas, sqlWebSessions } from './sql/ephemeral.ts';
import { sqlFlows, sqlVerificationCodes } from './sql/flows.ts';
import { sqlOutbox, sqlTickets } from './sql/notify.ts';
import { sqlHealth, sqlOidcPayloads } from './sql/oidc.ts';
import { sqlSigningKeys } from './sql/signing-keys.ts';
import { sqlSignIns } from './sql/sign-ins.ts';
import { sqlTwoFactor } from './sql/two-factor.ts';
import { sqlPasskeys } from './sql/passkeys.ts';
import { sqlRoles } from './sql/roles.ts';
import { sqlOverview } from './sql/overview.ts';
import { sqlAuditLog } from './sql/audit-log.ts';
import { sqlUploads } from './sql/uploads.ts';
import { sqlStudents } from './sql/students.ts';

/** Every repository on one connection (the pool, or a transaction). */
export function sqlRepos(q: Queryable): Repos {
  return {
    accounts: sqlAccounts(q),
    clients: sqlClients(q),
    audit: sqlAudit(q),
    captchas: sqlCaptchas(q),
    webSessions: sqlWebSessions(q),
    signIns: sqlSignIns(q),
    signingKeys: sqlSigningKeys(q),
    oidcPayloads: sqlOidcPayloads(q),
    flows: sqlFlows(q),
    codes: sqlVerificationCodes(q),
    outbox: sqlOutbox(q),
    tickets: sqlTickets(q),
    countyProviders: sqlCountyProviders(q),
    countyIdentities: sqlCountyIdentities(q),
    directory: sqlDirectory(q),
    sourcePeople: sqlSourcePeople(q),
    health: sqlHealth(q),
    twoFactor: sqlTwoFactor(q),
    passkeys: sqlPasskeys(q),
    roles: sqlRoles(q),
    overview: sqlOverview(q),
    auditLog: sqlAuditLog(q),
    uploads: sqlUploads(q),
    students: sqlStudents(q),
  };
}

/** The repositories on the pool, with `transaction(repos => …)` handing over the same set bound to one transaction. */
export function sqlStore(db: Db): Store {
  return { ...sqlRepos(db), transaction: (fn) => db.transaction((tx) => fn(sqlRepos(tx))) };
}
