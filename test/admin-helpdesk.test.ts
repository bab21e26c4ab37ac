import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { adminAgent, adminToken, adminUser, api, auditSince, consoleCsrf, type AdminUser } from './support/admin.ts';
import type { Agent } from './support/agent.ts';
import { Agent as HttpAgent, formOf } from './support/agent.ts';
import { throughVerification } from './support/registration.ts';
import { demoSourcePeople } from '../src/seed/demo.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { startSmsGateway } from './support/sms-gateway.ts';
import { accountWithTwoFactor } from './support/two-factor.ts';
import { agentFrom } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';

const ID = 'E123456783';
let addresses = 0;

/** A report through the real 聯絡我們 form; returns its ticket number. */
async function report(server: TestServer, fields: { category: string; who: string; contact: string; description: string; name?: string }) {
  const agent = agentFrom(server.issuer, `198.51.100.${++addresses}`);
  const page = await (await agent.get(`/contact?category=${fields.category}`)).text();
  const { action, fields: hidden } = formOf(page);
  const res = await agent.post(action, { ...hidden, captcha: TEST_CAPTCHA, action: 'send', name: '林美玲', ...fields });
  const id = /案件編號 (\d+)/.exec(await res.text())?.[1];
  assert.ok(id, 'a ticket number');
  return Number(id);
}

/** Posts a console form with the page's CSRF token; follows nothing. */
async function postForm(agent: Agent, path: string, fields: Record<string, string>) {
  const csrf = await consoleCsrf(agent);
  const res = await agent.post(path, { _csrf: csrf, ...fields });
  return { status: res.status, location: res.headers.get('location') ?? undefined, html: await res.text() };
}

const page = async (agent: Agent, path: string) => {
  const res = await agent.get(path);
  return { status: res.status, html: await res.text() };
};

const ticketLinks = (html: string) => [...html.matchAll(/href="\/admin\/tickets\/(\d+)"/g)].map((m) => Number(m[1]));

