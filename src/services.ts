import pino, { type Logger } from 'pino';
import type { Settings } from './config/settings.ts';
import { piiVault, type PiiVault } from './security/pii.ts';
import { sealedBox, type SealedBox } from './security/sealed-box.ts';
import type { Db } from './storage/db.ts';
import { seedDirectory } from './directory/seed.ts';
import { countyProviders, type CountyProviders } from './flows/federation/providers.ts';
import { migrate } from './storage/migrate.ts';
import { openDb } from './storage/open.ts';
import type { AccountRepo, AuditRepo, CaptchaRepo, ClientRepo, SigningKeyRepo, WebSessionRepo } from './storage/ports.ts';
import { sqlAccounts } from './storage/sql/accounts.ts';
import { sqlAudit } from './storage/sql/audit.ts';
import { sqlClients } from './storage/sql/clients.ts';
import { sqlCaptchas, sqlWebSessions } from './storage/sql/ephemeral.ts';
import { sqlSigningKeys } from './storage/sql/signing-keys.ts';

/** Everything a request handler or command needs, built once from the settings. */
export interface Services {
  settings: Settings;
  log: Logger;
  db: Db;
  keyBox: SealedBox;
  pii: PiiVault;
  accounts: AccountRepo;
  clients: ClientRepo;
  audit: AuditRepo;
  captchas: CaptchaRepo;
  webSessions: WebSessionRepo;
  signingKeys: SigningKeyRepo;
  countyProviders: CountyProviders;
}

// Never log these, wherever they appear in a logged object.
const redact = ['password', 'secret', 'client_secret', 'code', 'token', 'access_token', 'refresh_token', 'id_token', 'id_number', 'birthday', 'captcha', 'cookie', 'authorization']
  .flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(settings: Pick<Settings, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options = { level: settings.logLevel, redact: { paths: redact, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export async function createServices(
  settings: Settings,
  log = createLogger(settings),
  opts: { say?: (line: string) => void } = {},
): Promise<Services> {
  const say = opts.say ?? (() => undefined);
  const db = await openDb({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolMax: settings.databasePoolMax, say });
  const applied = await migrate(db);
  if (applied.length) {
    log.info({ applied }, 'migrations applied');
    say(`database prepared (${applied.length} migration${applied.length === 1 ? '' : 's'} applied)`);
  }
  // The shipped counties, districts and school lists: loaded once, skipped by checksum afterwards.
  const directory = await seedDirectory(db);
  if (directory.loaded) {
    log.info({ schools: directory.schools }, 'school directory loaded');
    say(`school directory loaded (${directory.schools} schools)`);
  }
  const keyBox = sealedBox(settings.secrets.KEY_ENCRYPTION_SECRET);
  return {
    settings,
    log,
    db,
    keyBox,
    pii: piiVault(settings.secrets),
    accounts: sqlAccounts(db),
    clients: sqlClients(db),
    audit: sqlAudit(db),
    captchas: sqlCaptchas(db),
    webSessions: sqlWebSessions(db),
    signingKeys: sqlSigningKeys(db),
    countyProviders: countyProviders(db, keyBox),
  };
}
