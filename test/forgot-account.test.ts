import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomIdNumber } from '../src/domain/national-id.ts';
import { LOOKUP_PER_NUMBER } from '../src/flows/forgot-account/service.ts';
import { hashPassword } from '../src/security/password.ts';
import { Agent, formOf } from './support/agent.ts';
import { agentFrom } from './support/visitor.ts';
import { outbox } from './support/registration.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

const KNOWN_ID = 'E123456783';
const IN_SOURCE_ONLY = 'P223456783'; // 陳怡君 of the demo source data: a person without an account
let addresses = 0;

/** A visitor from an address of its own (the server trusts X-Forwarded-For in these tests). */
const visitor = (server: TestServer) => agentFrom(server.issuer, `198.51.100.${++addresses}`);

async function lookup(agent: Agent, idNumber: string, captcha = TEST_CAPTCHA) {
  const { action, fields } = formOf(await (await agent.get('/forgot-account/id')).text());
  const res = await agent.post(action, { ...fields, id_number: idNumber, captcha, action: 'lookup' });
  return { res, html: await res.text(), fields };
}

async function withAccount(server: TestServer) {
  const s = server.services;
  await s.accounts.create({
    username: 'forgetful.teacher',
    passwordHash: await hashPassword('Known#Pass2026'),
    displayName: '林美玲',
    email: 'forgetful@example.edu.tw',
    emailVerified: true,
    personIdHash: s.pii.idHash(KNOWN_ID),
    personIdSealed: s.pii.seal(KNOWN_ID),
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('忘記帳號 by identity number (伍.2), full display', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ env: { TRUST_PROXY: 'true' } });
    await withAccount(server);
  });
  after(() => server?.cleanup());

  test('the menu and the login card lead to both ways of 伍', async () => {
    const agent = visitor(server);
    const home = await (await agent.get('/')).text();
    for (const href of ['/forgot-account', '/forgot-password', '/activate', '/contact']) assert.match(home, new RegExp(`href="${href}"`));
    const login = await (await agent.get('/login')).text();
    assert.match(login, /href="\/forgot-account"/);
    assert.match(login, /href="\/forgot-password"/);
    const choice = await (await agent.get('/forgot-account')).text();
    assert.match(choice, /使用縣市帳號查詢/);
    assert.match(choice, /使用身分證字號／居留證號查詢／其他身份 ID 查詢/);
    assert.match(choice, /href="\/county\?purpose=forgot-account"/);
  });

  test('without a configured county the county way says so and points to the other way', async () => {
    const agent = visitor(server);
    const html = await (await agent.get('/county?purpose=forgot-account')).text();
    assert.match(html, /目前尚無縣市開放縣市帳號/);
    assert.match(html, /href="\/forgot-account\/id"/);
    assert.doesNotMatch(html, /尚未開放/);
    assert.match(await (await agent.get('/county?purpose=reset-password')).text(), /href="\/forgot-password\/code"/);
    assert.match(await (await agent.get('/county?purpose=login')).text(), /href="\/login"/);
  });

  test('journey: the number and captcha give the account, with 登入 and 忘記密碼; the owner is told by mail', async () => {
    const agent = visitor(server);
    const { res, html } = await lookup(agent, KNOWN_ID.toLowerCase());
    assert.equal(res.status, 200);
    assert.match(html, /forgetful\.teacher/);
    assert.match(html, /href="\/login"/);
    assert.match(html, /href="\/forgot-password"/);
    const mail = (await outbox(agent)).find((m) => m.to === 'forgetful@example.edu.tw');
    assert.ok(mail, 'a notice went to the verified email');
    assert.match(mail.subject, /教育雲端帳號查詢通知/);
    const events = await server.services.db.query<{ account_id: string | null }>(`SELECT account_id FROM audit_events WHERE type = 'account.lookup'`);
    assert.ok(events.some((e) => e.account_id), 'the lookup is audited on the account');
  });

  test('account enumeration by message: a number without an account gets one message, in the source data or not', async () => {
    const inSource = await lookup(visitor(server), IN_SOURCE_ONLY);
    const unknown = await lookup(visitor(server), randomIdNumber());
    assert.equal(inSource.res.status, unknown.res.status);
    const message = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0].replace(/name="_csrf" value="[^"]*"/g, '');
    assert.equal(message(inSource.html), message(unknown.html));
    assert.match(unknown.html, /查無對應的教育雲端帳號/);
  });

  test('account enumeration by timing: known and unknown numbers take the same time (medians, one run)', async () => {
    const times: Record<string, number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 5; i++)
      for (const [kind, id] of [['known', KNOWN_ID], ['unknown', IN_SOURCE_ONLY]] as const) {
        // The per-number limit is tested below: here every lookup runs to the end.
        await server.services.rateLimits.reset(LOOKUP_PER_NUMBER, server.services.pii.idHash(id));
        const agent = visitor(server);
        const { action, fields } = formOf(await (await agent.get('/forgot-account/id')).text());
        const t0 = performance.now();
        const res = await agent.post(action, { ...fields, id_number: id, captcha: TEST_CAPTCHA, action: 'lookup' });
        await res.text();
        times[kind]!.push(performance.now() - t0);
      }
    const [k, u] = [median(times.known!), median(times.unknown!)];
    assert.ok(Math.abs(k - u) <= Math.max(k, u) * 0.25, `medians ${k.toFixed(1)} ms and ${u.toFixed(1)} ms`);
  });

  test('captcha replay: a captcha answered once does not pass again', async () => {
    const agent = visitor(server);
    const id = randomIdNumber();
    const first = await lookup(agent, id);
    assert.equal(first.res.status, 200);
    const again = await agent.post('/forgot-account/id', { ...first.fields, id_number: id, captcha: TEST_CAPTCHA, action: 'lookup' });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /驗證碼錯誤/);
  });

  test('a wrongly typed number is refused beside the field', async () => {
    const { res, html } = await lookup(visitor(server), 'A123456780');
    assert.equal(res.status, 400);
    assert.match(html, /id="id_number-error"/);
  });

  test('per-number limit: one number is looked up at most 5 times an hour, from any address', async () => {
    const id = randomIdNumber();
    for (let i = 0; i < 5; i++) assert.equal((await lookup(visitor(server), id)).res.status, 200);
    const refused = await lookup(visitor(server), id);
    assert.equal(refused.res.status, 429);
    assert.match(refused.html, /查詢次數過多/);
    assert.ok(Number(refused.res.headers.get('retry-after')) > 0);
  });

  test('per-address limit: one address makes at most 20 lookups an hour', async () => {
    const agent = visitor(server);
    for (let i = 0; i < 20; i++) assert.equal((await lookup(agent, randomIdNumber())).res.status, 200);
    assert.equal((await lookup(agent, randomIdNumber())).res.status, 429);
  });
});

describe('忘記帳號 with ACCOUNT_LOOKUP_DISPLAY=masked', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ env: { TRUST_PROXY: 'true', ACCOUNT_LOOKUP_DISPLAY: 'masked' } });
    await withAccount(server);
  });
  after(() => server?.cleanup());

  test('journey: the page shows part of the name, the mail the whole name', async () => {
    const agent = visitor(server);
    const { res, html } = await lookup(agent, KNOWN_ID);
    assert.equal(res.status, 200);
    assert.match(html, /fo\*+er/);
    assert.doesNotMatch(html, /forgetful\.teacher/);
    const mail = (await outbox(agent)).find((m) => m.to === 'forgetful@example.edu.tw');
    assert.match(mail!.text, /forgetful\.teacher/);
  });
});
