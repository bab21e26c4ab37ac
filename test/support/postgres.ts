import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedDirectory } from '../../src/directory/seed.ts';
import { sqlStore } from '../../src/storage/repos.ts';
import type { Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { openDb } from '../../src/storage/open.ts';
import { openEmbeddedServer, stopEmbeddedServerSync } from '../../src/storage/embedded/postgres-server.ts';

/**
 * Databases for the suites. One embedded PostgreSQL serves the whole test run (started by the
 * global setup, or by the first test process that needs one when a file runs on its own), and an
 * external PostgreSQL 15 runs the same suites when TEST_DATABASE_URL names one (set by .ci/run or by
 * the global setup when /usr/lib/postgresql/15/bin is present). Each test gets its own database,
 * cloned in milliseconds from a migrated template (`CREATE DATABASE … TEMPLATE …`).
 */
export const mustRunEverything = process.env.CI === 'true' || process.env.EDUSSO_TEST_STRICT === '1';
export type TestDriver = 'embedded' | 'external';
/** Every server kind the project supports; the contract suites run on each. */
export const testDrivers: readonly TestDriver[] = ['embedded', 'external'];

export function skipReason(driver: TestDriver): string | false {
  if (driver === 'embedded' || process.env.TEST_DATABASE_URL) return false;
  if (mustRunEverything) throw new Error('TEST_DATABASE_URL is not set but CI requires the external PostgreSQL suites');
  return 'external PostgreSQL not available (no TEST_DATABASE_URL and no /usr/lib/postgresql/15/bin): skipped';
}

/** Templates: `empty` is migrated; `seeded` also holds the shipped school directory (what a service starts with). */
export type Template = 'empty' | 'seeded';
const templateName = (t: Template) => `edusso_tpl_${t}`;

export async function prepareTemplates(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const t of ['empty', 'seeded'] as const) {
      await admin.query(`DROP DATABASE IF EXISTS ${templateName(t)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${templateName(t)}`);
      const db = await openDb({ databaseUrl: withDatabase(adminUrl, templateName(t)), dataDir: '' });
      await migrate(db);
      if (t === 'seeded') await seedDirectory(sqlStore(db));
      await db.close();
    }
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

/** A socket connection as a URL `pg` understands: the socket folder goes in ?host=. */
export function socketUrl(c: { host?: string; port?: number; user?: string; password?: string }, database = 'postgres'): string {
  return `postgres://${c.user}:${encodeURIComponent(c.password ?? '')}@localhost:${c.port}/${database}?host=${encodeURIComponent(c.host!)}`;
}

let ownEmbedded: Promise<string> | undefined;
/** The admin URL of the embedded test server (the global setup's, or one for this process). */
async function embeddedAdminUrl(): Promise<string> {
  if (process.env.EDUSSO_TEST_EMBEDDED_URL) return process.env.EDUSSO_TEST_EMBEDDED_URL;
  ownEmbedded ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edusso-test-pg-'));
    const server = await openEmbeddedServer(dir, { disposable: true });
    const url = socketUrl(server.connection);
    await prepareTemplates(url);
    process.once('exit', () => {
      stopEmbeddedServerSync(dir);
      rmSync(dir, { recursive: true, force: true });
    });
    return url;
  })();
  return ownEmbedded;
}

async function adminUrl(driver: TestDriver): Promise<string> {
  if (driver === 'embedded') return embeddedAdminUrl();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error(String(skipReason('external')));
  if (!process.env.EDUSSO_TEST_TEMPLATES_EXTERNAL) {
    await prepareTemplates(url);
    process.env.EDUSSO_TEST_TEMPLATES_EXTERNAL = '1';
  }
  return url;
}

/** A new database cloned from a template; drop() removes it. */
export async function freshDatabase(driver: TestDriver = 'embedded', template: Template = 'seeded'): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = await adminUrl(driver);
  const name = `edusso_t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName(template)}`);
  await c.end();
  return {
    url: withDatabase(admin, name),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated, empty database on the given server kind. */
export async function openTestDb(driver: TestDriver = 'embedded', template: Template = 'empty'): Promise<{ db: Db; url: string; close(): Promise<void> }> {
  const fresh = await freshDatabase(driver, template);
  const db = await openDb({ databaseUrl: fresh.url, dataDir: '' });
  return {
    db,
    url: fresh.url,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}
