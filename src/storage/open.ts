import type { Db } from './db.ts';
import { openPg } from './drivers/pg.ts';
import { openEmbeddedServer } from './embedded/postgres-server.ts';

export interface OpenOptions {
  /** An external PostgreSQL server; without it, the embedded server for dataDir. */
  databaseUrl?: string;
  dataDir: string;
  poolMax?: number;
  /** Reports slow first-start steps (creating the embedded cluster). */
  say?: (line: string) => void;
}

/** DATABASE_URL picks an external PostgreSQL; otherwise the embedded server for DATA_DIR, started if needed. */
export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl, { driver: 'external', poolMax: opts.poolMax });
  const server = await openEmbeddedServer(opts.dataDir, { say: opts.say });
  try {
    return await openPg(server.connection, { driver: 'embedded', poolMax: opts.poolMax, afterClose: () => server.release() });
  } catch (err) {
    await server.release();
    throw err;
  }
}
