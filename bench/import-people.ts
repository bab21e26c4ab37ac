// Imports generated source data (teachers, staff and every pupil of the shipped elementary schools:
// about 1.2 million rows) and prints rows per second, on the embedded PostgreSQL and, when TEST_DATABASE_URL or
// BENCH_DATABASE_URL is set, on PostgreSQL. Run: node bench/import-people.ts [--rows N]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDirectory } from '../src/directory/seed.ts';
import { sqlStore } from '../src/storage/repos.ts';
import { piiVault } from '../src/security/pii.ts';
import { demoPeopleCsv } from '../src/source-data/demo-people.ts';
import { importPeople } from '../src/source-data/import.ts';
import { migrate } from '../src/storage/migrate.ts';
import { openDb } from '../src/storage/open.ts';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const limit = values.rows ? Number(values.rows) : Infinity;
const vault = piiVault({ PII_ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef', PII_HASH_KEY: 'bench-hash-key-0123456789abcdef0123' });

async function run(label: string, databaseUrl?: string) {
  const db = await openDb({ databaseUrl, dataDir: mkdtempSync(join(tmpdir(), 'edusso-bench-')) });
  await migrate(db);
  const store = sqlStore(db);
  await seedDirectory(store);
  if (databaseUrl) await db.query('TRUNCATE source_people');
  const schools = await store.directory.schoolCodes();
  const lines: string[] = [];
  for (const line of demoPeopleCsv({ students: true, schools })) {
    if (lines.length > limit) break;
    lines.push(line);
  }
  const text = lines.join('\n');
  const started = performance.now();
  const r = await importPeople(store, vault, text);
  const seconds = (performance.now() - started) / 1000;
  const again = performance.now();
  await importPeople(store, vault, text);
  const reSeconds = (performance.now() - again) / 1000;
  console.log(
    `${label}: ${r.rows} rows, ${r.errors.length} errors, first import ${seconds.toFixed(1)} s (${Math.round(r.rows / seconds)} rows/s), ` +
      `re-import ${reSeconds.toFixed(1)} s (${Math.round(r.rows / reSeconds)} rows/s)`,
  );
  await db.close();
}

await run('embedded');
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) await run('postgresql', pgUrl);
else console.log('postgresql: skipped (set BENCH_DATABASE_URL)');
