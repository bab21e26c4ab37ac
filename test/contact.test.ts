import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { categories } from '../src/flows/contact/flow.ts';
import { Agent, formOf } from './support/agent.ts';
import { agentFrom } from './support/visitor.ts';
import { demoSourcePeople } from '../src/seed/demo.ts';
import { outbox, submit, throughVerification } from './support/registration.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { startSmsGateway } from './support/sms-gateway.ts';
import { waitFor } from './support/wait.ts';

const HELPDESK = 'helpdesk@example.edu.tw';
const ID = 'E123456783';
let addresses = 0;

/** A visitor from an address of its own (the server trusts X-Forwarded-For in these tests). */
const visitor = (server: TestServer) => agentFrom(server.issuer, `203.0.113.${++addresses}`);

async function send(agent: Agent, path: string, fields: Record<string, string>) {
  const page = await (await agent.get(path)).text();
  const { action, fields: hidden } = formOf(page);
  const res = await agent.post(action, { ...hidden, captcha: TEST_CAPTCHA, action: 'send', ...fields });
  return { res, html: await res.text(), page };
}

const person = { who: ID, name: '林美玲', contact: 'teacher@example.com', description: '我找不到我的學校：新設分校' };
const lastTicket = async (server: TestServer) =>
  (await server.services.db.query<Record<string, any>>('SELECT * FROM helpdesk_tickets ORDER BY id DESC LIMIT 1'))[0]!;

describe('聯絡我們 (壹拾壹)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ env: { TRUST_PROXY: 'true', HELPDESK_EMAIL: HELPDESK } });
  });
  after(() => server?.cleanup());

  for (const category of categories)
    test(`journey for ${category}: preselected from the URL, template, 送出 → ticket, acknowledgement and helpdesk mail`, async () => {
      const agent = visitor(server);
      const { res, html, page } = await send(agent, `/contact?category=${category}`, { ...person, category });
      assert.match(page, new RegExp(`<option value="${category}" selected`));
      assert.match(page, /<textarea[^>]*>[^<]+：/, 'the description starts with the category template');
      for (const label of ['問題分類', '身分證字號／居留證號／其他身份ＩＤ／教育雲端帳號', '姓名', '聯絡方式', '問題描述', '送出']) assert.ok(page.includes(label), label);
      assert.equal(res.status, 200);
      const id = /案件編號 (\d+)/.exec(html)?.[1];
      assert.ok(id, 'a ticket number');
      assert.match(html, /href="\/register"/);
      assert.match(html, /href="\/login"/);
      const ticket = await lastTicket(server);
      assert.equal(String(ticket.id), id);
      assert.equal(ticket.category, category);
      assert.equal(ticket.contact_channel, 'email');
      const mails = await outbox(agent);
      assert.ok(mails.some((m) => m.to === 'teacher@example.com' && m.subject.includes(id)), 'acknowledged to the contact');
      const helpdesk = mails.find((m) => m.to === HELPDESK && m.subject.includes(id));
      assert.ok(helpdesk, 'the helpdesk mailbox gets the ticket');
      assert.ok(helpdesk.text.includes('新設分校'));
      assert.ok(!helpdesk.text.includes(ID), 'never the plain identity number in a mail');
    });

  test('the identity number is stored sealed, with its keyed hash, never in plain text', async () => {
    await send(visitor(server), '/contact?category=other', { ...person, category: 'other', who: ID.toLowerCase() });
    const ticket = await lastTicket(server);
    assert.equal(server.services.pii.open(ticket.id_sealed), ID);
    assert.equal(ticket.id_hash, server.services.pii.idHash(ID));
    const plain = await server.services.db.query(`SELECT id FROM helpdesk_tickets WHERE row_to_json(helpdesk_tickets)::text ILIKE $1`, [`%${ID}%`]);
    assert.equal(plain.length, 0);
  });

  test('an account name instead of a number is kept as the account', async () => {
    await send(visitor(server), '/contact?category=account', { ...person, category: 'account', who: 'demo.teacher@mail.edu.tw' });
    const ticket = await lastTicket(server);
    assert.equal(ticket.account_name, 'demo.teacher');
    assert.equal(ticket.id_sealed, null);
  });

  test('each bad field is refused beside it, typed values kept; a wrong captcha says so', async () => {
    const { res, html } = await send(visitor(server), '/contact?category=other', { category: 'other', who: '', name: '', contact: 'not-an-address', description: '' });
    assert.equal(res.status, 400);
    for (const field of ['who', 'name', 'contact', 'description']) assert.match(html, new RegExp(`id="${field}-error"`), field);
    assert.match(html, /value="not-an-address"/);
    const captcha = await send(visitor(server), '/contact', { ...person, category: 'other', captcha: '999' });
    assert.equal(captcha.res.status, 400);
    assert.match(captcha.html, /驗證碼錯誤/);
  });

  test('captcha replay: a captcha answered once does not pass again', async () => {
    const agent = visitor(server);
    const page = await (await agent.get('/contact')).text();
    const { action, fields } = formOf(page);
    const form = { ...fields, ...person, category: 'other', captcha: TEST_CAPTCHA, action: 'send' };
    assert.equal((await agent.post(action, form)).status, 200);
    const again = await agent.post(action, form);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /驗證碼錯誤/);
  });

  test('rate limit: one address sends at most 10 reports an hour', async () => {
    const agent = visitor(server);
    for (let i = 0; i < 10; i++) assert.equal((await send(agent, '/contact', { ...person, category: 'other' })).res.status, 200);
    const refused = await send(agent, '/contact', { ...person, category: 'other' });
    assert.equal(refused.res.status, 429);
    assert.match(refused.html, /送出次數過多/);
    assert.ok(Number(refused.res.headers.get('retry-after')) > 0);
  });

  test("registration's 回報問題 links: 我找不到我的學校 and 資料異常 land here with the category and the school", async () => {
    const agent = visitor(server);
    const person = { ...demoSourcePeople[1]!, birthday: demoSourcePeople[1]!.birthday.replaceAll('-', '/') };
    await agent.get('/register?new=1');
    const school = await submit(agent, '/register/identity', { role: 'teacher' });
    assert.ok(school.html.includes('href="/contact?category=school-not-found&amp;from=register"'));
    const confirm = await throughVerification(agent, server.services.db, person as never);
    assert.ok(confirm.url.endsWith('/confirm'));
    assert.ok(confirm.html.includes('href="/contact?category=data-error&amp;from=register"'));
    const form = await (await agent.get('/contact?category=data-error&from=register')).text();
    assert.match(form, /<option value="data-error" selected/);
    assert.ok(form.includes('縣立鎮西國小'), 'the school chosen');
    assert.ok(form.includes(`value="${person.name}"`), 'the name from the source data');
    assert.ok(form.includes('name="from" value="register"'));
    // Without a registration flow in this browser the form is simply empty.
    const stranger = await (await visitor(server).get('/contact?category=data-error&from=register')).text();
    assert.ok(!stranger.includes('縣立鎮西國小'));
  });

  test('English: the form and the confirmation in English', async () => {
    const { html, page } = await send(visitor(server), '/contact?category=no-code&lang=en', { ...person, category: 'no-code' });
    assert.match(page, /Education Cloud account:/);
    assert.match(html, /sent to the helpdesk mailbox \(case \d+\)/);
  });
});

