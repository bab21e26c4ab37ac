import type { Logger } from 'pino';
import { createLogger } from './logger.ts';
export { createLogger };
import { openDatabase, type DatabaseOptions } from './database.ts';
import { accountAdmin, type AccountAdmin } from '../admin/accounts.ts';
import { clientAdmin, type ClientAdmin } from '../admin/clients.ts';
import { countyAdmin, type CountyAdmin } from '../admin/county-admin.ts';
import { importer, type Importer } from '../admin/imports.ts';
import { roleAdmin, type RoleAdmin } from '../admin/roles.ts';
import { adminAccess, type AdminAccess } from '../admin/access.ts';
import { schoolDirectory, type SchoolDirectory } from '../admin/schools.ts';
import { sourceRecords, type SourceRecords } from '../admin/source-records.ts';
import { uploadService, type UploadService } from '../admin/uploads.ts';
import { studentAdmin, type StudentAdmin } from '../admin/students.ts';
import type { Settings } from '../config/settings.ts';
import { countyProviders, type CountyProviders } from '../methods/county-providers.ts';
import { rotateSigningKey } from '../oidc/keys.ts';
import { createProvider } from '../oidc/provider.ts';
import { captchaService, type CaptchaService } from '../security/captcha/challenge.ts';
import { piiVault, type PiiVault } from '../security/pii.ts';
import { sealedBox, type SealedBox } from '../security/sealed-box.ts';
import type { Db } from '../storage/db.ts';
import type { Repos, Store } from '../storage/ports.ts';
import type { RateLimits } from '../security/rate-limit.ts';
import { sqlRateLimits } from '../storage/sql/rate-limits.ts';
import { signInRecordsService, type SignInRecordsService } from '../flows/sign-in-records/service.ts';
import { accountSupport, type AccountSupport } from '../admin/account-support.ts';
import { helpdeskService, type HelpdeskService } from '../admin/helpdesk.ts';

/** Everything the web, the command line and (later) the administration API share, built once from the settings. */
export interface Services extends Pick<Repos, 'accounts' | 'clients' | 'audit' | 'captchas' | 'webSessions' | 'signingKeys'> {
  settings: Settings;
  log: Logger;
  db: Db;
  /** Every repository, and `store.transaction(repos => …)` for a change that spans several. */
  store: Store;
  keyBox: SealedBox;
  pii: PiiVault;
  captcha: CaptchaService;
  countyProviders: CountyProviders;
  accountAdmin: AccountAdmin;
  clientAdmin: ClientAdmin;
  countyAdmin: CountyAdmin;
  importer: Importer;
  /** Administrative roles (issue 10): `edusso role …` now, the console and its API later. */
  roleAdmin: RoleAdmin;
  /** Who may do what where in the console and the admin API (roles, admin scopes); refusals audited. */
  access: AdminAccess;
  /** Student accounts provisioned from source records, with the printable password sheet (issue 10). */
  students: StudentAdmin;
  keys: { rotate(): Promise<string> };
  rateLimits: RateLimits;
  /** 應用服務登入紀錄 and ＩＰ登入紀錄: read by the console, purged by the daily job and `edusso records purge`. */
  signInRecords: SignInRecordsService;
  /** 帳號查詢: find an account, its state, and the helpdesk's repairs (console and API). */
  accountSupport: AccountSupport;
  /** The helpdesk queue, replies, statuses and resolution actions (console and API). */
  helpdesk: HelpdeskService;
  /** School lists and source data uploaded in the console or the API: preview, then one atomic commit. */
  uploads: UploadService;
  /** A school's staff and students in the source data, kept by its administrators. */
  sourceRecords: SourceRecords;
  /** The school directory within an administrator's reach. */
  schoolDirectory: SchoolDirectory;
}

export async function createServices(settings: Settings, log = createLogger(settings), opts: DatabaseOptions = {}): Promise<Services> {
  const { db, store } = await openDatabase(settings, log, opts);
  return composeServices(settings, log, db, store);
}

/** The services over an open, migrated store. */
export function composeServices(settings: Settings, log: Logger, db: Db, store: Store): Services {
  const keyBox = sealedBox(settings.secrets.KEY_ENCRYPTION_SECRET);
  const pii = piiVault(settings.secrets);
  const access = adminAccess(store);
  const support = accountSupport({ store, access, pii, issuer: settings.issuer, accountDomain: settings.accountDomain });
  const providers = countyProviders(store.countyProviders, store.directory, keyBox);
  const s: Services = {
    settings,
    log,
    db,
    store,
    keyBox,
    pii,
    accounts: store.accounts,
    clients: store.clients,
    audit: store.audit,
    captchas: store.captchas,
    webSessions: store.webSessions,
    signingKeys: store.signingKeys,
    captcha: captchaService(store.captchas, settings.production ? undefined : settings.captchaTestAnswer),
    countyProviders: providers,
    countyAdmin: countyAdmin(providers, store.audit),
    accountAdmin: accountAdmin(store),
    // The OpenID provider checks a new client's metadata; it is built only when a client is added.
    clientAdmin: clientAdmin(
      store.clients,
      async () => {
        const provider = await createProvider(s);
        return (m) => provider.Client.validate(m);
      },
      { audit: store.audit, payloads: store.oidcPayloads },
    ),
    importer: importer(store, pii),
    roleAdmin: roleAdmin(store),
    access,
    students: studentAdmin({ store, access, issuer: settings.issuer }),
    keys: { rotate: () => rotateSigningKey(store.signingKeys, keyBox) },
    rateLimits: sqlRateLimits(db),
    signInRecords: signInRecordsService({ store }),
    accountSupport: support,
    helpdesk: helpdeskService({ store, access, pii, accounts: support }),
    uploads: uploadService({ store, pii, access }),
    sourceRecords: sourceRecords({ store, pii, access }),
    schoolDirectory: schoolDirectory({ store, access }),
  };
  return s;
}
