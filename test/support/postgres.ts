import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { openDb } from '../../src/storage/open.ts';

/**
 * PostgreSQL for the suites that run on both drivers. TEST_DATABASE_URL (set by .ci/run or by the
 * global setup when the server binaries are present) names a server; each caller gets its own
 * fresh database on it. Without one, the suite skips and says why, unless CI demands it.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL;
export const mustRunEverything = process.env.CI === 'true' || process.env.EDUSSO_TEST_STRICT === '1';

export function pgSkipReason(): string | false {
  if (postgresUrl) return false;
  if (mustRunEverything) throw new Error('TEST_DATABASE_URL is not set but CI requires the PostgreSQL suites');
  return 'PostgreSQL not available (no TEST_DATABASE_URL and no /usr/lib/postgresql/15/bin): skipped';
}

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `edusso_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated, empty database on either driver (a fresh PostgreSQL database, or PGlite in memory). */
export async function openTestDb(driver: 'pglite' | 'pg'): Promise<{ db: Db; close(): Promise<void> }> {
  const fresh = driver === 'pg' ? await freshDatabase() : undefined;
  const db = await openDb({ databaseUrl: fresh?.url, dataDir: null });
  await migrate(db);
  return {
    db,
    async close() {
      await db.close();
      await fresh?.drop();
    },
  };
}
