import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { policies } from '../src/flows/recovery/service.ts';
import { Agent } from './support/agent.ts';
import { codeFor, enterCode, messagesTo, postForm, requestCode, teacher } from './support/recovery.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { waitFor } from './support/wait.ts';

const newPassword = 'Green#Hill2027';

describe('forgot password by code (SPEC 陸.1)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.cleanup());

  const resetLimits = async () => server.services.db.query(`DELETE FROM rate_limits`);

  test('the choice page offers both ways of 陸', async () => {
    const html = await (await new Agent(server.issuer).get('/forgot-password')).text();
    assert.ok(html.includes('href="/forgot-password/code">傳送驗證碼重設'), html);
    assert.ok(html.includes('href="/county?purpose=reset-password">使用縣市帳號重設'));
  });

  test('a reset while signed in elsewhere: the whole journey, and the other session and the application refresh token end', async () => {
    await resetLimits();
    // Signed in elsewhere: an SSO session and an application's refresh token.
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: 'School', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    const elsewhere = new Agent(server.issuer);
    const { tokens } = await signIn(elsewhere, config, { redirectUri: 'http://app.localhost/cb', username: teacher.username, password: 'Teach#2026sso' });
    assert.ok(tokens.refresh_token);
    assert.equal((await elsewhere.get('/account')).status, 200, 'signed in elsewhere');

    const agent = new Agent(server.issuer);
    const start = await agent.follow('/forgot-password/code?new=1');
    const startHtml = await start.res.text();
    assert.ok(startHtml.includes('傳送認證碼') && startHtml.includes('href="/contact?category=no-code">收不到驗證碼，聯絡我們') && startHtml.includes('取消'));
    const code = await postForm(agent, startHtml, { account: teacher.username, captcha: TEST_CAPTCHA, action: 'send' });
    assert.equal(code.url, '/forgot-password/code/code');
    assert.ok(code.html.includes('開始驗證'));
    assert.match(code.html, /請於 \d+ 秒後再傳送驗證碼/, 'the cooldown is visible without JavaScript');
    assert.match(code.html, /name="action" value="resend"[^>]*disabled/);
    const mailCode = await codeFor(agent, teacher.email);
    const smsCode = await codeFor(agent, teacher.mobile);
    assert.ok(mailCode && mailCode === smsCode, 'one code to the email and the mobile');

    const reset = await enterCode(agent, mailCode!);
    assert.equal(reset.url, '/forgot-password/code/reset');
    assert.ok(reset.html.includes(teacher.username) && reset.html.includes(teacher.name), 'account and name shown');
    assert.ok(reset.html.includes('data-toggle-password="password"'), 'eye toggle');
    const weak = await postForm(agent, reset.html, { password: 'short', password2: 'short' });
    assert.equal(weak.status, 400);
    const done = await postForm(agent, weak.html, { password: newPassword, password2: newPassword });
    assert.equal(done.url, '/forgot-password/code/done');
    assert.ok(done.html.includes('href="/forgot-account">忘記帳號') && done.html.includes('href="/login">登入'), done.html);

    const account = (await server.services.accounts.findByUsername(teacher.username))!;
    assert.ok(await server.services.accounts.passwordLockedUntil(account.id), 'the next voluntary change waits 24 hours');
    assert.ok((await messagesTo(agent, teacher.email)).some((m) => m.subject.includes('密碼已重設')), 'a notice is mailed');
    // The other session ended: the SSO site and the application's refresh token.
    assert.notEqual((await elsewhere.get('/account')).status, 200, 'the SSO session ended');
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (err: { error?: string }) => err.error === 'invalid_grant');
    // The new password signs in.
    await signIn(new Agent(server.issuer), config, { redirectUri: 'http://app.localhost/cb', username: teacher.username, password: newPassword });
  });

  test('code replay: a used code does not work again', async () => {
    await resetLimits();
    const agent = new Agent(server.issuer);
    await requestCode(agent, 'demo.staff');
    const code = (await codeFor(agent, 'demo.staff@example.edu.tw'))!;
    assert.equal((await enterCode(agent, code)).url, '/forgot-password/code/reset');
    // Again in a new flow of the same browser, and replayed on the old form.
    const other = new Agent(server.issuer);
    await requestCode(other, 'demo.staff');
    const replay = await enterCode(other, code);
    assert.equal(replay.status, 400);
    assert.ok(replay.html.includes('驗證碼錯誤'));
  });

  test('a code from another flow is refused', async () => {
    await resetLimits();
    const a = new Agent(server.issuer);
    const b = new Agent(server.issuer);
    await requestCode(a, 'demo.staff');
    const codeA = (await codeFor(a, 'demo.staff@example.edu.tw'))!;
    await requestCode(b, 'demo.staff');
    const codeB = (await codeFor(b, 'demo.staff@example.edu.tw'))!;
    if (codeA === codeB) return; // one in a million: the codes happen to match
    const r = await enterCode(a, codeB);
    assert.equal(r.status, 400, 'flow A does not take the code sent for flow B');
  });

  test('code brute force: 5 tries then dead; a new code does not reset the account count', async () => {
    await resetLimits();
    const agent = new Agent(server.issuer);
    await requestCode(agent, 'demo.staff');
    const right = (await codeFor(agent, 'demo.staff@example.edu.tw'))!;
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) assert.equal((await enterCode(agent, wrong)).status, 400);
    const dead = await enterCode(agent, right);
    assert.equal(dead.status, 400, 'the right code after 5 wrong ones is dead');
    assert.ok(dead.html.includes('錯誤次數過多'), dead.html);
    // New codes keep adding to the account's count, until no code works for this account.
    const total = policies.codeFailuresPerAccount.points;
    let failures = 6;
    while (failures < total) {
      const next = new Agent(server.issuer);
      await requestCode(next, 'demo.staff');
      const fresh = (await codeFor(next, 'demo.staff@example.edu.tw'))!;
      for (let i = 0; i < 4 && failures < total; i++, failures++) await enterCode(next, fresh === '000000' ? '111111' : '000000');
    }
    const last = new Agent(server.issuer);
    await requestCode(last, 'demo.staff');
    const fresh = (await codeFor(last, 'demo.staff@example.edu.tw'))!;
    const refused = await enterCode(last, fresh);
    assert.equal(refused.status, 429, 'even the right new code is refused once the account count is spent');
    assert.ok(refused.html.includes('這個帳號暫時無法以驗證碼重設'));
  });

  test('account enumeration by message: an unknown account gets the same page and no message', async () => {
    await resetLimits();
    const known = new Agent(server.issuer);
    const unknown = new Agent(server.issuer);
    const before = (await (await unknown.get('/dev/outbox.json')).json()) as unknown[];
    const a = await requestCode(known, 'demo.staff');
    const b = await requestCode(unknown, 'nobody.here');
    assert.equal(a.status, b.status);
    assert.equal(a.url, b.url);
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '').replace(/nonce-[^"']*/g, '');
    assert.equal(strip(a.html), strip(b.html));
    const afterList = (await (await unknown.get('/dev/outbox.json')).json()) as unknown[];
    assert.equal(afterList.length - before.length, 2, 'only the known account got its two messages');
    const wrong = await enterCode(unknown, '123456');
    assert.equal(wrong.status, 400);
    assert.ok(wrong.html.includes('驗證碼錯誤'));
  });

  test('account enumeration by timing: known and unknown accounts take the same time', async (t) => {
    await resetLimits();
    const once = async (name: string) => {
      const agent = new Agent(server.issuer);
      const start = await agent.follow('/forgot-password/code?new=1');
      const html = await start.res.text();
      const t0 = performance.now();
      await postForm(agent, html, { account: name, captcha: TEST_CAPTCHA, action: 'send' });
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 16; i++) {
      await resetLimits();
      known.push(await once('demo.teacher'));
      unknown.push(await once(`nobody${i}`));
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(known), median(unknown)];
    t.diagnostic(`medians ${k.toFixed(1)} ms (known) vs ${u.toFixed(1)} ms (unknown)`);
    assert.ok(Math.abs(k - u) <= Math.max(k, u) * 0.35 + 3, `medians ${k.toFixed(1)} ms (known) vs ${u.toFixed(1)} ms (unknown)`);
  });

  test('SMS pumping: sends are capped per account, per number and per address', async () => {
    await resetLimits();
    const sent = async () => (await messagesTo(new Agent(server.issuer), '0923456789')).length;
    const start = await sent();
    let refused = 0;
    for (let i = 0; i < policies.sendsPerAccount.points + 2; i++) {
      const r = await requestCode(new Agent(server.issuer), 'demo.staff');
      if (r.status === 429) refused++;
    }
    assert.equal(refused, 2, 'per account');
    assert.ok((await sent()) - start <= policies.sendsPerNumber.points, 'per number');
    // Per address: many names from one address.
    await resetLimits();
    let byIp = 0;
    for (let i = 0; i < policies.sendsPerAddress.points + 1; i++) if ((await requestCode(new Agent(server.issuer), `someone${i}`)).status === 429) byIp++;
    assert.equal(byIp, 1, 'per address');
  });

  test('captcha replay: a captcha answers once', async () => {
    await resetLimits();
    const agent = new Agent(server.issuer);
    const start = await agent.follow('/forgot-password/code?new=1');
    const html = await start.res.text();
    const first = await postForm(agent, html, { account: 'demo.staff', captcha: TEST_CAPTCHA, action: 'send' });
    assert.equal(first.url, '/forgot-password/code/code');
    const other = new Agent(server.issuer);
    await other.follow('/forgot-password/code?new=1');
    const captchaId = /name="captcha_id" value="([^"]+)"/.exec(html)![1]!;
    const again = await postForm(other, (await (await other.get('/forgot-password/code')).text()), { account: 'demo.staff', captcha: TEST_CAPTCHA, captcha_id: captchaId, action: 'send' });
    assert.equal(again.status, 400);
    assert.ok(again.html.includes('驗證碼錯誤'));
  });

  test('the cooldown: 「傳送驗證碼」 waits, then sends a new code that replaces the old', async () => {
    await resetLimits();
    const agent = new Agent(server.issuer);
    const page = await requestCode(agent, 'demo.staff');
    const r = await postForm(agent, page.html, { action: 'resend' });
    assert.equal(r.status, 429);
    assert.match(r.html, /請於 \d+ 秒後再傳送驗證碼/);
    await server.services.db.query(`UPDATE verification_codes SET created_at = created_at - interval '2 minutes'`);
    const old = (await codeFor(agent, 'demo.staff@example.edu.tw'))!;
    const resent = await postForm(agent, r.html, { action: 'resend' });
    assert.equal(resent.status, 200, resent.html);
    const fresh = (await codeFor(agent, 'demo.staff@example.edu.tw'))!;
    if (old !== fresh) assert.equal((await enterCode(agent, old)).status, 400, 'the old code no longer works');
    assert.equal((await enterCode(agent, fresh)).url, '/forgot-password/code/reset');
  });

  test('an expired or missing flow says so with a way to start again', async () => {
    const r = await new Agent(server.issuer).get('/forgot-password/code/reset');
    assert.equal(r.status, 410);
    assert.ok((await r.text()).includes('href="/forgot-password/code?new=1"'));
  });
});

