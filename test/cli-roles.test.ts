import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../src/storage/db.ts';
import type { Store } from '../src/storage/ports.ts';
import { sqlStore } from '../src/storage/repos.ts';
import { openTestDb } from './support/postgres.ts';
import { startServer } from './support/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'edusso-cli-roles-'));
let env: Record<string, string> = {};
const edusso = (...args: string[]) => run(env, ...args);
function run(extra: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(process.execPath, ['bin/edusso.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development', ...extra } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

describe('edusso role grant | revoke | list', () => {
  let db: Db;
  let store: Store;
  let close: () => Promise<void>;
  let teacher: string;
  before(async () => {
    // A database with the school directory (雲林縣, 094601 縣立鎮西國小 …), shared by the commands.
    const opened = await openTestDb('embedded', 'seeded');
    db = opened.db;
    close = opened.close;
    store = sqlStore(db);
    env = { DATABASE_URL: opened.url };
    teacher = (await store.accounts.create({ username: 'role.teacher', passwordHash: 'x', displayName: '林老師' })).id;
    await store.accounts.create({ username: 'role.helper', passwordHash: 'x', displayName: '王專員' });
  });
  after(async () => {
    await close?.();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const events = async (type: string) =>
    db.query<{ account_id: string; detail: Record<string, unknown> }>(`SELECT account_id, detail FROM audit_events WHERE type = $1 ORDER BY id`, [type]);

  test('--help lists the role commands', async () => {
    const r = await edusso('--help');
    for (const c of ['role grant', 'role revoke', 'role list']) assert.ok(r.out.includes(c), c);
  });

  test('each role is granted with the scope it needs, once, and audited', async () => {
    const system = await edusso('role', 'grant', '--account', 'role.teacher', '--role', 'system-admin', '--json');
    assert.equal(system.code, 0, system.err);
    assert.deepEqual(JSON.parse(system.out), { account: 'role.teacher', role: 'system-admin', county: null, school: null, granted: true });
    const county = await edusso('role', 'grant', '--account', 'role.teacher', '--role', 'county-admin', '--county', '雲林縣');
    assert.equal(county.code, 0, county.err);
    assert.match(county.out, /granted county-admin of 雲林縣 to role\.teacher/);
    const byCode = await edusso('role', 'grant', '--account', 'role.teacher', '--role', 'county-admin', '--county', '63000000', '--json');
    assert.equal(byCode.code, 0, byCode.err);
    assert.equal(JSON.parse(byCode.out).county, '63000000', 'a county by its code (臺北市)');
    const school = await edusso('role', 'grant', '--account', 'role.teacher', '--role', 'school-admin', '--school', '094601');
    assert.equal(school.code, 0, school.err);
    assert.match(school.out, /granted school-admin of 094601 .+ to role\.teacher/);
    const helpdesk = await edusso('role', 'grant', '--account', 'role.helper', '--role', 'helpdesk', '--json');
    assert.equal(JSON.parse(helpdesk.out).granted, true);

    const again = await edusso('role', 'grant', '--account', 'role.teacher', '--role', 'county-admin', '--county', '雲林縣', '--json');
    assert.equal(again.code, 0, 'granting again is not an error');
    assert.equal(JSON.parse(again.out).granted, false);
    assert.match((await edusso('role', 'grant', '--account', 'role.teacher', '--role', 'county-admin', '--county', '雲林縣')).out, /already holds county-admin of 雲林縣; nothing changed/);

    const granted = await events('role.granted');
    assert.equal(granted.length, 5, 'one event per grant; a repeated grant writes none');
    assert.deepEqual(granted[1], { account_id: teacher, detail: { role: 'county-admin', county: '10009000', by: 'cli' } });
    assert.deepEqual(granted[3]?.detail, { role: 'school-admin', school: '094601', by: 'cli' });
  });

  test('list, all or one account, with --json', async () => {
    const all = JSON.parse((await edusso('role', 'list', '--json')).out);
    assert.deepEqual(
      all.map((r: any) => [r.account, r.role, r.county, r.school]),
      [
        ['role.helper', 'helpdesk', null, null],
        ['role.teacher', 'county-admin', '10009000', null],
        ['role.teacher', 'county-admin', '63000000', null],
        ['role.teacher', 'school-admin', null, '094601'],
        ['role.teacher', 'system-admin', null, null],
      ],
    );
    assert.equal(all[1].county_name, '雲林縣');
    assert.equal(all[0].granted_by, null, 'granted on the command line');
    assert.ok(!Number.isNaN(Date.parse(all[0].granted_at)));
    const one = JSON.parse((await edusso('role', 'list', '--account', 'role.helper', '--json')).out);
    assert.deepEqual(one.map((r: any) => r.role), ['helpdesk']);
    const human = await edusso('role', 'list', '--account', 'role.teacher');
    assert.match(human.out, /role\.teacher\tcounty-admin\t雲林縣 \(10009000\)/);
    const nobody = await edusso('role', 'list', '--account', 'no.such.person');
    assert.equal(nobody.code, 2);
    assert.match(nobody.err, /no account no\.such\.person/);
  });

  test('bad input exits non-zero with a message and grants nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--account', 'role.helper', '--role', 'county-admin'], /--county is required for county-admin/],
      [['--account', 'role.helper', '--role', 'school-admin'], /--school is required for school-admin/],
      [['--account', 'role.helper', '--role', 'system-admin', '--county', '雲林縣'], /--county applies only to county-admin, not system-admin/],
      [['--account', 'role.helper', '--role', 'helpdesk', '--school', '094601'], /--school applies only to school-admin, not helpdesk/],
      [['--account', 'role.helper', '--role', 'county-admin', '--county', '雲林縣', '--school', '094601'], /--school applies only to school-admin, not county-admin/],
      [['--account', 'role.helper', '--role', 'school-admin', '--school', '094601', '--county', '雲林縣'], /--county applies only to county-admin, not school-admin/],
      [['--account', 'role.helper', '--role', 'root'], /unknown role "root"; one of system-admin, county-admin, school-admin, helpdesk/],
      [['--account', 'role.helper'], /--role is required/],
      [['--role', 'helpdesk'], /--account is required/],
      [['--account', 'no.such.person', '--role', 'helpdesk'], /--account: no account no\.such\.person/],
      [['--account', 'role.helper', '--role', 'county-admin', '--county', '火星縣'], /--county: no county 火星縣/],
      [['--account', 'role.helper', '--role', 'school-admin', '--school', '999999'], /--school: no school with code 999999/],
    ];
    for (const [args, message] of cases) {
      const r = await edusso('role', 'grant', ...args, '--json');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
      assert.match(JSON.parse(r.out).error, message);
    }
    assert.deepEqual((await store.roles.list({ accountId: (await store.accounts.findByUsername('role.helper'))!.id })).map((g) => g.role), ['helpdesk']);
    assert.equal((await events('role.granted')).length, 5);
    assert.match((await edusso('role', 'frobnicate')).err, /unknown command "role frobnicate"/);
  });

  test('revoke takes back exactly the grant named, audited; a grant not held is refused', async () => {
    const r = await edusso('role', 'revoke', '--account', 'role.teacher', '--role', 'county-admin', '--county', '臺北市', '--json');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { account: 'role.teacher', role: 'county-admin', county: '63000000', school: null, revoked: true });
    const human = await edusso('role', 'revoke', '--account', 'role.teacher', '--role', 'system-admin');
    assert.match(human.out, /revoked system-admin from role\.teacher/);
    const notHeld = await edusso('role', 'revoke', '--account', 'role.teacher', '--role', 'county-admin', '--county', '台北市');
    assert.equal(notHeld.code, 1);
    assert.match(notHeld.err, /role\.teacher does not hold county-admin of 臺北市/);
    assert.equal((await edusso('role', 'revoke', '--account', 'role.teacher', '--role', 'school-admin')).code, 2, 'the same checks as a grant');
    assert.deepEqual((await store.roles.forAccount(teacher)).map((g) => [g.role, g.countyCode, g.schoolCode]), [
      ['county-admin', '10009000', null],
      ['school-admin', null, '094601'],
    ]);
    const revoked = await events('role.revoked');
    assert.deepEqual(revoked.map((e) => e.detail), [
      { role: 'county-admin', county: '63000000', by: 'cli' },
      { role: 'system-admin', by: 'cli' },
    ]);
  });

  test('a grant made while the service runs is what the service reads', async () => {
    const server = await startServer();
    try {
      const { accounts } = server.services.store;
      await accounts.create({ username: 'role.live', passwordHash: 'x', displayName: '陳組長' });
      const r = await run({ DATABASE_URL: server.env.DATABASE_URL!, DATA_DIR: server.dataDir }, 'role', 'grant', '--account', 'role.live', '--role', 'school-admin', '--school', '094601', '--json');
      assert.equal(r.code, 0, r.err);
      assert.deepEqual((await server.services.roleAdmin.list({ account: 'role.live' })).map((g) => [g.role, g.schoolCode]), [['school-admin', '094601']]);
    } finally {
      await server.cleanup();
    }
  });
});
