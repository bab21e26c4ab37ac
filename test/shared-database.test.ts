import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { demoSourcePeople } from '../src/seed/demo.ts';
import { openDb } from '../src/storage/open.ts';
import { stopEmbeddedServer } from '../src/storage/embedded/postgres-server.ts';
import { Agent } from './support/agent.ts';
import { throughVerification } from './support/registration.ts';
import { freePort, TEST_CAPTCHA } from './support/server.ts';
import { authorize, discover, signIn } from './support/sign-in.ts';
import { waitFor } from './support/wait.ts';

// What a new user does: `npm start` in one terminal, `npx edusso …` in another, on the same DATA_DIR
// and its embedded PostgreSQL. Every command must take effect in the running service at once, and
// survive a restart.
const dataDir = mkdtempSync(join(tmpdir(), 'edusso-shared-'));
const port = await freePort();
const issuer = `http://localhost:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  ISSUER: issuer,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  CAPTCHA_TEST_ANSWER: TEST_CAPTCHA,
};
delete env.DATABASE_URL;

function edusso(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['src/main.ts', ...args], { env, maxBuffer: 16 << 20 }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    ),
  );
}

interface Service {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startService(workers: number): Service {
  const child = spawn(process.execPath, ['src/main.ts', 'serve', '--workers', String(workers)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(s: Service) {
  await waitFor(
    `the service to be ready (output so far: ${s.output()})`,
    async () => s.output().includes('edusso is running') && (await fetch(`${issuer}/readyz`).then((r) => r.ok, () => false)),
    60_000,
  );
}

async function stop(s: Service) {
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0, s.output());
}

const teacher = (n: number) => ({ username: `shared${n}`, password: `Kq7#mPz!${n}vR2x` });
const createAccount = (n: number) =>
  edusso('account', 'create', '--account', teacher(n).username, '--password', teacher(n).password, '--name', `共用測試${n}`, '--json');

describe('commands share the running service’s embedded database', () => {
  let service: Service;
  let client: { client_id: string; client_secret: string };
  const redirectUri = 'http://school-app.localhost:8123/callback';

  before(async () => {
    service = startService(2);
    await ready(service);
  });
  after(async () => {
    if (service.child.exitCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    await stopEmbeddedServer(dataDir, 'immediate').catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a second serve on the same folder is refused with a clear message', async () => {
    const second = await edusso('serve', '--workers', '1');
    assert.notEqual(second.code, 0);
    assert.match(second.err, /already running on .*edusso-shared-/);
    assert.match(second.err, /pid \d+/);
    assert.equal((await fetch(`${issuer}/readyz`)).status, 200, 'the first service keeps running');
  });

  test('client add and account create take effect on the next request', async () => {
    const added = await edusso('client', 'add', '--name', '校務系統', '--redirect-uri', redirectUri, '--first-party', '--json');
    assert.equal(added.code, 0, added.err);
    client = JSON.parse(added.out);
    assert.equal((await createAccount(0)).code, 0);
    const config = await discover(issuer, client.client_id, client.client_secret);
    const { tokens } = await signIn(new Agent(issuer), config, { redirectUri, ...teacher(0) });
    assert.equal(tokens.claims()!.preferred_username ?? teacher(0).username, teacher(0).username);
  });

  test('county add: the county is offered at once', async () => {
    const added = await edusso('county', 'add', '--county', '雲林縣', '--id', 'yunlin', '--issuer', 'http://127.0.0.1:9/yunlin', '--client-id', 'edusso', '--client-secret', 'county-secret', '--json');
    assert.equal(added.code, 0, added.err);
    const page = await fetch(`${issuer}/county/yunlin?purpose=login`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /雲林縣/);
  });

  test('keys rotate: the new key is published and used without waiting for a poll', async () => {
    const before = (await (await fetch(`${issuer}/oidc/v1/jwksets`)).json()) as { keys: { kid: string }[] };
    const rotated = await edusso('keys', 'rotate', '--json');
    assert.equal(rotated.code, 0, rotated.err);
    const kid = JSON.parse(rotated.out).kid as string;
    assert.ok(!before.keys.some((k) => k.kid === kid));
    // Both workers rebuild on the notification; a poll would take a minute.
    for (let i = 0; i < 4; i++) {
      await waitFor('the new key on every worker', async () => {
        const jwks = (await (await fetch(`${issuer}/oidc/v1/jwksets`)).json()) as { keys: { kid: string }[] };
        return jwks.keys.some((k) => k.kid === kid);
      }, 10_000);
    }
  });

  test('import people: a teacher in the new source data is found by the registration check', async () => {
    const school = demoSourcePeople[0]!.schoolCode;
    const person = { schoolCode: school, idNumber: randomIdNumber(), name: '林共用', birthday: '1980/4/5' };
    const file = join(dataDir, 'people.csv');
    writeFileSync(file, `school_code,id_number,name,birthday,identity,titles\n${school},${person.idNumber},${person.name},1980-04-05,教師,教師\n`);
    const imported = await edusso('import', 'people', file, '--json');
    assert.equal(imported.code, 0, imported.err);
    const db = await openDb({ dataDir });
    try {
      const verified = await throughVerification(new Agent(issuer), db, person);
      assert.ok(verified.url.endsWith('/confirm'), verified.html.slice(0, 2000));
    } finally {
      await db.close();
    }
  });

  test('20 commands in a row while sign-ins run lose nothing', async () => {
    const config = await discover(issuer, client.client_id, client.client_secret);
    let signIns = 0;
    let running = true;
    const load = (async () => {
      while (running) {
        await signIn(new Agent(issuer), config, { redirectUri, ...teacher(0) });
        signIns++;
      }
    })();
    for (let n = 1; n <= 20; n++) {
      const r = await createAccount(n);
      assert.equal(r.code, 0, r.err);
    }
    running = false;
    await load;
    assert.ok(signIns > 0);
    for (const n of [1, 10, 20]) {
      const a = await authorize(new Agent(issuer), config, { redirectUri, ...teacher(n) });
      assert.ok(a.landed, `account ${n} signs in at once`);
    }
  });

  test('after a restart everything the commands wrote is still there', async () => {
    await stop(service);
    service = startService(1);
    await ready(service);
    const config = await discover(issuer, client.client_id, client.client_secret);
    for (const n of [0, 5, 20]) assert.ok((await authorize(new Agent(issuer), config, { redirectUri, ...teacher(n) })).landed, `account ${n}`);
    assert.equal((await fetch(`${issuer}/county/yunlin?purpose=login`)).status, 200);
    const listed = JSON.parse((await edusso('client', 'list', '--json')).out) as { client_id: string }[];
    assert.ok(listed.some((c) => c.client_id === client.client_id));
  });

  test('kill -9 of the service: the next start recovers the embedded server', async () => {
    service.child.kill('SIGKILL');
    await service.exited;
    service = startService(2);
    await ready(service);
    const config = await discover(issuer, client.client_id, client.client_secret);
    assert.ok((await authorize(new Agent(issuer), config, { redirectUri, ...teacher(3) })).landed);
    await stop(service);
    // Stopped cleanly, the service stops the server it adopted: a command afterwards starts its own.
    const listed = await edusso('client', 'list', '--json');
    assert.equal(listed.code, 0, listed.err);
  });

  test('with no service running, a command starts the server for itself and stops it after', async () => {
    const r = await createAccount(99);
    assert.equal(r.code, 0, r.err);
    assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false, 'the command stopped the server it started');
    const db = await openDb({ dataDir });
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE username = 'shared99'`);
    assert.equal(n, 1);
    await db.close();
  });
});