describe('re-activate a disabled account (SPEC 柒)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.cleanup());

  const staff = { username: 'demo.staff', password: 'Staff#2026sso', email: 'demo.staff@example.edu.tw', mobile: '0923456789' };
  const login = async (password: string) => {
    const agent = new Agent(server.issuer);
    const page = await (await agent.get('/login')).text();
    return postForm(agent, page, { account: staff.username, password, captcha: TEST_CAPTCHA, action: 'login' });
  };
  const id = async () => (await server.services.accounts.findByUsername(staff.username))!.id;

  test('accounts without a sign-in for N days are disabled; the login page tells how to re-activate only when the password was right', async () => {
    await server.services.db.query(`UPDATE accounts SET created_at = now() - interval '400 days', last_login_at = NULL WHERE username = $1`, [staff.username]);
    await server.services.db.query(`UPDATE accounts SET last_login_at = now() WHERE username <> $1`, [staff.username]);
    // The command line, on the running service's database.
    const cli = spawnSync(process.execPath, ['bin/edusso.js', 'accounts', 'disable-inactive', '--days', '365', '--json'], { encoding: 'utf8', env: { ...process.env, ...server.env } });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout).ids, [await id()]);
    const refused = spawnSync(process.execPath, ['bin/edusso.js', 'accounts', 'disable-inactive', '--days', '0'], { encoding: 'utf8', env: { ...process.env, ...server.env } });
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /--days/);
    assert.equal(await server.services.accounts.disabledReason(await id()), 'inactive');
    const wrong = await login('Wrong#Password1');
    assert.equal(wrong.status, 400);
    // The menu links 「啟用帳號」 on every page; the answer itself says nothing of the account.
    assert.ok(!wrong.html.includes('停用'), 'a stranger learns nothing');
    const right = await login(staff.password);
    assert.equal(right.status, 400, 'a disabled account cannot sign in');
    assert.ok(right.html.includes('您的帳號已停用') && right.html.includes('啟用帳號'), right.html);
  });

  test('a reset by code is not for a disabled account: the same page as any name, and no message', async () => {
    const agent = new Agent(server.issuer);
    const before = (await messagesTo(agent, staff.email)).length;
    const r = await requestCode(agent, staff.username);
    assert.equal(r.url, '/forgot-password/code/code');
    assert.equal((await messagesTo(agent, staff.email)).length, before);
  });

  test('「啟用帳號」 runs the code flow and ends with the account active and a new password', async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
    const agent = new Agent(server.issuer);
    const code = await requestCode(agent, staff.username, '/activate');
    assert.equal(code.url, '/activate/code');
    const sent = (await codeFor(agent, staff.email))!;
    assert.equal(sent, await codeFor(agent, staff.mobile));
    const reset = await enterCode(agent, sent, '/activate');
    assert.equal(reset.url, '/activate/reset');
    assert.ok(reset.html.includes(staff.username) && reset.html.includes('林美華'));
    const done = await postForm(agent, reset.html, { password: newPassword, password2: newPassword });
    assert.equal(done.url, '/activate/done');
    assert.ok(done.html.includes('帳號已啟用'));
    const account = (await server.services.accounts.findByUsername(staff.username))!;
    assert.equal(account.status, 'active');
    assert.equal(await server.services.accounts.disabledReason(account.id), undefined);
    const signedIn = await login(newPassword);
    assert.equal(signedIn.url, '/account', signedIn.html.slice(0, 3000));
  });

  test('an administrator-disabled account trying to re-activate is sent to the helpdesk, only after the code is proven', async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
    await server.services.accounts.disable(await id(), 'admin');
    const agent = new Agent(server.issuer);
    await requestCode(agent, staff.username, '/activate');
    const sent = (await codeFor(agent, staff.email))!;
    const wrong = await enterCode(agent, sent === '000000' ? '111111' : '000000', '/activate');
    assert.equal(wrong.status, 400);
    assert.ok(!wrong.html.includes('管理者'), 'a wrong code reveals nothing');
    const helpdesk = await enterCode(agent, sent, '/activate');
    assert.equal(helpdesk.url, '/activate/helpdesk');
    assert.ok(helpdesk.html.includes('管理者停用') && helpdesk.html.includes('href="/contact"'));
    assert.equal((await agent.get('/activate/reset')).status, 303, 'no way to the new password');
    assert.equal((await server.services.accounts.findByUsername(staff.username))!.status, 'disabled');
  });

  test('an active account at 「啟用帳號」 gets the same page and no message', async () => {
    const agent = new Agent(server.issuer);
    const before = (await messagesTo(agent, teacher.email)).length;
    assert.equal((await requestCode(agent, teacher.username, '/activate')).url, '/activate/code');
    assert.equal((await messagesTo(agent, teacher.email)).length, before);
  });
});

