import { join } from 'node:path';
import type { Db } from './db.ts';
import { openPglite } from './drivers/pglite.ts';
import { openPg } from './drivers/pg.ts';

/** DATABASE_URL picks PostgreSQL; otherwise the embedded store in DATA_DIR/db (or memory when dataDir is null). */
export async function openDb(opts: { databaseUrl?: string; dataDir: string | null; poolMax?: number }): Promise<Db> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl, opts.poolMax);
  return openPglite(opts.dataDir ? join(opts.dataDir, 'db') : null);
}
