import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedServer, stopEmbeddedServer } from '../../src/storage/embedded/postgres-server.ts';
import { prepareTemplates, socketUrl } from './postgres.ts';
import { freePort } from './server.ts';

// One embedded PostgreSQL for the whole run, with migrated templates every test clones. When the
// PostgreSQL 15 server binaries are on the machine and no server was given, a throwaway external one
// too, so the suites that run on every server kind run rather than skip.
const bin = '/usr/lib/postgresql/15/bin';
let embeddedDir: string | undefined;
let cluster: { dir: string; asPostgres: (args: string[]) => ReturnType<typeof spawnSync> } | undefined;

export async function globalSetup() {
  embeddedDir = mkdtempSync(join(tmpdir(), 'edusso-test-pg-'));
  const started = performance.now();
  const server = await openEmbeddedServer(embeddedDir, { disposable: true });
  process.env.EDUSSO_TEST_EMBEDDED_URL = socketUrl(server.connection);
  await prepareTemplates(process.env.EDUSSO_TEST_EMBEDDED_URL);
  process.stderr.write(`test setup: embedded PostgreSQL and templates ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  await startExternal();
  if (process.env.TEST_DATABASE_URL) {
    await prepareTemplates(process.env.TEST_DATABASE_URL);
    process.env.EDUSSO_TEST_TEMPLATES_EXTERNAL = '1';
  }
}

async function startExternal() {
  if (process.env.TEST_DATABASE_URL || !existsSync(`${bin}/initdb`)) return;
  const dir = mkdtempSync(join(tmpdir(), 'edusso-pg-'));
  chmodSync(dir, 0o777);
  const root = process.getuid?.() === 0;
  const asPostgres = (args: string[]) =>
    root ? spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' }) : spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
  const port = await freePort();
  const data = join(dir, 'data');
  const init = asPostgres([`${bin}/initdb`, '-D', data, '-U', 'edusso', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (init.status !== 0) {
    process.stderr.write(`could not start PostgreSQL 15 for the tests: ${init.stderr}\n`);
    return;
  }
  const start = asPostgres([`${bin}/pg_ctl`, '-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  if (start.status !== 0) {
    process.stderr.write(`could not start PostgreSQL 15 for the tests: ${start.stderr}\n`);
    return;
  }
  cluster = { dir, asPostgres };
  process.env.TEST_DATABASE_URL = `postgres://edusso@127.0.0.1:${port}/postgres`;
}

export async function globalTeardown() {
  if (embeddedDir) {
    await stopEmbeddedServer(embeddedDir, 'immediate');
    rmSync(embeddedDir, { recursive: true, force: true });
  }
  if (!cluster) return;
  cluster.asPostgres([`${bin}/pg_ctl`, '-D', join(cluster.dir, 'data'), '-m', 'immediate', 'stop']);
  rmSync(cluster.dir, { recursive: true, force: true });
}
