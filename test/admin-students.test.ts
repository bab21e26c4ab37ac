import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { accountNameFor } from '../src/admin/students.ts';
import { adminAgent, adminToken, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import { Agent, formOf } from './support/agent.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { pdfPagesText } from './support/pdf-text.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { authorize, discover } from './support/sign-in.ts';
import { csrfOf } from './support/two-factor.ts';

const SCHOOL = '094601';
const header = 'school_code,id_number,name,birthday,identity,titles,class_year,class_semester,class_grade,class_no,class_title';
let seq = 0;
const ids = new Set<string>();
function person(school: string, name: string, identity: string, cls?: [string, string, string]) {
  let id = randomIdNumber();
  while (ids.has(id)) id = randomIdNumber();
  ids.add(id);
  seq++;
  const birthday = identity === '學生' ? `2013-0${(seq % 9) + 1}-1${seq % 10}` : '1980-05-05';
  return `${school},${id},${name},${birthday},${identity},${identity === '學生' ? '' : '教師'},${cls ? `114,1,${cls[0]},${cls[1]},${cls[2]}` : ',,,,'}`;
}

/** The students' account names and passwords as the sheet prints them, read back with pdf.js. */
async function sheetOf(bytes: Uint8Array) {
  const text = (await pdfPagesText(bytes)).join('\n');
  const accounts = [...text.matchAll(/帳號：\s*(s[a-z0-9]+)/g)].map((m) => m[1]!);
  const passwords = [...text.matchAll(/初始密碼：\s*([A-Za-z0-9-]{9})/g)].map((m) => m[1]!);
  return { text, accounts, passwords };
}

async function pdfOf(res: Response) {
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="students-/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal(Buffer.from(bytes.subarray(0, 8)).toString('latin1'), '%PDF-1.4');
  return bytes;
}

async function signInForm(agent: Agent, username: string, password: string, next = '') {
  const page = await (await agent.get(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`)).text();
  const { action, fields } = formOf(page);
  return agent.post(action, { ...fields, account: username, password, captcha: TEST_CAPTCHA, action: 'login' });
}

describe('student accounts: provisioning, the password sheet, the first sign-in', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let other: string;
  let system: AdminUser;
  let schoolAdmin: AdminUser;
  let schoolAgent: Agent;
  const students701 = ['林小安', '陳小美', '王大明'];
  const students702 = ['張家豪', '黃怡婷'];

  before(async () => {
    server = await startServer();
    other = (await server.services.db.query<{ code: string }>(`SELECT code FROM schools WHERE code NOT LIKE '09%' ORDER BY code LIMIT 1`))[0]!.code;
    const rows = [
      ...students701.map((n) => person(SCHOOL, n, '學生', ['7', '701', '七年一班'])),
      ...students702.map((n) => person(SCHOOL, n, '學生', ['7', '702', '七年二班'])),
      person(SCHOOL, '李老師', '教師'),
      person(other, '別校生', '學生', ['8', '801', '八年一班']),
    ];
    const r = await server.services.importer.peopleText([header, ...rows].join('\n'));
    assert.equal((r as { ok?: boolean }).ok ?? true, true, JSON.stringify(r).slice(0, 500));
    system = await adminUser(server, 'sys.students', 'system-admin');
    schoolAdmin = await adminUser(server, 'school.admin', 'school-admin', { school: SCHOOL });
    schoolAgent = await adminAgent(server, schoolAdmin);
  });
  after(() => server?.cleanup());

  const studentAccounts = (school: string) =>
    server.services.db.query<{ username: string; display_name: string; must_change_password: boolean; classes: any[] }>(
      `SELECT a.username, a.display_name, a.must_change_password, f.classes FROM accounts a JOIN affiliations f ON f.account_id = a.id
        WHERE f.school_code = $1 AND f.identity = '學生' ORDER BY a.username`,
      [school],
    );

  let sheet701: { accounts: string[]; passwords: string[] };

  test('a school administrator previews a class and creates its accounts: the sheet downloads and holds every account and password', async () => {
    const since = new Date();
    const preview = await (await schoolAgent.get('/admin/students?class=701')).text();
    assert.match(preview, /value="094601"/, 'a school administrator starts at its own school');
    for (const n of students701) assert.ok(preview.includes(n), `preview lists ${n}`);
    assert.ok(!preview.includes('張家豪'), 'another class is not in the preview');
    assert.ok(!preview.includes('李老師'), 'teachers never get a student account');
    assert.match(preview, /共 3 位學生尚無帳號/);

    const res = await schoolAgent.request('/admin/students/provision', { method: 'POST', form: { _csrf: csrfOf(preview), school: SCHOOL, class: '701' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const sheet = await sheetOf(await pdfOf(res));
    for (const n of students701) assert.ok(sheet.text.includes(n), `the sheet names ${n}`);
    assert.ok(sheet.text.includes('縣立鎮西國小') && sheet.text.includes('七年一班'));
    assert.ok(sheet.text.includes(`${server.issuer}/login`), 'where to sign in');

    const rows = await studentAccounts(SCHOOL);
    assert.deepEqual(rows.map((r) => r.username).sort(), [...sheet.accounts].sort());
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.must_change_password));
    assert.ok(rows.every((r) => r.classes[0].classno === '701'));
    assert.deepEqual(rows.map((r) => r.display_name).sort(), [...students701].sort());
    assert.equal(sheet.passwords.length, 3);
    for (const pw of sheet.passwords) assert.doesNotMatch(pw, /[0O1lIo]/, 'readable: nothing that looks like another character');
    assert.equal((await server.services.db.query(`SELECT 1 FROM accounts WHERE display_name = '李老師'`)).length, 0);
    sheet701 = sheet;

    const provisioned = await auditSince(server, 'admin.students.provisioned', since);
    assert.equal(provisioned.length, 1);
    assert.equal(provisioned[0]!.actor, `account:${schoolAdmin.accountId}`);
    assert.equal(provisioned[0]!.detail.count, 3);
    assert.equal(provisioned[0]!.detail.school, SCHOOL);
    const created = await auditSince(server, 'account.created', since);
    assert.equal(created.filter((e) => e.actor === `account:${schoolAdmin.accountId}`).length, 3);
    assert.equal((await auditSince(server, 'admin.students.previewed', since)).length, 1, 'reading the names is audited');
    const stored = await server.services.db.query<{ account_count: number; actor: string }>(`SELECT account_count, actor FROM provisioning_batches WHERE school_code = $1`, [SCHOOL]);
    assert.deepEqual(stored, [{ account_count: 3, actor: `account:${schoolAdmin.accountId}` }]);

    const page = await (await schoolAgent.get('/admin/students?school=094601')).text();
    assert.match(page, /共 2 位學生尚無帳號/, 'the rest of the school is still to do');
    for (const a of sheet.accounts) assert.ok(page.includes(a), `the list shows ${a}`);
    assert.match(page, /id="batches"/);
  });

  test('re-running provisions only the students still without an account; none twice', async () => {
    const csrf = await consoleCsrf(schoolAgent);
    const again = await schoolAgent.request('/admin/students/provision', { method: 'POST', form: { _csrf: csrf, school: SCHOOL, class: '701' } });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /沒有需要建立帳號的學生/);

    const token = await adminToken(server, ['admin:people']);
    const res = await fetch(`${server.issuer}/admin/api/v1/schools/${SCHOOL}/students/provision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('x-provisioning-batch'));
    const sheet = await sheetOf(await pdfOf(res));
    assert.deepEqual(sheet.accounts.sort(), [accountNameFor(SCHOOL, '702', 1), accountNameFor(SCHOOL, '702', 2)].sort());
    const rows = await studentAccounts(SCHOOL);
    assert.equal(rows.length, 5);
    assert.equal(new Set(rows.map((r) => r.display_name)).size, 5);

    const list = await api(token, 'GET', `/schools/${SCHOOL}/students`);
    assert.equal(list.status, 200);
    assert.equal(list.json.students.length, 5);
    assert.ok(list.json.students.every((s: any) => s.mustChangePassword === true));
    assert.deepEqual(list.json.batches.map((b: any) => b.count), [2, 3]);
    const none = await api(token, 'POST', `/schools/${SCHOOL}/students/provision`, {});
    assert.equal(none.status, 409);
    assert.equal(none.json.error, 'conflict');
  });

  test('all or nothing: an account that fails mid-way leaves no account, no batch and no audit event', async () => {
    const db = server.services.db;
    await server.services.importer.peopleText([header, person(SCHOOL, '甲同學', '學生', ['7', '703', '七年三班']), person(SCHOOL, '乙同學', '學生', ['7', '703', '七年三班']), person(SCHOOL, '丙同學', '學生', ['7', '703', '七年三班'])].join('\n'));
    // The second account of the class is refused by the database itself (as a name taken by someone registering at that moment would be).
    const second = accountNameFor(SCHOOL, '703', 2);
    await db.query(`CREATE FUNCTION refuse_second() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await db.query(`CREATE TRIGGER refuse_second BEFORE INSERT ON accounts FOR EACH ROW WHEN (NEW.username = '${second}') EXECUTE FUNCTION refuse_second()`);
    const since = new Date();
    try {
      await assert.rejects(server.services.students.provision('cli', SCHOOL, '703'), /forced failure/);
    } finally {
      await db.query(`DROP TRIGGER refuse_second ON accounts`);
      await db.query(`DROP FUNCTION refuse_second()`);
    }
    assert.equal((await db.query(`SELECT 1 FROM accounts WHERE username LIKE 's094601703%'`)).length, 0, 'the first account was rolled back');
    assert.equal((await db.query(`SELECT 1 FROM provisioning_batches WHERE class_no = '703'`)).length, 0);
    assert.equal((await auditSince(server, 'account.created', since)).length, 0);
    assert.equal((await auditSince(server, 'admin.students.provisioned', since)).length, 0);

    const r = await server.services.students.provision('cli', SCHOOL, '703');
    assert.equal(r.accounts.length, 3, 'once the cause is gone the same run succeeds');
    assert.equal(r.batch.actor, 'cli');
  });

  test('a provisioned student signs in with the sheet’s password, reaches nothing and no application before setting its own, then both', async () => {
    const username = sheet701.accounts[0]!;
    const initial = sheet701.passwords[0]!;
    const app = await server.services.clientAdmin.add({ name: '校務系統', redirectUris: ['http://school-app.localhost:8123/callback'], firstParty: true });
    const config = await discover(server.issuer, app.clientId, app.clientSecret!);
    const agent = new Agent(server.issuer);

    // An application's sign-in: the password is right, but it goes to the first-password page, not back to the application.
    const a = await authorize(agent, config, { redirectUri: 'http://school-app.localhost:8123/callback', username, password: initial });
    assert.equal(a.landed, undefined, 'the application got no code');
    const login = await agent.get('/account');
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/account/password/first?next=%2Faccount');
    for (const path of ['/apps', '/account/password', '/admin', '/']) {
      const res = await agent.get(path);
      assert.equal(res.status, 303, `${path} is closed`);
      assert.match(res.headers.get('location')!, /^\/account\/password\/first/);
    }
    const posted = await agent.post('/account/contacts', { _csrf: 'x' });
    assert.equal(posted.status, 303, 'a POST elsewhere is sent to the page too');
    assert.equal(posted.headers.get('location'), '/account/password/first');

    // The interaction the application started is waiting: find it on the page's next.
    const again = await authorize(agent, config, { redirectUri: 'http://school-app.localhost:8123/callback', username, password: initial });
    assert.equal(again.landed, undefined, 'single sign-on does not complete either');
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: 'http://school-app.localhost:8123/callback', scope: 'openid profile', code_challenge: await oidc.calculatePKCECodeChallenge('v'.repeat(43)), code_challenge_method: 'S256', state: 's1', nonce: 'n1' });
    const step = await agent.follow(url.href, (u) => u.pathname === '/account/password/first');
    assert.equal(step.url.pathname, '/account/password/first');
    const next = step.url.searchParams.get('next')!;
    assert.match(next, /^\/interaction\//);

    const pageHtml = await (await agent.get(`${step.url.pathname}${step.url.search}`)).text();
    const { action, fields } = formOf(pageHtml);
    assert.equal(fields.next, next);
    const wrong = await agent.post(action, { ...fields, current: 'Wrong-Pass9', password: 'Brand-New7pass', password2: 'Brand-New7pass' });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /目前密碼錯誤/);
    const weak = await agent.post(action, { ...fields, current: initial, password: 'abc', password2: 'abc' });
    assert.equal(weak.status, 400);
    assert.equal((await server.services.accounts.findByUsername(username))!.mustChangePassword, true, 'nothing changed');

    const since = new Date();
    const done = await agent.post(action, { ...fields, current: initial, password: 'Brand-New7pass', password2: 'Brand-New7pass' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), next);
    const changed = await auditSince(server, 'account.password_changed', since);
    assert.equal(changed.length, 1);
    assert.equal(changed[0]!.detail.reason, 'first-sign-in');
    assert.equal((await server.services.accounts.findByUsername(username))!.mustChangePassword, false);

    // The waiting sign-in continues to the application, which gets tokens for the student.
    const landed = await agent.follow(new URL(next, server.issuer).href, (u) => u.href.startsWith('http://school-app.localhost:8123/callback'));
    assert.ok(landed.url.searchParams.get('code'), 'the application received a code');
    const tokens = await oidc.authorizationCodeGrant(config, landed.url, { pkceCodeVerifier: 'v'.repeat(43), expectedState: 's1', expectedNonce: 'n1' });
    const info = await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    assert.equal(info.sub, tokens.claims()!.sub);
    assert.equal((await agent.get('/account')).status, 200, 'the account pages are open');

    // The initial password no longer works.
    const old = await signInForm(new Agent(server.issuer), username, initial);
    assert.equal(old.status, 400);
  });

  test('a school administrator cannot provision, list or reset another school: console 403, API 403, each refusal audited', async () => {
    const since = new Date();
    const csrf = await consoleCsrf(schoolAgent);
    const page = await schoolAgent.get(`/admin/students?school=${other}`);
    assert.equal(page.status, 403);
    const post = await schoolAgent.request('/admin/students/provision', { method: 'POST', form: { _csrf: csrf, school: other, class: '' } });
    assert.equal(post.status, 403);
    const viaApi = await api(schoolAgent, 'POST', `/schools/${other}/students/provision`, {}, csrf);
    assert.equal(viaApi.status, 403);
    assert.equal(viaApi.json.error, 'forbidden');
    const list = await api(schoolAgent, 'GET', `/schools/${other}/students`);
    assert.equal(list.status, 403);
    const yunlin = (await server.services.store.directory.findCounty('雲林縣'))!;
    const countyToken = await adminToken(server, ['admin:people'], { county: yunlin.code });
    const byCounty = await api(countyToken, 'POST', `/schools/${other}/students/provision`, {});
    assert.equal(byCounty.status, 403, 'a county system token reaches its own county only');
    const refused = await auditSince(server, 'admin.refused', since);
    assert.equal(refused.filter((e) => e.actor === `account:${schoolAdmin.accountId}` && e.detail.target.code === other).length, 4);
    assert.equal(refused.filter((e) => e.actor === `client:${countyToken.clientId}`).length, 1);
    assert.equal((await studentAccounts(other)).length, 0, 'nothing was created');

    // Resetting a student of its own school works and re-issues a one-student sheet; the other school's student is out of reach.
    const mine = (await server.services.accounts.findByUsername(sheet701.accounts[1]!))!;
    const reset = await schoolAgent.request(`/admin/students/${mine.id}/reset`, { method: 'POST', form: { _csrf: csrf } });
    assert.equal(reset.status, 200);
    const sheet = await sheetOf(await pdfOf(reset));
    assert.deepEqual(sheet.accounts, [mine.username]);
    assert.notEqual(sheet.passwords[0], sheet701.passwords[1]);
    assert.equal((await auditSince(server, 'admin.students.password_reset', since)).length, 1);
    await server.services.students.provision('cli', other, undefined);
    const theirs = (await studentAccounts(other))[0]!;
    const theirAccount = (await server.services.accounts.findByUsername(theirs.username))!;
    const refusedReset = await schoolAgent.request(`/admin/students/${theirAccount.id}/reset`, { method: 'POST', form: { _csrf: csrf } });
    assert.equal(refusedReset.status, 403);
    void system;
  });
});
