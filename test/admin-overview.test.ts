import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { adminAgent, adminToken, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, type TestServer } from './support/server.ts';
import { passwordSignIn, secondFactor } from './support/two-factor.ts';
import { oathtool } from './support/oathtool.ts';
import { announcement } from '../src/app/announcement.ts';
import { demoAdmins, DEMO_ADMIN_TOTP_SECRET } from '../src/seed/demo-data.ts';
import { Agent } from './support/agent.ts';

const YUNLIN = '10009000';
const HOUR = 3600_000;

/** The dashboard's figures, the audit log and roles through the console and the API (issue 10 「Overview」, 「Roles and access」). */
describe('the overview: dashboard figures by reach, audit search and CSV, roles and their scope attacks', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let system: AdminUser;
  let county: AdminUser;
  let helpdesk: AdminUser;
  let school: AdminUser;
  let systemAgent: Agent;
  let countyAgent: Agent;
  let helpdeskAgent: Agent;
  let otherSchool: string;
  let otherCounty: string;
  const ids: Record<string, string> = {};

  const db = () => server.services.db;
  async function person(username: string, schoolCode: string, status: 'active' | 'inactive' | 'admin' = 'active') {
    const { store } = server.services;
    const a = await store.accounts.create({ username, passwordHash: 'x', displayName: '測試' });
    await store.accounts.setAffiliation(a.id, { schoolCode, identity: '教師', titles: ['教師'], classes: [] });
    if (status !== 'active') await db().query(`UPDATE accounts SET status = 'disabled', disabled_reason = $2 WHERE id = $1`, [a.id, status]);
    ids[username] = a.id;
    return a.id;
  }
  async function signInAt(accountId: string, at: Date, result: 'succeeded' | 'failed', times = 1) {
    for (let i = 0; i < times; i++) {
      await db().query(`INSERT INTO sign_in_records (at, account_id, kind, method, result) VALUES ($1, $2, 'authentication', 'password', $3)`, [at, accountId, result]);
    }
  }
  const overview = async (who: Agent) => {
    const r = await api(who, 'GET', '/overview');
    assert.equal(r.status, 200, JSON.stringify(r.json));
    return r.json;
  };
  const countyRow = (o: any, code: string | null) => o.accounts.byCounty.find((r: any) => r.countyCode === code) ?? { active: 0, inactive: 0, disabled: 0 };

  before(async () => {
    server = await startServer();
    system = await adminUser(server, 'ov.system', 'system-admin');
    county = await adminUser(server, 'ov.county', 'county-admin', { county: '雲林縣' });
    helpdesk = await adminUser(server, 'ov.helpdesk', 'helpdesk');
    school = await adminUser(server, 'ov.school', 'school-admin', { school: '094601' });
    systemAgent = await adminAgent(server, system);
    countyAgent = await adminAgent(server, county);
    helpdeskAgent = await adminAgent(server, helpdesk);
    otherSchool = '313601';
    otherCounty = (await server.services.store.directory.countyOfSchoolCode(otherSchool))!.code;
    assert.notEqual(otherCounty, YUNLIN, 'the other school is in another county');
  });
  after(() => server?.cleanup());

  test('the dashboard counts accounts by county and status, bounded by reach', async () => {
    const before = await overview(systemAgent);
    const countyBefore = await overview(countyAgent);
    await person('ov.y.active1', '094601');
    await person('ov.y.active2', '094602');
    await person('ov.y.inactive', '094601', 'inactive');
    await person('ov.y.admin', '094602', 'admin');
    await person('ov.o.active', otherSchool);
    await person('ov.o.admin', otherSchool, 'admin');

    const after = await overview(systemAgent);
    const delta = (code: string) => ['active', 'inactive', 'disabled'].map((k) => countyRow(after, code)[k] - countyRow(before, code)[k]);
    assert.deepEqual(delta(YUNLIN), [2, 1, 1], 'Yunlin: two active, one disabled as inactive, one by an administrator');
    assert.deepEqual(delta(otherCounty), [1, 0, 1]);
    assert.deepEqual(
      ['active', 'inactive', 'disabled'].map((k) => after.accounts.total[k] - before.accounts.total[k]),
      [3, 1, 2],
      'the total adds every county',
    );
    const sum = (o: any, k: string) => o.accounts.byCounty.reduce((t: number, r: any) => t + r[k], 0);
    assert.equal(sum(after, 'active'), after.accounts.total.active);
    const [{ n }] = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`);
    assert.equal(after.accounts.total.active + after.accounts.total.inactive + after.accounts.total.disabled, n, 'every account is counted once');

    const mine = await overview(countyAgent);
    assert.deepEqual(mine.accounts.byCounty.map((r: any) => r.countyCode), [YUNLIN], 'a county administrator sees its county only');
    assert.deepEqual(['active', 'inactive', 'disabled'].map((k) => mine.accounts.byCounty[0][k] - countyRow(countyBefore, YUNLIN)[k]), [2, 1, 1]);
    assert.deepEqual(mine.accounts.total, { active: countyRow(after, YUNLIN).active, inactive: countyRow(after, YUNLIN).inactive, disabled: countyRow(after, YUNLIN).disabled });

    const schoolAgent = await adminAgent(server, school);
    const ours = await overview(schoolAgent);
    const [{ here }] = await db().query<{ here: number }>(
      `SELECT count(*)::int AS here FROM accounts a WHERE (SELECT f.school_code FROM affiliations f WHERE f.account_id = a.id ORDER BY f.is_primary DESC, f.school_code LIMIT 1) = '094601'`,
    );
    assert.equal(ours.accounts.total.active + ours.accounts.total.inactive + ours.accounts.total.disabled, here, 'a school administrator counts its school only');
    assert.equal(ours.openTicketsByAge, null, 'a school administrator reaches no tickets');

    // The page shows the same figures: a chart with a name and the table beside it.
    const html = await (await countyAgent.get('/admin')).text();
    assert.match(html, /<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="accounts-chart-name"/);
    assert.match(html, /<title id="accounts-chart-name">各縣市帳號數長條圖/);
    assert.ok(html.includes(`<th scope="row">雲林縣</th><td>${mine.accounts.byCounty[0].active}</td>`), 'the data table holds the county’s figures');
    assert.ok(!html.includes(after.accounts.byCounty.find((r: any) => r.countyCode === otherCounty).countyName + '</th>'), 'no other county on a county administrator’s page');
  });

  test('sign-ins and the failure rate per hour come from the sign-in records, bounded by reach', async () => {
    const now = Date.now();
    const twoHoursAgo = new Date(now - 2 * HOUR);
    const fiveHoursAgo = new Date(now - 5 * HOUR);
    await signInAt(ids['ov.y.active1']!, twoHoursAgo, 'succeeded', 3);
    await signInAt(ids['ov.y.active1']!, twoHoursAgo, 'failed', 1);
    await signInAt(ids['ov.o.active']!, twoHoursAgo, 'failed', 2);
    await signInAt(ids['ov.y.active2']!, fiveHoursAgo, 'failed', 2);
    await signInAt(ids['ov.y.active2']!, new Date(now - 30 * HOUR), 'succeeded', 5); // outside the 24 hours
    await db().query(`INSERT INTO sign_in_records (at, account_id, kind, method, result) VALUES ($1, $2, 'application', 'password', 'succeeded')`, [twoHoursAgo, ids['ov.y.active1']]);

    const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR).toISOString();
    const all = await overview(systemAgent);
    assert.equal(all.signInsPerHour.length, 24);
    assert.equal(all.signInsPerHour[23].hour, hourOf(new Date(now)), 'the last hour is the current one');
    const at = (o: any, d: Date) => o.signInsPerHour.find((h: any) => h.hour === hourOf(d));
    assert.deepEqual(at(all, twoHoursAgo), { hour: hourOf(twoHoursAgo), succeeded: 3, failed: 3, failureRate: 0.5 }, 'an application sign-in is not a second sign-in');
    assert.deepEqual(at(all, fiveHoursAgo), { hour: hourOf(fiveHoursAgo), succeeded: 0, failed: 2, failureRate: 1 });
    assert.equal(all.signInsPerHour.reduce((t: number, h: any) => t + h.succeeded, 0) >= 3, true);
    assert.ok(!all.signInsPerHour.some((h: any) => h.succeeded === 5), 'records older than 24 hours are left out');

    const mine = await overview(countyAgent);
    assert.deepEqual(at(mine, twoHoursAgo), { hour: hourOf(twoHoursAgo), succeeded: 3, failed: 1, failureRate: 0.25 }, 'a county administrator counts its county’s accounts only');
    assert.equal(at(mine, new Date(now)).failed + at(mine, new Date(now)).succeeded, 0, 'the administrators’ own sign-ins (no school) are not the county’s');

    const html = await (await countyAgent.get('/admin')).text();
    assert.match(html, /aria-labelledby="signins-chart-name"/);
    assert.match(html, /aria-labelledby="failure-chart-name"/);
    assert.ok(html.includes('<td>3</td><td>1</td><td>25%</td>'), 'the hour’s row in the data table');
  });

  test('open tickets by age: not resolved, bucketed by days', async () => {
    const before = await overview(helpdeskAgent);
    const day = 86_400_000;
    const ticket = (ageDays: number, status: string) =>
      db().query(`INSERT INTO helpdesk_tickets (category, description, status, created_at) VALUES ('school-missing', 'x', $1, $2)`, [status, new Date(Date.now() - ageDays * day)]);
    await ticket(0.5, 'new');
    await ticket(2, 'new');
    await ticket(2.5, 'in-progress');
    await ticket(5, 'waiting');
    await ticket(10, 'in-progress');
    await ticket(12, 'new');
    await ticket(9, 'resolved');
    const after = await overview(helpdeskAgent);
    const delta = after.openTicketsByAge.map((b: any, i: number) => [b.age, b.count - before.openTicketsByAge[i].count]);
    assert.deepEqual(delta, [['0-1', 1], ['1-3', 2], ['3-7', 1], ['7+', 2]]);
    const html = await (await helpdeskAgent.get('/admin')).text();
    assert.match(html, /aria-labelledby="tickets-chart-name"/);
    assert.ok(html.includes(`<th scope="row">超過 7 天</th><td>${after.openTicketsByAge[3].count}</td>`));
  });

  test('the audit log: every filter narrows the search, newest first, and reading it is audited', async () => {
    const { store } = server.services;
    const since = new Date();
    await store.audit.record({ type: 'ovtest.alpha', accountId: ids['ov.y.active1'], ip: '203.0.113.7', actor: `account:${system.accountId}`, detail: { n: 1 } });
    await store.audit.record({ type: 'ovtest.alpha', accountId: ids['ov.o.active'], ip: '203.0.113.8', clientId: 'county-sys', actor: 'client:county-sys', detail: { n: 2 } });
    await store.audit.record({ type: 'ovtest.beta', accountId: ids['ov.y.active1'], ip: '203.0.113.7', actor: 'cli', detail: { n: 3 } });
    await store.audit.record({ type: 'ovtest.gamma', accountId: null, ip: '203.0.113.9', detail: { n: 4 } });
    await db().query(`UPDATE audit_events SET at = '2025-01-10T12:00:00+08:00' WHERE type = 'ovtest.gamma'`);

    const search = async (q: string) => {
      const r = await api(systemAgent, 'GET', `/audit-events?${q}`);
      assert.equal(r.status, 200, JSON.stringify(r.json));
      return r.json.events.map((e: any) => e.detail.n);
    };
    assert.deepEqual(await search('type=ovtest.'), [3, 2, 1, 4], 'a type prefix, newest first');
    assert.deepEqual(await search('type=ovtest.alpha'), [2, 1]);
    assert.deepEqual(await search('type=ovtest._'), [], 'the prefix is literal: _ is no wildcard');
    assert.deepEqual(await search(`type=ovtest.&actor=${system.username}`), [1], 'the actor by account name');
    assert.deepEqual(await search('type=ovtest.&actor=cli'), [3]);
    assert.deepEqual(await search('type=ovtest.&actor=client:county-sys'), [2]);
    assert.deepEqual(await search('type=ovtest.&actor=no.such.person'), []);
    assert.deepEqual(await search('type=ovtest.&account=ov.y.active1'), [3, 1], 'the subject account by name');
    assert.deepEqual(await search('type=ovtest.&client=county-sys'), [2]);
    assert.deepEqual(await search('type=ovtest.&ip=203.0.113.7'), [3, 1]);
    assert.deepEqual(await search('type=ovtest.&from=2025-01-10&to=2025-01-10'), [4], 'a Taipei day, both ends inclusive');
    assert.deepEqual(await search('type=ovtest.&to=2025-01-09'), []);
    assert.deepEqual(await search('type=ovtest.&from=2025-01-11'), [3, 2, 1]);

    const row = (await api(systemAgent, 'GET', '/audit-events?type=ovtest.alpha&ip=203.0.113.7')).json.events[0];
    assert.equal(row.actorName, system.username);
    assert.equal(row.accountName, 'ov.y.active1');

    const bad = await api(systemAgent, 'GET', '/audit-events?from=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error, 'invalid_request');

    // Paging: 50 a page, the second page goes on where the first stopped.
    for (let i = 0; i < 55; i++) await store.audit.record({ type: 'ovpage.x', detail: { i } });
    const first = (await api(systemAgent, 'GET', '/audit-events?type=ovpage.')).json;
    const second = (await api(systemAgent, 'GET', '/audit-events?type=ovpage.&page=2')).json;
    assert.equal(first.events.length, 50);
    assert.equal(first.more, true);
    assert.deepEqual(second.events.map((e: any) => e.detail.i), [4, 3, 2, 1, 0]);
    assert.equal(second.more, false);

    const read = await auditSince(server, 'admin.audit.searched', since);
    assert.ok(read.length >= 15, 'every search is an audit event');
    assert.equal(read[0]!.actor, `account:${system.accountId}`);
    assert.equal(read[0]!.detail.query.type, 'ovpage.');

    // The console page: the same search as a form, rows in Taipei time, the export link with the same filter.
    const html = await (await systemAgent.get('/admin/audit?type=ovtest.&ip=203.0.113.7')).text();
    assert.ok(html.includes('ovtest.beta') && html.includes('ovtest.alpha') && !html.includes('ovtest.gamma'));
    assert.ok(html.includes('href="/admin/audit.csv?type=ovtest.&amp;ip=203.0.113.7"'), 'the export carries the filter');
    assert.ok(html.includes(`<td>${system.username}</td>`), 'the actor by name');
    const early = await (await systemAgent.get('/admin/audit?type=ovtest.gamma')).text();
    assert.ok(early.includes('2025/01/10 12:00:00'), 'Asia/Taipei time');
    const invalid = await systemAgent.get('/admin/audit?from=10%2F01%2F2025');
    assert.equal(invalid.status, 400);
    assert.match(await invalid.text(), /日期格式應為 YYYY-MM-DD/);
  });

  test('the CSV export: BOM, header, the filter’s rows, quoting and neutralised formulas; audited', async () => {
    const { store } = server.services;
    const since = new Date();
    await store.audit.record({ type: 'ovcsv.one', ip: '198.51.100.1', userAgent: '=HYPERLINK("http://evil.test","x")', detail: { note: 'a, "quoted"\nline' } });
    await store.audit.record({ type: 'ovcsv.two', ip: '198.51.100.1', userAgent: '+1+2', detail: {} });
    await store.audit.record({ type: 'ovcsv.three', ip: '198.51.100.1', userAgent: '@SUM(A1)', detail: {} });
    await store.audit.record({ type: 'ovcsv.four', ip: '198.51.100.2', userAgent: '-3', detail: {} });

    const res = await systemAgent.get('/admin/audit.csv?type=ovcsv.&ip=198.51.100.1');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="audit-\d{8}\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark for Excel');
    const body = bytes.subarray(3).toString('utf8');
    const lines = body.split('\r\n');
    assert.equal(lines[0], 'time (Asia/Taipei),type,actor,actor_id,account,account_id,client,ip,user_agent,detail');
    assert.equal(body.match(/ovcsv\./g)?.length, 3, 'the rows of the filter, not the other ip');
    assert.match(lines[1]!, /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},ovcsv\.three,,,,,,198\.51\.100\.1,'@SUM\(A1\),$/);
    assert.match(lines[2]!, /,ovcsv\.two,,,,,,198\.51\.100\.1,'\+1\+2,$/);
    assert.ok(body.includes(`,"'=HYPERLINK(""http://evil.test"",""x"")","{""note"":""a, \\""quoted\\""\\nline""}"\r\n`), body);
    assert.ok(!/(^|,)[=+@]/m.test(body.replace(/^\uFEFF/, '')), 'no cell starts a formula');

    const apiCsv = await api(systemAgent, 'GET', '/audit-events.csv?type=ovcsv.four');
    assert.equal(apiCsv.status, 200);
    assert.ok(apiCsv.text!.includes(`,'-3,`), 'the API exports the same way');
    const exported = await auditSince(server, 'admin.audit.exported', since);
    assert.equal(exported.length, 2);
    assert.equal(exported[1]!.detail.rows, 3);
    assert.equal(exported[1]!.actor, `account:${system.accountId}`);

    // Not for a helpdesk agent: refused and audited.
    const refused = await helpdeskAgent.get('/admin/audit.csv?type=ovcsv.');
    assert.equal(refused.status, 403);
    const token = await adminToken(server, ['admin:tickets']);
    assert.equal((await api(token, 'GET', '/audit-events.csv')).status, 403);
    const audited = await auditSince(server, 'admin.refused', since);
    assert.ok(audited.some((e) => e.actor === `account:${helpdesk.accountId}` && e.detail.capability === 'admin:audit'));
    assert.ok(audited.some((e) => e.actor === `client:${token.clientId}` && e.detail.capability === 'admin:audit'));
  });

  test('scope attack: a helpdesk agent changing roles is refused in the console and the API, audited, nothing changed', async () => {
    const since = new Date();
    await person('ov.target', '094601');
    const page = await helpdeskAgent.get('/admin/roles');
    assert.equal(page.status, 403);
    const csrf = await consoleCsrf(helpdeskAgent);
    const form = await helpdeskAgent.post('/admin/roles/grant', { _csrf: csrf, account: 'ov.target', role: 'system-admin', county: '', school: '' });
    assert.equal(form.status, 403);
    assert.match(await form.text(), /您的管理角色無權進行此項操作/);
    const json = await api(helpdeskAgent, 'POST', '/roles', { account: 'ov.target', role: 'system-admin' }, csrf);
    assert.equal(json.status, 403);
    assert.equal(json.json.error, 'forbidden');
    const revoke = await api(helpdeskAgent, 'POST', '/roles/revoke', { account: helpdesk.username, role: 'helpdesk' }, csrf);
    assert.equal(revoke.status, 403);
    assert.deepEqual(await server.services.store.roles.forAccount(ids['ov.target']!), [], 'nothing granted');
    assert.equal((await server.services.store.roles.forAccount(helpdesk.accountId)).length, 1, 'nothing revoked');
    const refused = (await auditSince(server, 'admin.refused', since)).filter((e) => e.actor === `account:${helpdesk.accountId}` && e.detail.capability === 'admin:roles');
    assert.equal(refused.length, 4, 'the page, the form and both API calls');
    assert.equal((await auditSince(server, 'role.granted', since)).length, 0);
  });

  test('scope attack: a county administrator grants only school administrators of its own county', async () => {
    const since = new Date();
    await person('ov.cand', '094601');
    const csrf = await consoleCsrf(countyAgent);
    const attempts = [
      { account: 'ov.cand', role: 'school-admin', school: otherSchool },
      { account: 'ov.cand', role: 'county-admin', county: '雲林縣' },
      { account: 'ov.cand', role: 'system-admin' },
      { account: 'ov.cand', role: 'helpdesk' },
    ];
    for (const body of attempts) {
      const r = await api(countyAgent, 'POST', '/roles', body, csrf);
      assert.equal(r.status, 403, JSON.stringify(body));
    }
    const form = await countyAgent.post('/admin/roles/grant', { _csrf: csrf, account: 'ov.cand', role: 'school-admin', county: '', school: otherSchool });
    assert.equal(form.status, 403, 'the console refuses another county’s school too');
    assert.deepEqual(await server.services.store.roles.forAccount(ids['ov.cand']!), [], 'nothing granted');
    const refused = (await auditSince(server, 'admin.refused', since)).filter((e) => e.actor === `account:${county.accountId}`);
    assert.equal(refused.length, 5);
    assert.ok(refused.some((e) => e.detail.target.kind === 'school' && e.detail.target.code === otherSchool));

    // Its own county's school: granted through the console, audited with the actor.
    const ok = await countyAgent.post('/admin/roles/grant', { _csrf: csrf, account: 'ov.cand', role: 'school-admin', county: '', school: '094602' });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /done=granted/);
    assert.deepEqual((await server.services.store.roles.forAccount(ids['ov.cand']!)).map((g) => [g.role, g.schoolCode, g.grantedBy]), [['school-admin', '094602', county.accountId]]);
    const granted = await auditSince(server, 'role.granted', since);
    assert.equal(granted.length, 1);
    assert.equal(granted[0]!.actor, `account:${county.accountId}`);
    assert.equal(granted[0]!.account_id, ids['ov.cand']);
    assert.deepEqual(granted[0]!.detail, { role: 'school-admin', school: '094602', by: county.accountId });

    // Its list: the school administrators of its county only.
    const list = await api(countyAgent, 'GET', '/roles');
    assert.equal(list.status, 200);
    const listed = list.json.grants.map((g: any) => `${g.username} ${g.role} ${g.schoolCode}`);
    assert.ok(listed.includes('ov.cand school-admin 094602'));
    assert.ok(listed.includes('ov.school school-admin 094601'));
    assert.ok(list.json.grants.every((g: any) => g.role === 'school-admin'), listed.join('; '));
    const all = await api(systemAgent, 'GET', '/roles');
    assert.ok(all.json.grants.some((g: any) => g.role === 'system-admin' && g.username === system.username), 'a system administrator sees every grant');

    // And revokes it again, through the API this time.
    const revoked = await api(countyAgent, 'POST', '/roles/revoke', { account: 'ov.cand', role: 'school-admin', school: '094602' }, csrf);
    assert.equal(revoked.status, 200, JSON.stringify(revoked.json));
    assert.deepEqual(await server.services.store.roles.forAccount(ids['ov.cand']!), []);
    const again = await api(countyAgent, 'POST', '/roles/revoke', { account: 'ov.cand', role: 'school-admin', school: '094602' }, csrf);
    assert.equal(again.status, 404);
    const revokedEvents = await auditSince(server, 'role.revoked', since);
    assert.equal(revokedEvents[0]!.actor, `account:${county.accountId}`);
  });

  test('a bad role change gets a translated message for its field and changes nothing', async () => {
    const csrf = await consoleCsrf(systemAgent);
    const unknown = await api(systemAgent, 'POST', '/roles', { account: 'no.such.person', role: 'helpdesk' }, csrf);
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.message, '查無此帳號。');
    assert.equal(unknown.json.message_en, 'There is no account with that name.');
    assert.equal(unknown.json.issues[0].path, 'body.account');
    const noSchool = await api(systemAgent, 'POST', '/roles', { account: 'ov.y.active1', role: 'school-admin', school: '999999' }, csrf);
    assert.equal(noSchool.status, 400);
    assert.equal(noSchool.json.message, '查無此學校代碼。');
    const noCounty = await api(systemAgent, 'POST', '/roles', { account: 'ov.y.active1', role: 'county-admin' }, csrf);
    assert.equal(noCounty.json.message, '縣市管理者須指定縣市。');

    const page = await systemAgent.post('/admin/roles/grant', { _csrf: csrf, account: 'nobody.here', role: 'helpdesk', county: '', school: '' });
    assert.equal(page.status, 400);
    const html = await page.text();
    assert.match(html, /<p class="field-error" id="account-error">查無此帳號。<\/p>/);
    assert.match(html, /aria-invalid="true"/);
    assert.ok(html.includes('value="nobody.here"'), 'what was typed is kept');
    const notApplicable = await systemAgent.post('/admin/roles/grant?lang=en', { _csrf: csrf, account: 'ov.y.active1', role: 'helpdesk', county: '雲林縣', school: '' });
    assert.match(await notApplicable.text(), /Only a county administrator has a county; leave it empty\./);
    assert.deepEqual(await server.services.store.roles.forAccount(ids['ov.y.active1']!), []);

    const noCsrf = await systemAgent.post('/admin/roles/grant', { account: 'ov.y.active1', role: 'helpdesk' });
    assert.equal(noCsrf.status, 403, 'a form without the CSRF token is refused');
    const apiNoCsrf = await api(systemAgent, 'POST', '/roles', { account: 'ov.y.active1', role: 'helpdesk' });
    assert.equal(apiNoCsrf.status, 403);
    assert.deepEqual(await server.services.store.roles.forAccount(ids['ov.y.active1']!), []);
  });

  test('a token with admin:roles bounded to a county acts as that county', async () => {
    const token = await adminToken(server, ['admin:roles'], { county: YUNLIN });
    const since = new Date();
    const who = await person('ov.tok.person', '094601');
    assert.equal((await api(token, 'POST', '/roles', { account: 'ov.tok.person', role: 'school-admin', school: otherSchool })).status, 403);
    const r = await api(token, 'POST', '/roles', { account: 'ov.tok.person', role: 'school-admin', school: '094602' });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.changed, true);
    const granted = await auditSince(server, 'role.granted', since);
    assert.equal(granted[0]!.actor, `client:${token.clientId}`);
    assert.equal((await server.services.store.roles.forAccount(who))[0]!.grantedBy, null);
  });

  test('the demo administrators open the console with the demo’s fixed two-factor secret; the banner prints it', async () => {
    for (const d of demoAdmins) {
      const account = (await server.services.store.accounts.findByUsername(d.username))!;
      assert.ok(account, d.username);
      assert.deepEqual((await server.services.store.roles.forAccount(account.id)).map((g) => g.role), [d.role]);
      assert.ok((await server.services.store.twoFactor.find(account.id))?.enabledAt, 'two-factor is on');
      const agent = new Agent(server.issuer);
      const first = await passwordSignIn(agent, d.username, d.password);
      assert.match(first.location ?? '', /\/login\/second-factor/, 'the password alone does not open the console');
      await db().query(`UPDATE two_factor SET last_step = last_step - 4 WHERE account_id = $1`, [account.id]);
      const done = await secondFactor(agent, oathtool(DEMO_ADMIN_TOTP_SECRET));
      assert.equal(done.status, 303);
      const home = await agent.get('/admin');
      assert.equal(home.status, 200);
      assert.match(await home.text(), /<h1>總覽<\/h1>/);
    }
    const banner = announcement({ settings: server.services.settings, db: server.services.db }, 1);
    assert.ok(banner.includes('demo.admin / Admin#2026sso'));
    assert.ok(banner.includes('EDUS SODE MOAD MINS TOTP KEYF ORTR YING'));
    const production = announcement({ settings: { ...server.services.settings, production: true }, db: server.services.db }, 1);
    assert.ok(!production.includes('EDUS'), 'never printed in production');
  });
});
