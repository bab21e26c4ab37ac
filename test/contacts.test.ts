import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { policies } from '../src/flows/contacts/service.ts';
import { Agent, formOf } from './support/agent.ts';
import { postForm, type Page } from './support/recovery.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { startSmsGateway } from './support/sms-gateway.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { waitFor } from './support/wait.ts';

const teacher = { username: 'demo.teacher', password: 'Teach#2026sso', email: 'demo.teacher@example.edu.tw', mobile: '0912345678' };

describe('查閱個人資料 and 「修改備用電子郵件信箱/行動電話」 (SPEC 參)', () => {
  let server: TestServer;
  // Codes and the notice travel as in production: mail over real SMTP, SMS in the gateway's wire format.
  const smtp = new SmtpCapture();
  let sms: Awaited<ReturnType<typeof startSmsGateway>>;
  before(async () => {
    const port = await smtp.start();
    sms = await startSmsGateway();
    server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMS_GATEWAY_URL: sms.url, SMS_USERNAME: 'edusso', SMS_PASSWORD: 'gateway-secret' } });
  });
  after(async () => {
    await server?.cleanup();
    await sms?.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
    await server.services.db.query(`UPDATE accounts SET email = $2, mobile = $3 WHERE username = $1`, [teacher.username, teacher.email, teacher.mobile]);
  });

  const contacts = async () => {
    const a = (await server.services.accounts.findByUsername(teacher.username))!;
    return { email: a.email, mobile: a.mobile };
  };
  const unchanged = { email: teacher.email, mobile: teacher.mobile };

  async function signedIn(): Promise<Agent> {
    const agent = new Agent(server.issuer);
    const { action, fields } = formOf(await (await agent.get('/login')).text());
    const res = await agent.post(action, { ...fields, account: teacher.username, password: teacher.password, captcha: TEST_CAPTCHA, action: 'login' });
    assert.equal(res.status, 302);
    return agent;
  }
  /** The session's sign-in was longer ago than the 5 minutes a contact change may follow it. */
  const signInLongAgo = () => server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);
  const get = async (agent: Agent, path: string): Promise<Page> => {
    const res = await agent.get(path);
    return { status: res.status, url: path, html: await res.text() };
  };
  /** The newest 6-digit code that reached `to` after `seen` mails / messages. */
  const mailedCode = async (to: string, seen: number) =>
    /(\d{6})/.exec((await waitFor(`a code mail to ${to}`, () => smtp.mails.slice(seen).findLast((m) => m.to.includes(to) && /\d{6}/.test(m.text)))).text)![1]!;
  const textedCode = async (to: string, seen: number) => /(\d{6})/.exec((await waitFor(`a code SMS to ${to}`, () => sms.received.slice(seen).findLast((m) => m.to === to))).text)![1]!;
  const other = (code: string) => (code === '000000' ? '111111' : '000000');

  test('every console page of this part needs sign-in and comes back after it', async () => {
    const agent = new Agent(server.issuer);
    for (const path of ['/account', '/account/contacts', '/account/contacts/codes', '/account/contacts/done', '/apps']) {
      const res = await agent.get(path);
      assert.equal(res.status, 302, path);
      assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
    }
  });

  test('查閱個人資料 shows the account, school data and contacts on the console, with the change button', async () => {
    const html = (await get(await signedIn(), '/account')).html;
    for (const s of ['demo.teacher', '王小明', '縣立鎮西國小', '教師、導師', '三年一班', teacher.email, teacher.mobile, 'href="/account/contacts">修改備用電子郵件信箱/行動電話', 'aria-current="page"'])
      assert.ok(html.includes(s), s);
  });

  test('after 5 minutes the password is asked again at /account/confirm, which comes back to the form; nothing changes on the way', async () => {
    const agent = await signedIn();
    const form = (await get(agent, '/account/contacts')).html;
    await signInLongAgo();
    const ask = await agent.get('/account/contacts');
    assert.equal(ask.status, 303);
    assert.equal(ask.headers.get('location'), '/account/confirm?next=%2Faccount%2Fcontacts');
    // Posting the form directly does not get around it.
    const sneaked = await agent.post('/account/contacts', { _csrf: formOf(form).fields._csrf!, email: 'sneaky@example.com', mobile: '' });
    assert.equal(sneaked.status, 303);
    assert.equal(sneaked.headers.get('location'), '/account/confirm?next=%2Faccount%2Fcontacts');
    assert.deepEqual(await contacts(), unchanged);
    const question = await get(agent, '/account/confirm?next=%2Faccount%2Fcontacts');
    const wrong = await postForm(agent, question.html, { password: 'Wrong#2026sso' });
    assert.equal(wrong.status, 400);
    const ok = await postForm(agent, question.html, { password: teacher.password });
    assert.equal(ok.url, '/account/contacts');
    assert.ok(ok.html.includes('name="email"') && ok.html.includes('儲存變更'), 'the form after the right password');
    assert.deepEqual(await contacts(), unchanged);
  });

  test('bad input on the form gets its message and changes nothing; unchanged values are said so', async () => {
    const agent = await signedIn();
    const form = (await get(agent, '/account/contacts')).html;
    for (const [fields, message] of [
      [{ email: '', mobile: teacher.mobile }, '請輸入電子郵件信箱。'],
      [{ email: 'not-an-email', mobile: teacher.mobile }, '電子郵件信箱格式不正確'],
      [{ email: teacher.email, mobile: '02-2345-6789' }, '行動電話'],
      [{ email: teacher.email, mobile: '12345' }, '行動電話請輸入 09 開頭的 10 位數字'],
      [{ email: teacher.email, mobile: teacher.mobile }, '資料沒有變更。'],
    ] as const) {
      const r = await postForm(agent, form, fields);
      assert.equal(r.status, 400, JSON.stringify(fields));
      assert.ok(r.html.includes(message), `${message}\n${r.html}`);
      assert.ok(r.html.includes(`value="${fields.email}"`), 'what was typed stays');
    }
    assert.deepEqual(await contacts(), unchanged);
  });

  test('a new email and mobile: codes to the new ones; wrong or expired codes change nothing; both proven → saved, the old email told, audited masked', async () => {
    const agent = await signedIn();
    const mails = smtp.mails.length;
    const texts = sms.received.length;
    const form = (await get(agent, '/account/contacts')).html;
    const codes = await postForm(agent, form, { email: 'New.Teacher@Example.COM', mobile: '0933-000-111' });
    assert.equal(codes.url, '/account/contacts/codes');
    assert.ok(codes.html.includes('New.Teacher@example.com') && codes.html.includes('0933000111'), 'the new values, normalised');
    const emailCode = await mailedCode('New.Teacher@example.com', mails);
    const smsCode = await textedCode('0933000111', texts);
    assert.ok(!smtp.mails.slice(mails).some((m) => m.to.includes(teacher.email) && /\d{6}/.test(m.text)), 'no code to the old email');
    assert.deepEqual(sms.refused, []);
    assert.deepEqual(await contacts(), unchanged, 'nothing changes before the codes are proven');

    const wrong = await postForm(agent, codes.html, { email_code: other(emailCode), sms_code: other(smsCode), action: 'verify' });
    assert.equal(wrong.status, 400);
    assert.ok(wrong.html.includes('驗證碼錯誤'));
    const half = await postForm(agent, codes.html, { email_code: emailCode, sms_code: other(smsCode), action: 'verify' });
    assert.equal(half.status, 400);
    assert.ok(!half.html.includes('name="email_code"') && half.html.includes('name="sms_code"'), 'the proven email is not asked again');
    assert.deepEqual(await contacts(), unchanged, 'one proven value of two changes nothing');
    await server.services.db.query(`UPDATE verification_codes SET expires_at = now() - interval '1 second' WHERE target = '0933000111'`);
    const expired = await postForm(agent, half.html, { sms_code: smsCode, action: 'verify' });
    assert.equal(expired.status, 400);
    assert.ok(expired.html.includes('驗證碼已失效'));
    assert.deepEqual(await contacts(), unchanged);

    await server.services.db.query(`UPDATE verification_codes SET created_at = now() - interval '2 minutes'`);
    const beforeResend = sms.received.length;
    const resent = await postForm(agent, expired.html, { action: 'resend' });
    assert.ok(resent.html.includes('新的驗證碼已傳送'));
    const fresh = await textedCode('0933000111', beforeResend);
    const done = await postForm(agent, resent.html, { sms_code: fresh, action: 'verify' });
    assert.equal(done.url, '/account/contacts/done');
    assert.ok(done.html.includes('資料更新成功') && done.html.includes('href="/account"'), '「確定」 back to the profile');
    assert.deepEqual(await contacts(), { email: 'New.Teacher@example.com', mobile: '0933000111' });
    const profile = (await get(agent, '/account')).html;
    assert.ok(profile.includes('New.Teacher@example.com') && profile.includes('0933000111'));

    const notice = await waitFor('the notice to the old email', () => smtp.mails.slice(mails).find((m) => m.to.includes(teacher.email)));
    assert.match(notice.text, /de\*\*\*@example\.edu\.tw → Ne\*\*\*@example\.com/);
    assert.match(notice.text, /0912\*\*\*678 → 0933\*\*\*111/);
    const account = (await server.services.accounts.findByUsername(teacher.username))!;
    const audit = (await server.services.audit.forAccount(account.id, 10)).find((e) => e.type === 'account.contacts_changed');
    assert.ok(audit, 'audited');
    const detail = JSON.stringify(audit.detail);
    assert.ok(!detail.includes('New.Teacher@example.com') && !detail.includes('0933000111') && !detail.includes(teacher.email), detail);

    // A used code does not work again: not in a new change either.
    const again = (await get(agent, '/account/contacts')).html;
    const second = await postForm(agent, again, { email: 'third@example.com', mobile: '0933000111' });
    const replay = await postForm(agent, second.html, { email_code: emailCode, action: 'verify' });
    assert.equal(replay.status, 400);
    assert.equal((await contacts()).email, 'New.Teacher@example.com');
  });

  test('clearing the mobile needs no code: saved at once and the email told', async () => {
    const agent = await signedIn();
    const mails = smtp.mails.length;
    const form = (await get(agent, '/account/contacts')).html;
    const done = await postForm(agent, form, { email: teacher.email, mobile: '' });
    assert.equal(done.url, '/account/contacts/done');
    assert.deepEqual(await contacts(), { email: teacher.email, mobile: null });
    const notice = await waitFor('the notice', () => smtp.mails.slice(mails).find((m) => m.to.includes(teacher.email)));
    assert.match(notice.text, /0912\*\*\*678 → （無）/);
    assert.ok((await get(agent, '/account')).html.includes('（無）'));
  });

  test('caps per account: 10 wrong codes a day stop even the right one; 10 rounds of codes a day, then no more are sent', async () => {
    const agent = await signedIn();
    const form = (await get(agent, '/account/contacts')).html;
    let page = await postForm(agent, form, { email: 'capped@example.com', mobile: teacher.mobile });
    const code = await mailedCode('capped@example.com', 0);
    for (let i = 0; i < policies.codeFailures.points; i++) page = await postForm(agent, page.html, { email_code: other(code), action: 'verify' });
    const refused = await postForm(agent, page.html, { email_code: code, action: 'verify' });
    assert.equal(refused.status, 429);
    assert.ok(refused.html.includes('驗證碼錯誤次數過多'));
    assert.equal((await contacts()).email, teacher.email);

    const texts = sms.received.length;
    for (let i = 1; i < policies.sends.points; i++) assert.equal((await postForm(agent, form, { email: teacher.email, mobile: `09330001${String(i).padStart(2, '0')}` })).status, 200);
    const over = await postForm(agent, form, { email: teacher.email, mobile: '0933000199' });
    assert.equal(over.status, 429);
    assert.ok(over.html.includes('傳送驗證碼次數過多'));
    await waitFor('the allowed SMS', () => sms.received.length - texts >= policies.sends.points - 1 || undefined);
    assert.ok(!sms.received.some((m) => m.to === '0933000199'), 'no code past the cap');
    assert.equal((await contacts()).mobile, teacher.mobile);
  });

  test('a form posted without its CSRF token is refused and changes nothing', async () => {
    const agent = await signedIn();
    const form = (await get(agent, '/account/contacts')).html;
    for (const path of ['/account/contacts', '/account/contacts/codes']) {
      const res = await agent.post(path, { email: 'csrf@example.com', mobile: '', password: teacher.password, email_code: '123456', action: 'verify' });
      assert.equal(res.status, 403, path);
    }
    assert.ok(form.includes('name="_csrf"'));
    assert.deepEqual(await contacts(), unchanged);
  });

  test('another account signed in on the browser cannot finish this change', async () => {
    const agent = await signedIn();
    const form = (await get(agent, '/account/contacts')).html;
    const codes = await postForm(agent, form, { email: 'mine@example.com', mobile: teacher.mobile });
    assert.equal(codes.url, '/account/contacts/codes');
    // The same browser, now signed in as someone else, keeps the flow cookie.
    agent.cookiesFor().delete('edusso.sid');
    const { action, fields } = formOf(await (await agent.get('/login')).text());
    await agent.post(action, { ...fields, account: 'demo.staff', password: 'Staff#2026sso', captcha: TEST_CAPTCHA, action: 'login' });
    const res = await agent.get('/account/contacts/codes');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/account/contacts');
    assert.deepEqual(await contacts(), unchanged);
  });
});
