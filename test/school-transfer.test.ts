import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { SCHOOL_QUERY_PER_ACCOUNT } from '../src/flows/school-transfer/service.ts';
import { demoAccounts, demoMovedPeople, demoSourcePeople } from '../src/seed/demo.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';

const teacher = demoAccounts[0];
const moved = demoMovedPeople[0];
const school = { county: '10009000', district: '10009010', level: '國小' };
type Page = { status: number; html: string; location: string | null };

describe('更新個人資料: a teacher moved school (SPEC 肆)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.cleanup());

  const read = async (res: Response): Promise<Page> => ({ status: res.status, html: await res.text(), location: res.headers.get('location') });
  const post = async (agent: Agent, action: string, html: string, fields: Record<string, string>) => read(await agent.post(action, { ...formOf(html).fields, ...fields }));
  const teacherId = async () => (await server.services.accounts.findByUsername(teacher.username))!.id;
  const schools = async () => (await server.services.accounts.affiliations(await teacherId())).map((a) => a.schoolCode);

  /** Signed in through the login page that /account/school sends to, and back on the query form. */
  async function signedIn(): Promise<{ agent: Agent; form: string }> {
    const agent = new Agent(server.issuer);
    const first = await agent.get('/account/school');
    assert.equal(first.headers.get('location'), '/login?next=%2Faccount%2Fschool');
    const login = await (await agent.get(first.headers.get('location')!)).text();
    const { action, fields } = formOf(login);
    const res = await agent.post(action, { ...fields, account: teacher.username, password: teacher.password, captcha: TEST_CAPTCHA, action: 'login' });
    assert.equal(res.headers.get('location'), '/account/school', 'the login comes back');
    const form = await (await agent.get('/account/school')).text();
    assert.ok(form.includes('action="/account/school/query"'), 'credentials just proven: the query form at once');
    return { agent, form };
  }
  const query = (agent: Agent, form: string, fields: Record<string, string>) => post(agent, '/account/school/query', form, { ...school, action: 'query', ...fields });

  test('after 5 minutes the password is asked again at /account/confirm; no query before it, nothing changes', async () => {
    const { agent, form } = await signedIn();
    await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '6 minutes'`);
    const ask = await agent.get('/account/school');
    assert.equal(ask.status, 303);
    assert.equal(ask.headers.get('location'), '/account/confirm?next=%2Faccount%2Fschool');
    const early = await post(agent, '/account/school/query', form, { ...school, school: moved.schoolCode, id_number: moved.idNumber, action: 'query' });
    assert.equal(early.location, '/account/confirm?next=%2Faccount%2Fschool', 'no query before the password');
    const late = await post(agent, '/account/school/update', form, { school: moved.schoolCode });
    assert.equal(late.location, '/account/confirm?next=%2Faccount%2Fschool', 'no update before the password');
    const question = await read(await agent.get('/account/confirm?next=%2Faccount%2Fschool'));
    assert.ok(question.html.includes(`value="${teacher.username}" readonly`), 'the account shown read-only');
    const wrong = await post(agent, '/account/confirm', question.html, { password: 'Wrong#Pass123', next: '/account/school' });
    assert.equal(wrong.status, 400);
    const right = await post(agent, '/account/confirm', question.html, { password: teacher.password, next: '/account/school' });
    assert.equal(right.location, '/account/school');
    assert.ok((await (await agent.get('/account/school')).text()).includes('action="/account/school/query"'));
    assert.deepEqual(await schools(), ['094601']);
  });

  test('missing fields get their messages beside them; the lists follow the choices without JavaScript', async () => {
    const { agent, form } = await signedIn();
    const refreshed = await post(agent, '/account/school/query', form, { county: school.county, district: school.district, level: '', school: '', id_number: '', action: 'refresh' });
    assert.equal(refreshed.status, 200);
    assert.ok(refreshed.html.includes('value="國小"'), 'levels of the district listed');
    const missing = await query(agent, form, { school: '', id_number: '' });
    assert.equal(missing.status, 400);
    assert.ok(missing.html.includes('id="school-error"') && missing.html.includes('請選擇學校單位。'), missing.html);
    assert.ok(missing.html.includes('id="id_number-error"') && missing.html.includes('請輸入身分證字號或居留證號。'));
    const bad = await query(agent, form, { school: moved.schoolCode, id_number: 'N123456789' });
    assert.equal(bad.status, 400);
    assert.ok(bad.html.includes('身分證字號或居留證號格式不正確。'));
    const elsewhere = await query(agent, form, { county: '10063000', school: moved.schoolCode, id_number: moved.idNumber });
    assert.equal(elsewhere.status, 400, 'a school outside the chosen county is no choice');
    assert.deepEqual(await schools(), ['094601']);
  });

  test("another person's number answers like a school without a record, and changes nothing", async () => {
    const { agent, form } = await signedIn();
    const other = demoSourcePeople[0]; // 陳怡君 has a record at 094601: not the teacher's to take
    const notMine = await query(agent, form, { school: other.schoolCode, id_number: other.idNumber });
    const noRecord = await query(agent, form, { school: '094603', id_number: moved.idNumber });
    for (const r of [notMine, noRecord]) {
      assert.equal(r.status, 200);
      assert.ok(r.html.includes('倘若無顯示現職單位，請洽貴校人事'), r.html);
      assert.ok(r.html.includes('href="/contact?category=source-not-found"'));
      assert.ok(!r.html.includes('來源資料</th>'), 'no comparison');
    }
    const strip = (h: string) => /<main[\s\S]*<\/main>/.exec(h)![0].replace(/value="[^"]*"/g, '').replace(/\s*selected/g, '').replace(/\s+/g, '');
    assert.equal(strip(notMine.html), strip(noRecord.html), 'the two answers are the same page');
    // 「更新」 posted for a school without the teacher's record takes nothing.
    const forged = await post(agent, '/account/school/update', form, { school: other.schoolCode });
    assert.ok(forged.html.includes('倘若無顯示現職單位'));
    assert.deepEqual(await schools(), ['094601']);
  });

  test('searches are limited per account', async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
    const { agent, form } = await signedIn();
    for (let i = 0; i < SCHOOL_QUERY_PER_ACCOUNT.points; i++) assert.equal((await query(agent, form, { school: '094603', id_number: moved.idNumber })).status, 200);
    const refused = await query(agent, form, { school: moved.schoolCode, id_number: moved.idNumber });
    assert.equal(refused.status, 429);
    assert.ok(refused.html.includes('查詢次數過多'));
    await server.services.db.query(`DELETE FROM rate_limits`);
  });

  test('a form without its CSRF token changes nothing', async () => {
    const { agent } = await signedIn();
    const res = await agent.post('/account/school/update', { school: moved.schoolCode });
    assert.equal(res.status, 403);
    assert.deepEqual(await schools(), ['094601']);
  });

  test('the whole journey: query, 目前資料 beside 來源資料, 更新, 更新成功, the profile and eduinfo show the new school', async () => {
    const { agent, form } = await signedIn();
    const compare = await query(agent, form, { school: moved.schoolCode, id_number: moved.idNumber.toLowerCase() });
    assert.equal(compare.status, 200);
    for (const text of ['<th scope="col">目前資料</th>', '<th scope="col">來源資料</th>', '縣立鎮西國小', '縣立鎮東國小', '生教組長', '四年二班', '三年一班'])
      assert.ok(compare.html.includes(text), text);
    const done = await post(agent, '/account/school/update', compare.html, {});
    assert.equal(done.status, 200);
    assert.ok(done.html.includes('更新成功') && done.html.includes('href="/account"') && done.html.includes('確定'));

    assert.deepEqual(await schools(), [moved.schoolCode], 'the new school replaced the old');
    const profile = await (await agent.get('/account')).text();
    assert.ok(profile.includes('縣立鎮東國小') && profile.includes('生教組長') && !profile.includes('縣立鎮西國小'));
    const [event] = (await server.services.store.audit.forAccount(await teacherId(), 20)).filter((e) => e.type === 'account.school_changed');
    assert.deepEqual(event?.detail, { from: ['094601'], to: [moved.schoolCode] });

    // An application signing the teacher in from now on reads the new school in eduinfo.
    const provider = await createProvider(server.services);
    const app = await addClient(server.services.clients, { name: '校務系統', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, app.clientId, app.clientSecret);
    const { tokens } = await signIn(new Agent(server.issuer), config, { redirectUri: 'http://app.localhost/cb', username: teacher.username, password: teacher.password });
    const edu = (await (await fetch(`${server.issuer}/moeresource/api/v1/oidc/eduinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as any;
    assert.equal(edu.schoolid, moved.schoolCode);
    assert.deepEqual(edu.titles, [{ schoolid: moved.schoolCode, titles: ['教師', '生教組長'] }]);
    assert.deepEqual(edu.classinfo.map((c: { classtitle: string; schoolid: string }) => [c.schoolid, c.classtitle]), [[moved.schoolCode, '四年二班']]);
  });
});