describe('SMTP down during a reset', () => {
  let server: TestServer;
  const smtp = new SmtpCapture();
  before(async () => {
    const port = await smtp.start(0);
    server = await startServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'edusso <no-reply@example.edu.tw>' } });
  });
  after(async () => {
    await server?.cleanup();
    await smtp.stop();
  });

  test('the code mail waits in the outbox while SMTP is down, is delivered when it comes back, and the reset finishes', async () => {
    await smtp.stop();
    const agent = new Agent(server.issuer);
    const page = await requestCode(agent, teacher.username);
    assert.equal(page.url, '/forgot-password/code/code', 'the person is not blocked by the mail server');
    await waitFor('a failed attempt', async () => {
      const [row] = await server.services.db.query<{ attempts: number; last_error: string }>(`SELECT attempts, last_error FROM outbox WHERE recipient = $1`, [teacher.email]);
      return row && row.attempts > 0 && row.last_error ? row : undefined;
    });
    assert.equal(smtp.mails.length, 0);
    await smtp.start();
    await server.services.db.query(`UPDATE outbox SET next_attempt_at = now() WHERE recipient = $1`, [teacher.email]);
    const mail = await waitFor('the code mail', () => smtp.mails.find((m) => m.to.includes(teacher.email)));
    const code = /驗證碼為：(\d{6})/.exec(mail.text)?.[1];
    assert.ok(code, mail.text);
    const reset = await enterCode(agent, code!);
    assert.equal(reset.url, '/forgot-password/code/reset');
    const done = await postForm(agent, reset.html, { password: newPassword, password2: newPassword });
    assert.equal(done.url, '/forgot-password/code/done');
    await waitFor('the notice mail', () => smtp.mails.find((m) => m.to.includes(teacher.email) && m.text.includes(teacher.username)));
  });
});
