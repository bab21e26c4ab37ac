import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { adminAgent, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import type { Agent } from './support/agent.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('a school’s source records: a school administrator keeps its own school’s, and only those', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let admin: AdminUser;
  let agent: Agent;
  let csrf: string;
  let otherSchool: string;
  const idNumber = randomIdNumber();

  before(async () => {
    server = await startServer();
    admin = await adminUser(server, 'school.people', 'school-admin', { school: '094601' });
    agent = await adminAgent(server, admin);
    csrf = await consoleCsrf(agent);
    const [other] = await server.services.db.query<{ code: string }>(`SELECT code FROM schools WHERE code <> '094601' AND county_code = (SELECT county_code FROM schools WHERE code = '094601') ORDER BY code LIMIT 1`);
    otherSchool = other!.code;
    await server.services.importer.peopleText(['school_code,id_number,name,birthday,identity', `${otherSchool},${randomIdNumber()},鄰校老師,1975-05-05,教師`].join('\n'));
  });
  after(() => server?.cleanup());

  test('scope attack: another school’s people are refused and audited, through the console (403 page) and the API (403 JSON)', async () => {
    const since = new Date();
    const page = await agent.get(`/admin/people?school=${otherSchool}`);
    assert.equal(page.status, 403);
    const html = await page.text();
    assert.match(html, /無權限/);
    assert.doesNotMatch(html, /鄰校老師/);

    const res = await api(agent, 'GET', `/schools/${otherSchool}/people`);
    assert.equal(res.status, 403);
    assert.equal(res.json.error, 'forbidden');
    assert.match(res.json.message, /無權/);

    const add = await api(agent, 'POST', `/schools/${otherSchool}/people`, { idNumber: randomIdNumber(), name: '冒名', birthday: '1990-01-01', identity: '教師' }, csrf);
    assert.equal(add.status, 403);
    const form = await agent.post(`/admin/people/${otherSchool}/add`, { _csrf: csrf, idNumber: randomIdNumber(), name: '冒名', birthday: '1990-01-01', identity: '教師' });
    assert.equal(form.status, 403);
    const [{ n }] = (await server.services.db.query<{ n: string }>(`SELECT count(*) AS n FROM source_people WHERE school_code = $1`, [otherSchool])) as [{ n: string }];
    assert.equal(Number(n), 1, 'nothing was added');

    const refused = await auditSince(server, 'admin.refused', since);
    assert.equal(refused.length, 4);
    for (const e of refused) {
      assert.equal(e.actor, `account:${admin.accountId}`);
      assert.deepEqual(e.detail.target, { kind: 'school', code: otherSchool });
    }
    assert.equal((await auditSince(server, 'admin.people.listed', since)).length, 0);
    // Schools themselves are not this role's: the directory page is refused too.
    assert.equal((await agent.get('/admin/schools')).status, 403);
  });

  test('list, add, correct and remove through the API: each audited, the identity number never shown whole', async () => {
    const since = new Date();
    const added = await api(agent, 'POST', '/schools/094601/people', { idNumber, name: '王小明', birthday: '2012/3/4', identity: '學生', classes: [{ year: '114', semester: '1', grade: '6', classno: '601', classtitle: '六年一班' }] }, csrf);
    assert.equal(added.status, 201, JSON.stringify(added.json));
    assert.equal(added.json.idMasked, `${idNumber.slice(0, 2)}******${idNumber.slice(-2)}`);
    assert.ok(!JSON.stringify(added.json).includes(idNumber));
    assert.ok(!added.json.id.includes(idNumber));

    const dup = await api(agent, 'POST', '/schools/094601/people', { idNumber, name: '王小明', birthday: '2012-03-04', identity: '學生' }, csrf);
    assert.equal(dup.status, 409);
    const bad = await api(agent, 'POST', '/schools/094601/people', { idNumber: 'A123456780', name: '', birthday: '2012-13-40', identity: '校長' }, csrf);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json.issues.map((i: any) => i.path).sort(), ['body.birthday', 'body.idNumber', 'body.identity', 'body.name']);

    const list = await api(agent, 'GET', '/schools/094601/people');
    assert.equal(list.status, 200);
    const mine = list.json.records.find((r: any) => r.id === added.json.id);
    assert.deepEqual(mine.classes, [{ year: '114', semester: '1', grade: '6', classno: '601', classtitle: '六年一班' }]);
    assert.ok(!JSON.stringify(list.json).includes(idNumber));

    const corrected = await api(agent, 'PUT', `/schools/094601/people/${added.json.id}`, { name: '王曉明', titles: ['班長'] }, csrf);
    assert.equal(corrected.status, 200);
    assert.equal(corrected.json.name, '王曉明');
    assert.deepEqual(corrected.json.titles, ['班長']);
    assert.equal(corrected.json.classes.length, 1, 'what was not sent is kept');
    const moved = await api(agent, 'PUT', `/schools/094601/people/${added.json.id}`, { identity: '教師' }, csrf);
    assert.equal(moved.status, 200);
    assert.notEqual(moved.json.id, added.json.id, 'another identity is another record');
    assert.equal((await api(agent, 'GET', `/schools/094601/people/${added.json.id}`)).status, 404);
    const stored = await server.services.store.sourcePeople.find('094601', server.services.pii.idHash(idNumber));
    assert.deepEqual(stored.map((r) => [r.identity, r.name]), [['教師', '王曉明']]);

    const removed = await api(agent, 'DELETE', `/schools/094601/people/${moved.json.id}`, undefined, csrf);
    assert.equal(removed.status, 200);
    assert.equal((await api(agent, 'DELETE', `/schools/094601/people/${moved.json.id}`, undefined, csrf)).status, 404);
    assert.deepEqual(await server.services.store.sourcePeople.find('094601', server.services.pii.idHash(idNumber)), []);

    for (const type of ['admin.people.added', 'admin.people.listed', 'admin.people.corrected', 'admin.people.removed']) {
      const events = await auditSince(server, type, since);
      assert.ok(events.length >= 1, type);
      assert.equal(events[0]!.actor, `account:${admin.accountId}`);
      assert.equal(events[0]!.detail.school, '094601');
      assert.ok(!JSON.stringify(events).includes(idNumber), `${type} holds no identity number`);
    }
    assert.equal((await auditSince(server, 'admin.people.corrected', since)).length, 2);
  });

  test('the console: list, add (with a clear error first), correct and remove, all with the page’s CSRF token', async () => {
    const since = new Date();
    const id = randomIdNumber();
    const bad = await agent.post('/admin/people/094601/add', { _csrf: csrf, idNumber: id, name: '李老師', birthday: '1980/2/30', identity: '教師', titles: '', classYear: '', classSemester: '', classGrade: '', classNo: '', classTitle: '' });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /資料有誤，未做任何變更/);
    assert.match(badHtml, /這個日期不存在/);
    assert.deepEqual(await server.services.store.sourcePeople.find('094601', server.services.pii.idHash(id)), []);
    assert.equal((await agent.post('/admin/people/094601/add', { idNumber: id, name: '李老師', birthday: '1980/2/3', identity: '教師' })).status, 403, 'no CSRF token');

    const ok = await agent.post('/admin/people/094601/add', { _csrf: csrf, idNumber: id, name: '李老師', birthday: '1980/2/3', identity: '教師', titles: '導師;組長', classYear: '', classSemester: '', classGrade: '', classNo: '', classTitle: '' });
    assert.equal(ok.status, 303);
    const listed = await (await agent.get(ok.headers.get('location')!)).text();
    assert.match(listed, /已新增 李老師/);
    assert.match(listed, /導師、組長/);
    assert.ok(!listed.includes(id));
    const edit = `/admin/people/094601/t.${server.services.pii.idHash(id)}`;
    assert.ok(listed.includes(`href="${edit}"`), 'the record has its 更正 link');
    const editPage = await agent.get(edit);
    assert.equal(editPage.status, 200);
    const saved = await agent.post(edit, { _csrf: csrf, name: '李大同', identity: '教師', titles: '主任', classYear: '', classSemester: '', classGrade: '', classNo: '', classTitle: '' });
    assert.equal(saved.status, 303, await saved.text());
    assert.match(saved.headers.get('location')!, /notice=corrected/);
    assert.deepEqual((await server.services.store.sourcePeople.find('094601', server.services.pii.idHash(id))).map((r) => [r.name, r.titles]), [['李大同', ['主任']]]);
    const gone = await agent.post(`${edit}/remove`, { _csrf: csrf });
    assert.equal(gone.status, 303);
    assert.deepEqual(await server.services.store.sourcePeople.find('094601', server.services.pii.idHash(id)), []);
    assert.ok((await auditSince(server, 'admin.people.listed', since)).length >= 1);
    assert.equal((await auditSince(server, 'admin.people.removed', since)).length, 1);
  });
});