describe('the helpdesk: queue, ticket, replies, statuses, resolution actions and scope', { skip: oathtoolSkipReason() }, () => {
  let server: TestServer;
  const smtp = new SmtpCapture();
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  let helpdesk: AdminUser;
  let desk: Agent;
  let yunlinAdmin: AdminUser;
  let yunlin: Agent;
  let yunlinCode: string;
  let taipeiCode: string;
  let taipeiSchool: string;
  let person: { id: string; secret: string };
  let taipeiPerson: string;
  const t: { mine: number; taipei: number; nowhere: number } = { mine: 0, taipei: 0, nowhere: 0 };

  const status = async (id: number) => (await server.services.store.tickets.get(id))!.status;
  const messages = (id: number) => server.services.store.tickets.messages(id);

  before(async () => {
    const port = await smtp.start();
    sms = await startSmsGateway();
    server = await startServer({
      env: { TRUST_PROXY: 'true', SMTP_URL: `smtp://127.0.0.1:${port}`, SMS_GATEWAY_URL: sms.url, SMS_USERNAME: 'edusso', SMS_PASSWORD: 'secret', MAIL_FROM: 'edusso <no-reply@example.edu.tw>' },
    });
    const { store } = server.services;
    yunlinCode = (await store.directory.findCounty('雲林縣'))!.code;
    taipeiCode = (await store.directory.findCounty('臺北市'))!.code;
    taipeiSchool = (await server.services.db.query<{ code: string }>(`SELECT code FROM schools WHERE county_code = $1 ORDER BY code LIMIT 1`, [taipeiCode]))[0]!.code;

    const one = await accountWithTwoFactor(server, 'person.one', 'Pers0n-Passw0rd!', { email: 'person.one@example.com' });
    await store.accounts.setContacts(one.account.id, { email: 'person.one@example.com', mobile: '0911222333' });
    await store.accounts.setAffiliation(one.account.id, { schoolCode: '094601', identity: '教師', titles: ['導師'], classes: [] });
    await store.signIns.record({ accountId: one.account.id, kind: 'authentication', method: 'password', result: 'failed', ip: '203.0.113.77', userAgent: 'Mozilla/5.0 Firefox/120.0' });
    person = { id: one.account.id, secret: one.secret };
    const other = await store.accounts.create({ username: 'person.taipei', passwordHash: 'x', displayName: '王大明', email: 'taipei@example.com' });
    await store.accounts.setAffiliation(other.id, { schoolCode: taipeiSchool, identity: '教師', titles: [], classes: [] });
    taipeiPerson = other.id;

    t.mine = await report(server, { category: 'account', who: 'person.one', contact: 'reporter@example.com', description: '我無法登入' });
    t.taipei = await report(server, { category: 'data-error', who: 'person.taipei', contact: '0912-345-678', description: '職稱錯誤' });
    t.nowhere = await report(server, { category: 'school-not-found', who: ID, contact: 'new.teacher@example.com', description: '我找不到我的學校：新設分校' });

    helpdesk = await adminUser(server, 'hd.agent', 'helpdesk');
    desk = await adminAgent(server, helpdesk);
    yunlinAdmin = await adminUser(server, 'yl.admin', 'county-admin', { county: '雲林縣' });
    yunlin = await adminAgent(server, yunlinAdmin);
  });
  after(async () => {
    await server?.cleanup();
    await smtp.stop();
    await sms?.close();
  });

  test('tickets from the real 聯絡我們 form carry their county and account, and show in the queue with filters', async () => {
    const mine = (await server.services.store.tickets.get(t.mine))!;
    assert.equal(mine.countyCode, yunlinCode, 'the county of the named account’s school');
    assert.equal(mine.accountId, person.id);
    assert.equal(mine.status, 'new');
    assert.equal((await server.services.store.tickets.get(t.taipei))!.countyCode, taipeiCode);
    assert.equal((await server.services.store.tickets.get(t.nowhere))!.countyCode, null, 'an unknown number names no county');

    const all = await page(desk, '/admin/tickets');
    assert.equal(all.status, 200);
    for (const id of Object.values(t)) assert.ok(ticketLinks(all.html).includes(id), `ticket ${id} listed`);
    assert.ok(all.html.includes('帳號或密碼問題') && all.html.includes('雲林縣') && all.html.includes('新案件'));

    assert.deepEqual(ticketLinks((await page(desk, '/admin/tickets?category=account')).html), [t.mine]);
    assert.deepEqual(ticketLinks((await page(desk, `/admin/tickets?county=${taipeiCode}`)).html), [t.taipei]);
    assert.deepEqual(ticketLinks((await page(desk, '/admin/tickets?status=resolved')).html), []);
    assert.deepEqual(ticketLinks((await page(desk, '/admin/tickets?olderThanDays=2')).html), []);
    await server.services.db.query(`UPDATE helpdesk_tickets SET created_at = now() - interval '3 days' WHERE id = $1`, [t.nowhere]);
    assert.deepEqual(ticketLinks((await page(desk, '/admin/tickets?olderThanDays=2&status=new')).html), [t.nowhere]);

    const bad = await page(desk, '/admin/tickets?olderThanDays=abc');
    assert.equal(bad.status, 400);
    assert.ok(bad.html.includes('天數須為 0 至 3650 的整數'));

    const viaApi = await api(desk, 'GET', '/tickets?category=data-error');
    assert.equal(viaApi.status, 200);
    assert.deepEqual(viaApi.json.tickets.map((x: { id: number }) => x.id), [t.taipei]);
    assert.equal(viaApi.json.tickets[0].countyName, '臺北市');
    const badApi = await api(desk, 'GET', '/tickets?status=open');
    assert.equal(badApi.status, 400);
    assert.equal(badApi.json.error, 'invalid_request');
  });

  test('a registration report (查無資料，回報問題) carries the county of the school chosen, and names no account', async () => {
    const p = demoSourcePeople[1]!;
    const agent = new HttpAgent(server.issuer);
    const school = (await server.services.store.directory.getSchool(p.schoolCode))!;
    const noMatch = await throughVerification(agent, server.services.db, { schoolCode: p.schoolCode, idNumber: p.idNumber, name: '張志名', birthday: p.birthday.replaceAll('-', '/') });
    assert.equal(noMatch.status, 404);
    const html = await (await agent.get('/contact?category=source-not-found&from=register')).text();
    const { action, fields } = formOf(html);
    const sent = await agent.post(action, { ...fields, category: 'source-not-found', who: p.idNumber, name: '張志名', contact: 'me@example.com', description: '人事說我在名單上', captcha: TEST_CAPTCHA, action: 'send' });
    const id = Number(/案件編號 (\d+)/.exec(await sent.text())![1]);
    const ticket = (await server.services.store.tickets.get(id))!;
    assert.equal(ticket.countyCode, school.countyCode);
    assert.equal(ticket.accountId, null);
    const shown = await page(desk, `/admin/tickets/${id}`);
    assert.ok(shown.html.includes('申請帳號的回報問題') && shown.html.includes(school.countyName));
    await server.services.db.query(`DELETE FROM helpdesk_tickets WHERE id = $1`, [id]);
  });

  test('a ticket shows what the reporter entered (the number masked), the named account’s state and sign-ins; the read is audited', async () => {
    const since = new Date();
    const nowhere = await page(desk, `/admin/tickets/${t.nowhere}`);
    assert.equal(nowhere.status, 200);
    assert.ok(nowhere.html.includes('E12****783'), 'the number masked');
    assert.ok(!nowhere.html.includes(ID), 'never the whole number');
    assert.ok(nowhere.html.includes('新設分校'));
    assert.ok(nowhere.html.includes('此案件未對應到任何既有帳號'));

    const mine = await page(desk, `/admin/tickets/${t.mine}`);
    for (const text of ['person.one', '啟用中', 'person.one@example.com（已驗證）', '0911222333', '已啟用', '縣立鎮西國小（094601） 教師 導師', '203.0.113.77', '失敗'])
      assert.ok(mine.html.includes(text), text);
    const viewed = await auditSince(server, 'admin.ticket.viewed', since);
    assert.equal(viewed.length, 2);
    assert.equal(viewed[0]!.actor, `account:${helpdesk.accountId}`);
    assert.equal(viewed[0]!.account_id, person.id);

    const json = await api(desk, 'GET', `/tickets/${t.nowhere}`);
    assert.equal(json.status, 200);
    assert.equal(json.json.idMasked, 'E12****783');
    assert.equal(json.json.account, null);
    assert.ok(!JSON.stringify(json.json).includes(ID));
    assert.equal((await api(desk, 'GET', '/tickets/999999')).status, 404);
  });

  test('a reply by email reaches the real SMTP server in the ticket’s language and is kept in the ticket', async () => {
    const since = new Date();
    const r = await postForm(desk, `/admin/tickets/${t.mine}/reply`, { channel: 'email', body: '請改用「忘記密碼」重設。' });
    assert.equal(r.status, 303);
    assert.match(r.location!, new RegExp(`/admin/tickets/${t.mine}\\?done=replied`));
    const mail = await waitFor('the reply mail', () => smtp.mails.find((m) => m.to.includes('reporter@example.com') && m.text.includes('忘記密碼」重設')));
    assert.ok(mail.text.includes(`案件編號：${t.mine}`));
    assert.match(mail.raw, /Subject: .*/);
    const kept = await messages(t.mine);
    assert.deepEqual(kept.map((m) => [m.direction, m.channel, m.to, m.body, m.actorName]), [['reply', 'email', 'reporter@example.com', '請改用「忘記密碼」重設。', 'hd.agent']]);
    const shown = await page(desk, `/admin/tickets/${t.mine}?done=replied`);
    assert.ok(shown.html.includes('回覆已排入寄送') && shown.html.includes('請改用「忘記密碼」重設。'));
    assert.equal((await auditSince(server, 'admin.ticket.replied', since)).length, 1);

    const empty = await postForm(desk, `/admin/tickets/${t.mine}/reply`, { channel: 'email', body: '   ' });
    assert.equal(empty.status, 400);
    assert.ok(empty.html.includes('請輸入回覆內容'));
    assert.equal((await messages(t.mine)).length, 1, 'a refused reply keeps nothing');
  });

  test('a reply by SMS reaches the SMS gateway; a channel the reporter cannot be reached on is refused and keeps nothing', async () => {
    const csrf = await consoleCsrf(desk);
    const res = await api(desk, 'POST', `/tickets/${t.taipei}/replies`, { channel: 'sms', body: '已更正職稱' }, csrf);
    assert.equal(res.status, 201);
    assert.equal(res.json.to, '0912345678');
    const text = await waitFor('the SMS', () => sms.received.find((m) => m.to === '0912345678' && m.text.includes('已更正職稱')));
    assert.ok(text.text.includes(String(t.taipei)));
    assert.equal(text.username, 'edusso');

    // The reporter gave a mobile; the account has an email: a mail reply goes there.
    const viaAccount = await api(desk, 'POST', `/tickets/${t.taipei}/replies`, { channel: 'email', body: '另寄信箱' }, csrf);
    assert.equal(viaAccount.status, 201);
    assert.equal(viaAccount.json.to, 'taipei@example.com');
    const nowhere = await api(desk, 'POST', `/tickets/${t.nowhere}/replies`, { channel: 'sms', body: '簡訊' }, csrf);
    assert.equal(nowhere.status, 409);
    assert.equal(nowhere.json.error, 'conflict');
    assert.match(nowhere.json.message, /無法以簡訊回覆/);
    assert.equal((await messages(t.nowhere)).length, 0);
  });

  test('statuses move new → in-progress → waiting → resolved; a bad move is refused with nothing changed', async () => {
    const csrf = await consoleCsrf(desk);
    const early = await api(desk, 'POST', `/tickets/${t.nowhere}/status`, { status: 'resolved' }, csrf);
    assert.equal(early.status, 409);
    assert.match(early.json.message, /無法從「新案件」改為「已解決」/);
    assert.equal(await status(t.nowhere), 'new');
    assert.equal((await messages(t.nowhere)).length, 0);

    const before = (await messages(t.mine)).length;
    for (const to of ['in-progress', 'waiting', 'resolved']) {
      const r = await postForm(desk, `/admin/tickets/${t.mine}/status`, { status: to });
      assert.equal(r.status, 303, to);
      assert.equal(await status(t.mine), to);
    }
    assert.ok((await server.services.store.tickets.get(t.mine))!.resolvedAt instanceof Date);
    const notes = (await messages(t.mine)).slice(before).map((m) => m.body);
    assert.deepEqual(notes, ['狀態：新案件 → 處理中', '狀態：處理中 → 等待回覆', '狀態：等待回覆 → 已解決']);

    const bad = await postForm(desk, `/admin/tickets/${t.mine}/status`, { status: 'waiting' });
    assert.equal(bad.status, 409);
    assert.ok(bad.html.includes('案件無法從「已解決」改為「等待回覆」，未做任何變更。'));
    const nonsense = await postForm(desk, `/admin/tickets/${t.mine}/status`, { status: 'open' });
    assert.equal(nonsense.status, 400);
    assert.equal(await status(t.mine), 'resolved');
    assert.equal((await messages(t.mine)).length, before + 3);
    assert.equal((await api(desk, 'GET', `/tickets?status=resolved`)).json.tickets.length, 1);
  });

  test('resolution actions: add a missing school and a source record, each checked, noted in the ticket and audited', async () => {
    const since = new Date();
    const bad = await postForm(desk, `/admin/tickets/${t.nowhere}/school`, { school_code: 'x', school_name: '新設分校', school_level: '國小', school_county: yunlinCode, school_address: '雲林縣斗六市大學路1號' });
    assert.equal(bad.status, 400);
    assert.ok(bad.html.includes('學校代碼須為 6 碼英數字'));
    assert.ok(bad.html.includes('value="新設分校"'), 'what was typed is kept');
    const added = await postForm(desk, `/admin/tickets/${t.nowhere}/school`, { school_code: '09Z901', school_name: '縣立新設國小', school_level: '國小', school_county: yunlinCode, school_address: '雲林縣斗六市大學路1號', school_ownership: '公立' });
    assert.equal(added.status, 303);
    const school = await server.services.store.directory.getSchool('09Z901');
    assert.equal(school?.countyCode, yunlinCode);
    assert.equal(school?.districtName, '斗六市');
    const again = await postForm(desk, `/admin/tickets/${t.nowhere}/school`, { school_code: '09Z901', school_name: '縣立新設國小', school_level: '國小', school_county: yunlinCode, school_address: '雲林縣斗六市大學路1號' });
    assert.equal(again.status, 409);
    assert.equal((await auditSince(server, 'admin.school.added', since)).length, 1);

    const csrf = await consoleCsrf(desk);
    const wrong = await api(desk, 'POST', `/tickets/${t.nowhere}/actions/source-record`, { schoolCode: '09Z901', idNumber: 'E123456789', name: '林美玲', birthday: '1980-05-17', identity: '教師' }, csrf);
    assert.equal(wrong.status, 400);
    assert.match(wrong.json.message, /身分證字號格式不正確/);
    const ok = await api(desk, 'POST', `/tickets/${t.nowhere}/actions/source-record`, { schoolCode: '09Z901', idNumber: ID, name: '林美玲', birthday: '1980-05-17', identity: '教師', titles: '導師' }, csrf);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json, { inserted: 1, updated: 0 });
    const [record] = await server.services.store.sourcePeople.find('09Z901', server.services.pii.idHash(ID));
    assert.equal(record?.name, '林美玲');
    assert.deepEqual(record?.titles, ['導師']);
    const corrected = await api(desk, 'POST', `/tickets/${t.nowhere}/actions/source-record`, { schoolCode: '09Z901', idNumber: ID, name: '林美玲', birthday: '1980-05-17', identity: '教師', titles: '組長' }, csrf);
    assert.deepEqual(corrected.json, { inserted: 0, updated: 1 });
    const audited = await auditSince(server, 'admin.source.upserted', since);
    assert.equal(audited.length, 2);
    assert.ok(!JSON.stringify(audited).includes(ID), 'the audit log never holds the number');
    const notes = (await messages(t.nowhere)).map((m) => m.body);
    assert.deepEqual(notes, ['已新增學校 縣立新設國小（09Z901）', '已新增來源資料：縣立新設國小（09Z901） 教師 E12****783', '已更正來源資料：縣立新設國小（09Z901） 教師 E12****783']);
  });

  test('resolution actions on the named account: resend a verification, re-enable, reset two-factor (reason required)', async () => {
    const { store } = server.services;
    const since = new Date();
    const sent = await postForm(desk, `/admin/tickets/${t.mine}/resend-verification`, {});
    assert.equal(sent.status, 303);
    const mail = await waitFor('the verification mail', () => smtp.mails.find((m) => m.to.includes('person.one@example.com') && m.text.includes('/forgot-password/code')));
    assert.ok(mail.text.includes('person.one'));
    await waitFor('the verification SMS', () => sms.received.find((m) => m.to === '0911222333'));
    assert.equal((await auditSince(server, 'admin.account.verification_sent', since)).length, 1);

    const notDisabled = await postForm(desk, `/admin/tickets/${t.mine}/enable`, {});
    assert.equal(notDisabled.status, 409);
    await store.accounts.disable(person.id, 'inactive');
    assert.ok((await page(desk, `/admin/tickets/${t.mine}`)).html.includes('已停用（長期未登入）'));
    const enabled = await postForm(desk, `/admin/tickets/${t.mine}/enable`, {});
    assert.equal(enabled.status, 303);
    assert.equal((await store.accounts.findById(person.id))!.status, 'active');
    const [event] = await auditSince(server, 'admin.account.enabled', since);
    assert.equal(event?.account_id, person.id);
    assert.deepEqual(event?.detail, { was: 'inactive' });

    await store.webSessions.create(randomBytes(16).toString('hex'), person.id, 3600);
    const noReason = await postForm(desk, `/admin/tickets/${t.mine}/reset-two-factor`, { reason: '  ' });
    assert.equal(noReason.status, 400);
    assert.ok(noReason.html.includes('請填寫重設雙因子驗證的原因，未做任何變更。'));
    assert.ok(await store.twoFactor.find(person.id), 'two-factor still bound');
    assert.equal((await store.webSessions.listForAccount(person.id)).length, 1, 'sessions untouched');
    const noReasonApi = await api(desk, 'POST', `/tickets/${t.mine}/actions/reset-two-factor`, { reason: '' }, await consoleCsrf(desk));
    assert.equal(noReasonApi.status, 400);
    assert.ok(await store.twoFactor.find(person.id));
    assert.equal((await auditSince(server, 'admin.account.two_factor_reset', since)).length, 0);

    const reset = await postForm(desk, `/admin/tickets/${t.mine}/reset-two-factor`, { reason: '已以視訊核對身分證正本' });
    assert.equal(reset.status, 303);
    assert.equal(await store.twoFactor.find(person.id), undefined);
    assert.equal((await store.webSessions.listForAccount(person.id)).length, 0, 'every session ended');
    await waitFor('the two-factor notice', () => smtp.mails.find((m) => m.to.includes('person.one@example.com') && /雙因子/.test(m.text)));
    const [resetEvent] = await auditSince(server, 'admin.account.two_factor_reset', since);
    assert.deepEqual(resetEvent?.detail, { reason: '已以視訊核對身分證正本' });
    assert.equal(resetEvent?.actor, `account:${helpdesk.accountId}`);
    const notes = (await messages(t.mine)).map((m) => m.body);
    for (const n of ['已重寄驗證說明（email、sms）', '已重新啟用帳號', '已重設雙因子驗證，原因：已以視訊核對身分證正本']) assert.ok(notes.includes(n), n);
    assert.equal((await postForm(desk, `/admin/tickets/${t.nowhere}/enable`, {})).status, 409, 'a ticket naming no account has none to act on');
  });

  test('scope attack: a county administrator of 雲林縣 cannot list, read or act on another county’s ticket (console 403, API 403), each refusal audited', async () => {
    const since = new Date();
    const queue = await page(yunlin, '/admin/tickets');
    assert.equal(queue.status, 200);
    assert.deepEqual(ticketLinks(queue.html), [t.mine], 'its county only; a ticket without a county is not its');
    assert.ok(!queue.html.includes('臺北市'), 'other counties are not offered');
    assert.equal((await page(yunlin, `/admin/tickets/${t.mine}`)).status, 200);

    const refusedPages = [
      await page(yunlin, `/admin/tickets?county=${taipeiCode}`),
      await page(yunlin, `/admin/tickets/${t.taipei}`),
      await page(yunlin, `/admin/tickets/${t.nowhere}`),
    ];
    for (const r of refusedPages) {
      assert.equal(r.status, 403);
      assert.ok(r.html.includes('您的管理角色無權進行此項操作'));
      assert.ok(!r.html.includes('職稱錯誤'));
    }
    const before = (await messages(t.taipei)).length;
    const reply = await postForm(yunlin, `/admin/tickets/${t.taipei}/reply`, { channel: 'sms', body: '越權回覆' });
    assert.equal(reply.status, 403);
    const moved = await postForm(yunlin, `/admin/tickets/${t.taipei}/status`, { status: 'in-progress' });
    assert.equal(moved.status, 403);

    const csrf = await consoleCsrf(yunlin);
    const refusedApi = [
      await api(yunlin, 'GET', `/tickets?county=${taipeiCode}`),
      await api(yunlin, 'GET', `/tickets/${t.taipei}`),
      await api(yunlin, 'POST', `/tickets/${t.taipei}/replies`, { channel: 'sms', body: '越權回覆' }, csrf),
      await api(yunlin, 'POST', `/tickets/${t.taipei}/status`, { status: 'in-progress' }, csrf),
      await api(yunlin, 'POST', `/tickets/${t.taipei}/actions/resend-verification`, {}, csrf),
    ];
    for (const r of refusedApi) {
      assert.equal(r.status, 403);
      assert.equal(r.json.error, 'forbidden');
    }
    const list = await api(yunlin, 'GET', '/tickets');
    assert.deepEqual(list.json.tickets.map((x: { id: number }) => x.id), [t.mine]);
    assert.equal((await messages(t.taipei)).length, before, 'nothing was added');
    assert.equal(await status(t.taipei), 'new');
    const refusals = (await auditSince(server, 'admin.refused', since)).filter((e) => e.actor === `account:${yunlinAdmin.accountId}`);
    assert.equal(refusals.length, refusedPages.length + 2 + refusedApi.length);
    assert.ok(refusals.every((e) => e.detail.capability === 'admin:tickets'));

    // A county system's token bounded to 雲林縣 is held to the same reach.
    const token = await adminToken(server, ['admin:tickets'], { county: yunlinCode });
    assert.deepEqual((await api(token, 'GET', '/tickets')).json.tickets.map((x: { id: number }) => x.id), [t.mine]);
    const tokenRead = await api(token, 'GET', `/tickets/${t.taipei}`);
    assert.equal(tokenRead.status, 403);
    assert.equal(tokenRead.json.error, 'forbidden');
    assert.equal((await auditSince(server, 'admin.refused', since)).filter((e) => e.actor === `client:${token.clientId}`).length, 1);
  });

  test('scope attack: a school administrator cannot read an account of another school (console and API), audited; its own it can', async () => {
    const school = await adminUser(server, 'sch.admin', 'school-admin', { school: '094601' });
    const agent = await adminAgent(server, school);
    const since = new Date();
    const other = await page(agent, `/admin/accounts/${taipeiPerson}`);
    assert.equal(other.status, 403);
    assert.ok(!other.html.includes('taipei@example.com'));
    const otherApi = await api(agent, 'GET', `/accounts/${taipeiPerson}`);
    assert.equal(otherApi.status, 403);
    assert.equal(otherApi.json.error, 'forbidden');
    const acted = await api(agent, 'POST', `/accounts/${taipeiPerson}/resend-verification`, {}, await consoleCsrf(agent));
    assert.equal(acted.status, 403);
    const refusals = (await auditSince(server, 'admin.refused', since)).filter((e) => e.actor === `account:${school.accountId}`);
    assert.equal(refusals.length, 3);
    assert.ok(refusals.every((e) => e.account_id === taipeiPerson && e.detail.capability === 'admin:accounts'));

    const search = await page(agent, '/admin/accounts?q=person.taipei');
    assert.equal(search.status, 200);
    assert.ok(search.html.includes('在您的管理範圍內查無符合的帳號'), 'a result outside reach is not shown');
    assert.deepEqual((await api(agent, 'GET', '/accounts?q=taipei@example.com')).json.accounts, []);
    const own = await page(agent, '/admin/accounts?q=person.one');
    assert.ok(own.html.includes(`/admin/accounts/${person.id}`));
    const byId = await api(agent, 'GET', `/accounts?q=${ID}`);
    assert.deepEqual(byId.json.accounts, [], 'an identity number with no account finds nothing');
    const panel = await api(agent, 'GET', `/accounts/${person.id}`);
    assert.equal(panel.status, 200);
    assert.equal(panel.json.username, 'person.one');
    assert.equal((await auditSince(server, 'admin.account.viewed', since)).length, 1);
    assert.equal((await api(agent, 'GET', '/tickets')).status, 403, 'a school administrator holds no ticket capability');
  });

  test('the account page: lookup by email and identity number, re-enable refused when active, reset without a reason refused', async () => {
    const { store, pii } = server.services;
    const withId = await store.accounts.create({ username: 'person.id', passwordHash: 'x', displayName: '陳小華', personIdHash: pii.idHash('A123456789'), personIdSealed: pii.seal('A123456789') });
    const byId = await page(desk, '/admin/accounts?q=a123456789');
    assert.ok(byId.html.includes(`/admin/accounts/${withId.id}`));
    const byEmail = await api(desk, 'GET', '/accounts?q=PERSON.ONE@example.com');
    assert.deepEqual(byEmail.json.accounts.map((a: { username: string }) => a.username), ['person.one']);
    const empty = await page(desk, '/admin/accounts?q=');
    assert.equal(empty.status, 400);
    assert.ok(empty.html.includes('請輸入帳號、電子郵件或身分證字號'));

    const active = await postForm(desk, `/admin/accounts/${person.id}/enable`, {});
    assert.equal(active.status, 409);
    assert.ok(active.html.includes('此帳號並未停用'));
    const noTwoFactor = await postForm(desk, `/admin/accounts/${withId.id}/reset-two-factor`, { reason: '核對過' });
    assert.equal(noTwoFactor.status, 409);
    assert.equal((await page(desk, '/admin/accounts/not-a-uuid')).status, 404);
    assert.equal((await api(desk, 'GET', '/accounts/00000000-0000-4000-8000-000000000000')).status, 404);
  });
});
