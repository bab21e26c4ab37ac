import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { adminAgent, adminToken, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import type { Agent } from './support/agent.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, type TestServer } from './support/server.ts';

const PEOPLE_HEADER = 'school_code,id_number,name,birthday,identity,titles,class_year,class_semester,class_grade,class_no,class_title';
const SCHOOLS_HEADER = '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址';

/** Source rows with fresh, checksum-valid identity numbers. */
const people = (school: string, n: number, identity = '教師') =>
  Array.from({ length: n }, (_, i) => ({ id: randomIdNumber(), line: `${school},ID,上傳測試${String.fromCharCode(0x4e00 + i)},1980-0${(i % 9) + 1}-15,${identity},導師,,,,,` })).map((p) => ({
    ...p,
    line: p.line.replace('ID', p.id),
  }));

describe('uploads of school lists and source data: preview, then one atomic commit', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  let county: AdminUser;
  let agent: Agent;
  let csrf: string;
  let yunlin: string;
  let otherSchool: string;

  const counts = async () => {
    const [r] = await server.services.db.query<{ schools: string; people: string }>(`SELECT (SELECT count(*) FROM schools) AS schools, (SELECT count(*) FROM source_people) AS people`);
    return { schools: Number(r!.schools), people: Number(r!.people) };
  };

  before(async () => {
    server = await startServer();
    county = await adminUser(server, 'county.uploads', 'county-admin', { county: '雲林縣' });
    agent = await adminAgent(server, county);
    csrf = await consoleCsrf(agent);
    yunlin = (await server.services.store.directory.findCounty('雲林縣'))!.code;
    const [other] = await server.services.db.query<{ code: string }>(`SELECT code FROM schools WHERE county_code <> $1 ORDER BY code LIMIT 1`, [yunlin]);
    otherSchool = other!.code;
  });
  after(() => server?.cleanup());

  test('an import with bad rows changes nothing: the preview lists each bad row and its commit is refused', async () => {
    const good = people('094601', 3);
    const csv = [
      PEOPLE_HEADER,
      good[0]!.line,
      '094601,A123456780,錯號碼,1980-01-01,教師,,,,,,', // line 3: checksum
      good[1]!.line,
      '999998,' + randomIdNumber() + ',無此校,1980-01-01,教師,,,,,,', // line 5: unknown school
      '094601,' + randomIdNumber() + ',錯身分,1980-01-01,校長,,,,,,', // line 6: identity
      good[2]!.line,
    ].join('\n');
    const before = await counts();
    const preview = await api(agent, 'POST', '/uploads', { kind: 'people', csv }, csrf);
    assert.equal(preview.status, 201, JSON.stringify(preview.json));
    assert.deepEqual(
      preview.json.errors.map((e: any) => [e.line, e.field, e.key]),
      [
        [3, 'id_number', 'id.checksum'],
        [5, 'school_code', 'admin.upload.row.schoolCode'],
        [6, 'identity', 'admin.upload.row.identity'],
      ],
    );
    assert.match(preview.json.errors[0].message, /身分證字號/);
    assert.match(preview.json.errors[2].message_en, /identity/);
    assert.equal(preview.json.counts.rows, 6);
    assert.equal(preview.json.counts.errors, 3);
    assert.equal(preview.json.counts.inserted, 3, 'what the valid rows would add is still shown');
    assert.deepEqual(await counts(), before, 'a preview writes nothing');

    const commit = await api(agent, 'POST', `/uploads/${preview.json.id}/commit`, undefined, csrf);
    assert.equal(commit.status, 409);
    assert.equal(commit.json.error, 'conflict');
    assert.match(commit.json.message, /錯誤/);
    assert.deepEqual(await counts(), before, 'not one good row was imported');

    const schools = [SCHOOLS_HEADER, '114,097777,縣立上傳測試國小,公立,[09]雲林縣,[640]雲林縣斗六市測試路1號,05-5555555,', '114,0977,縣立壞代碼國小,公立,[09]雲林縣,,,'].join('\n');
    const sp = await api(agent, 'POST', '/uploads', { kind: 'schools', csv: schools }, csrf);
    assert.equal(sp.status, 201);
    assert.deepEqual(sp.json.errors.map((e: any) => [e.line, e.field, e.key]), [[3, '代碼', 'admin.upload.row.schoolCode']]);
    assert.equal((await api(agent, 'POST', `/uploads/${sp.json.id}/commit`, undefined, csrf)).status, 409);
    assert.deepEqual(await counts(), before);
  });

  test('a good file previews, then commits everything at once; a second commit is refused; both audited with counts', async () => {
    const rows = people('094601', 4, '學生');
    // The same student in a second class is one record.
    const twice = rows[0]!.line.replace(/,,,,,$/, ',114,1,3,301,三年一班');
    const csv = [PEOPLE_HEADER, ...rows.map((r) => r.line), twice].join('\n');
    const since = new Date();
    const before = await counts();
    const preview = await api(agent, 'POST', '/uploads', { kind: 'people', csv }, csrf);
    assert.equal(preview.status, 201);
    assert.deepEqual(preview.json.errors, []);
    assert.deepEqual(preview.json.counts, { rows: 5, records: 4, inserted: 4, updated: 0, unchanged: 0, errors: 0 });
    assert.deepEqual(await counts(), before);
    assert.equal(preview.json.committedAt, null);

    const seen = await api(agent, 'GET', `/uploads/${preview.json.id}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.json.counts, preview.json.counts);

    const commit = await api(agent, 'POST', `/uploads/${preview.json.id}/commit`, undefined, csrf);
    assert.equal(commit.status, 200, JSON.stringify(commit.json));
    assert.deepEqual(commit.json.written, { inserted: 4, updated: 0 });
    assert.ok(commit.json.committedAt);
    assert.deepEqual(await counts(), { ...before, people: before.people + 4 });

    const again = await api(agent, 'POST', `/uploads/${preview.json.id}/commit`, undefined, csrf);
    assert.equal(again.status, 409);
    assert.deepEqual(await counts(), { ...before, people: before.people + 4 });

    // The same file again: nothing new, nothing changed.
    const same = await api(agent, 'POST', '/uploads', { kind: 'people', csv }, csrf);
    assert.deepEqual(same.json.counts, { rows: 5, records: 4, inserted: 0, updated: 0, unchanged: 4, errors: 0 });

    const previewed = await auditSince(server, 'admin.upload.previewed', since);
    assert.equal(previewed.length, 2);
    assert.equal(previewed[1]!.actor, `account:${county.accountId}`);
    assert.equal(previewed[1]!.detail.counts.inserted, 4);
    const committed = await auditSince(server, 'admin.upload.committed', since);
    assert.equal(committed.length, 1);
    assert.deepEqual([committed[0]!.detail.upload, committed[0]!.detail.inserted, committed[0]!.detail.updated], [preview.json.id, 4, 0]);

    const schools = [SCHOOLS_HEADER, '114,097778,縣立整批測試國小,公立,[09]雲林縣,[640]雲林縣斗六市測試路2號,05-5555556,'].join('\n');
    const sp = await api(agent, 'POST', '/uploads', { kind: 'schools', csv: schools }, csrf);
    assert.deepEqual(sp.json.counts, { rows: 1, records: 1, inserted: 1, updated: 0, unchanged: 0, errors: 0 });
    assert.equal(await server.services.store.directory.getSchool('097778'), undefined);
    assert.equal((await api(agent, 'POST', `/uploads/${sp.json.id}/commit`, undefined, csrf)).status, 200);
    assert.equal((await server.services.store.directory.getSchool('097778'))?.name, '縣立整批測試國小');
  });

  test('another administrator can neither see nor commit someone else’s preview', async () => {
    const csv = [PEOPLE_HEADER, people('094601', 1)[0]!.line].join('\n');
    const preview = await api(agent, 'POST', '/uploads', { kind: 'people', csv }, csrf);
    const other = await adminUser(server, 'county.other', 'county-admin', { county: '雲林縣' });
    const otherAgent = await adminAgent(server, other);
    const otherCsrf = await consoleCsrf(otherAgent);
    assert.equal((await api(otherAgent, 'GET', `/uploads/${preview.json.id}`)).status, 404);
    assert.equal((await api(otherAgent, 'POST', `/uploads/${preview.json.id}/commit`, undefined, otherCsrf)).status, 404);
    assert.equal((await api(agent, 'GET', `/uploads/${preview.json.id}`)).json.committedAt, null);
  });

  test('a county-bounded token pushes its county’s source data; rows of another county are row errors, audited as refusals', async () => {
    const token = await adminToken(server, ['admin:people'], { county: yunlin });
    const mine = people('094601', 2);
    const ok = await api(token, 'POST', '/uploads', { kind: 'people', csv: [PEOPLE_HEADER, ...mine.map((r) => r.line)].join('\n') });
    assert.equal(ok.status, 201);
    const before = await counts();
    const committed = await api(token, 'POST', `/uploads/${ok.json.id}/commit`);
    assert.equal(committed.status, 200);
    assert.deepEqual(await counts(), { ...before, people: before.people + 2 });

    const since = new Date();
    const foreign = people(otherSchool, 1)[0]!;
    const mixed = await api(token, 'POST', '/uploads', { kind: 'people', csv: [PEOPLE_HEADER, people('094601', 1)[0]!.line, foreign.line].join('\n') });
    assert.equal(mixed.status, 201);
    assert.deepEqual(mixed.json.errors.map((e: any) => [e.line, e.field, e.key]), [[3, 'school_code', 'admin.upload.row.outOfReach']]);
    const refused = await auditSince(server, 'admin.refused', since);
    assert.equal(refused.length, 1);
    assert.equal(refused[0]!.actor, `client:${token.clientId}`);
    assert.deepEqual(refused[0]!.detail.target, { kind: 'school', code: otherSchool });
    assert.equal((await api(token, 'POST', `/uploads/${mixed.json.id}/commit`)).status, 409);
    assert.deepEqual(await counts(), { ...before, people: before.people + 2 });

    // A school list needs admin:directory, which this token does not hold.
    const schools = await api(token, 'POST', '/uploads', { kind: 'schools', csv: SCHOOLS_HEADER });
    assert.equal(schools.status, 403);
    assert.equal((await auditSince(server, 'admin.refused', since)).length, 2);
  });

  test('the preview never holds a plain identity number or birthday', async () => {
    const rows = people('094601', 3);
    const preview = await api(agent, 'POST', '/uploads', { kind: 'people', csv: [PEOPLE_HEADER, ...rows.map((r) => r.line)].join('\n') }, csrf);
    const [stored] = await server.services.db.query<{ text: string }>(`SELECT rows::text || errors::text || counts::text AS text FROM uploads WHERE id = $1`, [preview.json.id]);
    assert.ok(stored!.text.includes(server.services.pii.idHash(rows[0]!.id)), 'the rows are kept, hashed');
    for (const r of rows) assert.ok(!stored!.text.includes(r.id), 'no plain identity number');
    assert.ok(!/1980-0\d-15/.test(stored!.text), 'no plain birthday');
  });

  test('the console takes a file through a multipart form (CSRF checked), then shows the preview and commits', async () => {
    const csv = [PEOPLE_HEADER, people('094601', 1)[0]!.line].join('\n');
    const post = (fields: Record<string, string>, file?: string) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      if (file !== undefined) body.set('file', new Blob([file], { type: 'text/csv' }), 'people.csv');
      return agent.request('/admin/uploads', { method: 'POST', body });
    };
    const noToken = await post({ kind: 'people' }, csv);
    assert.equal(noToken.status, 403);
    const noFile = await post({ kind: 'people', _csrf: csrf });
    assert.equal(noFile.status, 400);
    assert.match(await noFile.text(), /請選擇要上傳的 CSV 檔案/);
    const urlencoded = await agent.post('/admin/uploads', { kind: 'people', _csrf: csrf });
    assert.equal(urlencoded.status, 415);
    const huge = await post({ kind: 'people', _csrf: csrf }, PEOPLE_HEADER + '\n' + 'x'.repeat(6 * 1024 * 1024));
    assert.equal(huge.status, 413, 'more than 5 MB');

    const before = await counts();
    const ok = await post({ kind: 'people', _csrf: csrf }, '\ufeff' + csv);
    assert.equal(ok.status, 303);
    const location = ok.headers.get('location')!;
    const page = await (await agent.get(location)).text();
    assert.match(page, /匯入預覽/);
    assert.match(page, /確認匯入/);
    const commit = await agent.post(`${location}/commit`, { _csrf: csrf });
    assert.equal(commit.status, 303);
    assert.match(await (await agent.get(commit.headers.get('location')!)).text(), /已匯入：新增 1 筆/);
    assert.deepEqual(await counts(), { ...before, people: before.people + 1 });
    const twice = await agent.post(`${location}/commit`, { _csrf: csrf });
    assert.equal(twice.status, 409);
    assert.match(await twice.text(), /已經匯入過/);
  });
  test('the school directory: a county administrator finds its county’s schools only; another county is refused and audited', async () => {
    const found = await api(agent, 'GET', `/schools?q=${encodeURIComponent('鎮西')}`);
    assert.equal(found.status, 200);
    assert.ok(found.json.schools.some((s: any) => s.code === '094601'));
    assert.ok(found.json.schools.every((s: any) => s.countyCode === yunlin));
    const all = await api(agent, 'GET', '/schools');
    assert.ok(all.json.total > 0 && all.json.schools.every((s: any) => s.countyCode === yunlin));
    assert.equal((await api(agent, 'GET', '/schools/094601')).json.name, '縣立鎮西國小');

    const since = new Date();
    const [other] = await server.services.db.query<{ county_code: string }>(`SELECT county_code FROM schools WHERE code = $1`, [otherSchool]);
    assert.equal((await api(agent, 'GET', `/schools/${otherSchool}`)).status, 403);
    assert.equal((await api(agent, 'GET', `/schools?county=${other!.county_code}`)).status, 403);
    const refused = await auditSince(server, 'admin.refused', since);
    assert.deepEqual(refused.map((e) => e.detail.target.kind).sort(), ['county', 'school']);
    const page = await agent.get(`/admin/schools?county=${other!.county_code}`);
    assert.equal(page.status, 403);
  });
});
