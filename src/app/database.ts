import type { Logger } from 'pino';
import type { Settings } from '../config/settings.ts';
import { seedDirectory } from '../directory/seed.ts';
import type { Db } from '../storage/db.ts';
import { migrate } from '../storage/migrate.ts';
import { openDb } from '../storage/open.ts';
import type { Store } from '../storage/ports.ts';
import { sqlStore } from '../storage/repos.ts';

export interface DatabaseOptions {
  /** Reports slow first-start steps to the person waiting. */
  say?: (line: string) => void;
  /** The service owns the embedded server: it stops it on close even if it found it running. */
  ownsServer?: boolean;
}

/** The database, migrated, with the shipped school directory loaded: what every process starts from. */
export async function openDatabase(settings: Settings, log: Logger, opts: DatabaseOptions = {}): Promise<{ db: Db; store: Store }> {
  const say = opts.say ?? (() => undefined);
  const db = await openDb({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolMax: settings.databasePoolMax, say, ownsServer: opts.ownsServer });
  const applied = await migrate(db);
  if (applied.length) {
    log.info({ applied }, 'migrations applied');
    say(`database prepared (${applied.length} migration${applied.length === 1 ? '' : 's'} applied)`);
  }
  const store = sqlStore(db);
  // The shipped counties, districts and school lists: loaded once, skipped by checksum afterwards.
  const directory = await seedDirectory(store);
  if (directory.loaded) {
    log.info({ schools: directory.schools }, 'school directory loaded');
    say(`school directory loaded (${directory.schools} schools)`);
  }
  return { db, store };
}
