import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const dataDir = mkdtempSync(join(tmpdir(), 'edusso-cli-'));
function edusso(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/edusso.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the edusso command line', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('--help lists every command', () => {
    const r = edusso('--help');
    assert.equal(r.code, 0);
    for (const c of ['serve', 'migrate', 'account create', 'client add', 'client list', 'client remove', 'keys rotate']) assert.ok(r.out.includes(c), c);
  });

  test('migrate, then client add / list / remove with --json', () => {
    assert.equal(edusso('migrate', '--json').code, 0);
    const added = edusso('client', 'add', '--name', '校務系統', '--redirect-uri', 'https://school.example.edu.tw/cb', '--first-party', '--json');
    assert.equal(added.code, 0, added.err);
    const client = JSON.parse(added.out);
    assert.match(client.client_id, /^[0-9a-f-]{36}$/);
    assert.ok(client.client_secret.length >= 40, 'the secret is printed once');
    const listed = JSON.parse(edusso('client', 'list', '--json').out);
    const row = listed.find((c: any) => c.client_id === client.client_id);
    assert.equal(row.first_party, true);
    assert.equal(row.client_secret, undefined, 'list never shows secrets');
    assert.equal(edusso('client', 'remove', client.client_id, '--json').code, 0);
    const missing = edusso('client', 'remove', client.client_id);
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /no client/);
  });

  test('bad input exits non-zero with a clear message', () => {
    const noUri = edusso('client', 'add', '--name', 'x', '--json');
    assert.notEqual(noUri.code, 0);
    assert.match(noUri.err, /redirect-uri is required/);
    assert.equal(JSON.parse(noUri.out).error.includes('redirect-uri'), true);
    const badScope = edusso('client', 'add', '--name', 'x', '--redirect-uri', 'https://a.example/cb', '--scopes', 'openid admin');
    assert.match(badScope.err, /scopes must be among/);
    const weak = edusso('account', 'create', '--account', 'new.teacher', '--password', 'password', '--name', '陳老師');
    assert.notEqual(weak.code, 0);
    assert.match(weak.err, /at least three of/);
    const badName = edusso('account', 'create', '--account', 'Teacher01', '--password', 'Good#Pass2026', '--name', '陳老師');
    assert.match(badName.err, /lowercase letter/);
    const noSchool = edusso('account', 'create', '--account', 'new.teacher', '--password', 'Good#Pass2026', '--name', '陳老師', '--school', '999999');
    assert.match(noSchool.err, /no school with code 999999/);
    const unknown = edusso('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command/);
  });

  test('client add refuses names with control or bidi-override characters and links that are not http(s)', () => {
    // A name with U+202E renders reversed on the consent page; a javascript: home URL would run on the apps page.
    for (const name of ['Good\u202Eevil', 'a\u2066b', 'tab\there', 'mark\u200Fx']) {
      const r = edusso('client', 'add', '--name', name, '--redirect-uri', 'https://a.example/cb');
      assert.notEqual(r.code, 0, JSON.stringify(name));
      assert.match(r.err, /name must not contain control or bidirectional-override characters/);
    }
    const home = edusso('client', 'add', '--name', 'x', '--redirect-uri', 'https://a.example/cb', '--home-url', 'javascript:alert(1)');
    assert.notEqual(home.code, 0);
    assert.match(home.err, /--home-url must be an absolute http\(s\) URL/);
    const redirect = edusso('client', 'add', '--name', 'x', '--redirect-uri', 'javascript:alert(document.cookie)');
    assert.match(redirect.err, /each --redirect-uri must be an absolute http\(s\) URL/);
    assert.ok(!edusso('client', 'list').out.includes('evil'), 'nothing added');
  });

  test('import people and schools: bad rows reported with nothing imported, good files counted', () => {
    const file = join(dataDir, 'people.csv');
    writeFileSync(file, 'school_code,id_number,name,birthday,identity,titles\n094601,A123456789,王大明,1980-01-02,教師,教師\n094601,A123456788,李四,1980-01-02,教師,\n');
    const bad = edusso('import', 'people', file);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /1 invalid row\(s\); nothing was imported/);
    assert.match(bad.err, /line 3, id_number: This ID number is not valid/);
    const partial = JSON.parse(edusso('import', 'people', file, '--skip-invalid', '--json').out);
    assert.deepEqual([partial.inserted, partial.errors.length, partial.applied], [1, 1, true]);
    const generated = join(dataDir, 'generated.csv');
    const wrote = edusso('demo', 'people', '--out', generated, '--json');
    assert.ok(JSON.parse(wrote.out).rows > 100_000, 'teachers and staff of every shipped school');
    const schools = join(dataDir, 'jh.csv');
    writeFileSync(schools, '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址\n114,094501,縣立斗六國中,公立,[09]雲林縣,[640]雲林縣斗六市,(05)1,\n');
    assert.deepEqual(JSON.parse(edusso('import', 'schools', schools, '--level', '國中', '--json').out), { inserted: 1, updated: 0, errors: [], applied: true });
    assert.match(edusso('import', 'schools', schools, '--level', '研究所').err, /unknown level/);
  });

  test('account create and keys rotate', () => {
    const created = edusso('account', 'create', '--account', 'cli.teacher', '--password', 'Good#Pass2026', '--name', '陳老師', '--json');
    assert.equal(created.code, 0, created.err);
    assert.equal(JSON.parse(created.out).account, 'cli.teacher');
    const again = edusso('account', 'create', '--account', 'cli.teacher', '--password', 'Good#Pass2026', '--name', '陳老師');
    assert.match(again.err, /already taken/);
    const first = JSON.parse(edusso('keys', 'rotate', '--json').out).kid;
    const second = JSON.parse(edusso('keys', 'rotate', '--json').out).kid;
    assert.ok(first && second && first !== second);
  });
});