describe('聯絡我們 acknowledgements through the real SMTP server and the SMS gateway', () => {
  let server: TestServer;
  const smtp = new SmtpCapture();
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  before(async () => {
    const port = await smtp.start();
    sms = await startSmsGateway();
    server = await startServer({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMS_GATEWAY_URL: sms.url, SMS_USERNAME: 'edusso', SMS_PASSWORD: 'secret', HELPDESK_EMAIL: HELPDESK, MAIL_FROM: 'edusso <no-reply@example.edu.tw>' },
    });
  });
  after(async () => {
    await server?.cleanup();
    await smtp.stop();
    await sms?.close();
  });

  test('a mail contact gets its acknowledgement by mail, and the helpdesk mailbox the ticket', async () => {
    const { html } = await send(new Agent(server.issuer), '/contact?category=data-error', { ...person, category: 'data-error', contact: 'mailme@example.com' });
    const id = /案件編號 (\d+)/.exec(html)![1]!;
    const ack = await waitFor('the acknowledgement', () => smtp.mails.find((m) => m.to.includes('mailme@example.com')));
    assert.ok(ack.text.includes(id));
    const helpdesk = await waitFor('the helpdesk mail', () => smtp.mails.find((m) => m.to.includes(HELPDESK) && m.text.includes(id)));
    assert.ok(helpdesk.text.includes('資料異常'));
  });

  test('a mobile contact gets its acknowledgement by SMS in the gateway format', async () => {
    const { html } = await send(new Agent(server.issuer), '/contact?category=no-code', { ...person, category: 'no-code', contact: '0912-345-678' });
    const id = /案件編號 (\d+)/.exec(html)![1]!;
    const text = await waitFor('the SMS', () => sms.received.find((m) => m.to === '0912345678'));
    assert.ok(text.text.includes(id));
    assert.equal(text.username, 'edusso');
    assert.deepEqual(sms.refused, []);
    assert.equal((await lastTicket(server)).contact_channel, 'sms');
  });
});
