import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { taipeiTime } from '../src/domain/taipei-time.ts';
import { CURRENT_PASSWORD_FAILURES } from '../src/flows/change-password/service.ts';
import { addClient } from '../src/oidc/client-registry.ts';
import { createProvider } from '../src/oidc/provider.ts';
import { Agent, formOf } from './support/agent.ts';
import { teacher } from './support/recovery.ts';
import { startServer, type TestServer } from './support/server.ts';
import { discover, signIn } from './support/sign-in.ts';
import { signedInAgent, stillSignedIn } from './support/signed-in-agent.ts';
import { SmtpCapture } from './support/smtp-capture.ts';
import { waitFor } from './support/wait.ts';

const teacherPassword = 'Teach#2026sso';
const staff = { username: 'demo.staff', password: 'Staff#2026sso', email: 'demo.staff@example.edu.tw' };
const newPassword = 'Green#Hill2027';

describe('修改密碼 (/account/password)', () => {
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
  beforeEach(async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
  });

  const hashOf = async (username: string) => (await server.services.accounts.findByUsername(username))!.passwordHash;
  const auditTypes = async (username: string) => {
    const account = (await server.services.accounts.findByUsername(username))!;
    return (await server.services.audit.forAccount(account.id, 100)).map((e) => e.type);
  };
  /** Posts the page's change form with these fields (the hidden CSRF token from the page). */
  async function submit(agent: Agent, fields: Record<string, string>) {
    const form = await (await agent.get('/account/password')).text();
    const { action, fields: hidden } = formOf(form.slice(form.indexOf('action="/account/password"') - 40));
    const res = await agent.post(action, { ...hidden, ...fields });
    return { status: res.status, location: res.headers.get('location'), html: res.status === 303 ? '' : await res.text() };
  }

  test('signed out, the page sends to sign-in and comes back', async () => {
    const res = await new Agent(server.issuer).get('/account/password');
    assert.equal(res.headers.get('location'), '/login?next=%2Faccount%2Fpassword');
  });

  test('a wrong current password is refused, audited, and changes nothing', async () => {
    const agent = await signedInAgent(server.issuer, staff.username, staff.password);
    const page = await (await agent.get('/account/password')).text();
    assert.ok(page.includes('目前密碼') && page.includes('登出其他裝置') && /name="sign_out_others" value="on" checked/.test(page), 'the form, 「登出其他裝置」 ticked');
    assert.ok(page.includes('href="/forgot-password">忘記目前密碼？'), 'a way out for a forgotten current password');
    const before = await hashOf(staff.username);
    const r = await submit(agent, { current: 'Wrong#Pass2026', password: newPassword, password2: newPassword, sign_out_others: 'on' });
    assert.equal(r.status, 400);
    assert.ok(r.html.includes('目前密碼錯誤。'), r.html);
    assert.equal(await hashOf(staff.username), before);
    assert.ok((await auditTypes(staff.username)).includes('password.change_failed'));
  });

  test('each rule violation gets its message beside its field and changes nothing', async () => {
    const agent = await signedInAgent(server.issuer, staff.username, staff.password);
    const before = await hashOf(staff.username);
    const cases: [Record<string, string>, string, string][] = [
      [{ current: '', password: newPassword, password2: newPassword }, 'current', '請輸入目前密碼。'],
      [{ current: staff.password, password: 'Ab#1', password2: 'Ab#1' }, 'password', '密碼至少需要 8 個字元。'],
      [{ current: staff.password, password: newPassword, password2: 'Green#Hill2028' }, 'password2', '兩次輸入的密碼不一致。'],
      [{ current: staff.password, password: 'Demo.Staff#99', password2: 'Demo.Staff#99' }, 'password', '帳號'],
      [{ current: staff.password, password: staff.password, password2: staff.password }, 'password', '新密碼不可與目前密碼相同。'],
    ];
    for (const [fields, field, message] of cases) {
      const r = await submit(agent, fields);
      assert.equal(r.status, 400, `${field}: ${message}`);
      const error = new RegExp(`id="${field}-error"[^>]*>([^<]*)<`).exec(r.html)?.[1] ?? '';
      assert.ok(error.includes(message), `${field}: expected ${message}, got «${error}»`);
      assert.ok(r.html.includes('請修正標示的欄位，密碼尚未變更。'));
    }
    assert.equal(await hashOf(staff.username), before, 'nothing changed');
    assert.ok(await stillSignedIn(agent));
  });

  test('without the CSRF token nothing changes', async () => {
    const agent = await signedInAgent(server.issuer, staff.username, staff.password);
    const before = await hashOf(staff.username);
    const res = await agent.post('/account/password', { current: staff.password, password: newPassword, password2: newPassword, sign_out_others: 'on' });
    assert.equal(res.status, 403);
    assert.equal(await hashOf(staff.username), before);
  });

  test('wrong current passwords are capped: after the cap even the right one waits', async () => {
    const agent = await signedInAgent(server.issuer, staff.username, staff.password);
    for (let i = 0; i < CURRENT_PASSWORD_FAILURES.points; i++) assert.equal((await submit(agent, { current: `Wrong#Pass${i}x`, password: newPassword, password2: newPassword })).status, 400);
    const before = await hashOf(staff.username);
    const r = await submit(agent, { current: staff.password, password: newPassword, password2: newPassword, sign_out_others: 'on' });
    assert.equal(r.status, 429);
    assert.match(r.html, /目前密碼錯誤次數過多，請於 \d+ 分鐘後再試/);
    assert.equal(await hashOf(staff.username), before);
  });

  test('a change: the new password works, the old one not; other devices and provider sessions end, this one stays; notice mailed; locked for 24 hours', async () => {
    // Signed in elsewhere twice: through an application (a provider session and a refresh token) and on the site.
    const provider = await createProvider(server.services);
    const c = await addClient(server.services.clients, { name: 'School', redirectUris: ['http://app.localhost/cb'], firstParty: true }, (m) => provider.Client.validate(m));
    const config = await discover(server.issuer, c.clientId, c.clientSecret);
    const viaApp = new Agent(server.issuer);
    const { tokens } = await signIn(viaApp, config, { redirectUri: 'http://app.localhost/cb', username: teacher.username, password: teacherPassword });
    const elsewhere = await signedInAgent(server.issuer, teacher.username, teacherPassword);
    // This browser signed in through the application too: its provider session is the one kept.
    const agent = new Agent(server.issuer);
    const mine = await signIn(agent, config, { redirectUri: 'http://app.localhost/cb', username: teacher.username, password: teacherPassword });
    const account = (await server.services.accounts.findByUsername(teacher.username))!;
    const providerSessions = async () => (await server.services.db.query<{ id: string }>(`SELECT id FROM oidc_payloads WHERE model = 'Session' AND payload->>'accountId' = $1`, [account.id])).map((r) => r.id);
    assert.equal((await providerSessions()).length, 2);

    const r = await submit(agent, { current: teacherPassword, password: newPassword, password2: newPassword, sign_out_others: 'on' });
    assert.equal(r.status, 303);
    assert.equal(r.location, '/account/password?changed=1&others=1');
    const done = await (await agent.get(r.location!)).text();
    assert.ok(done.includes('密碼變更完成，下次登入請使用新密碼。') && done.includes('其他裝置已登出。'), done);
    const unlocks = (await server.services.accounts.passwordLockedUntil(account.id))!;
    assert.ok(unlocks.getTime() - Date.now() > 23 * 3600 * 1000, 'locked for about a day');
    assert.ok(done.includes(`可再次變更密碼的時間：${taipeiTime(unlocks)}（臺北時間）`), 'the unlock time in Taipei time');

    assert.ok(await stillSignedIn(agent), 'this device stays signed in');
    assert.equal(await stillSignedIn(elsewhere), false, 'the other device is signed out');
    assert.equal(await stillSignedIn(viaApp), false);
    assert.equal((await providerSessions()).length, 1, "the other browser's provider session ended, this one's kept");
    // A refresh token issued without offline_access lives with its provider session (oidc-provider's expiresWithSession).
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (err: { error?: string }) => err.error === 'invalid_grant');
    assert.ok((await oidc.refreshTokenGrant(config, mine.tokens.refresh_token!)).access_token, "this browser's application keeps working");

    await assert.rejects(signedInAgent(server.issuer, teacher.username, teacherPassword), /refused/, 'the old password no longer signs in');
    assert.ok(await stillSignedIn(await signedInAgent(server.issuer, teacher.username, newPassword)), 'the new one does');

    const mail = await waitFor('the notice mail', () => smtp.mails.find((m) => m.to.includes(teacher.email) && m.text.includes('密碼已於')));
    assert.ok(mail.text.includes(teacher.username) && mail.text.includes('其他裝置皆已登出。'), mail.text);
    assert.ok((await auditTypes(teacher.username)).includes('password.changed'));

    // The 24-hour rule: the form is gone and a second change is refused.
    const locked = await (await agent.get('/account/password')).text();
    assert.ok(locked.includes('密碼變更完成，需 24 小時後才能再次變更') && !locked.includes('name="current"'));
    const hash = await hashOf(teacher.username);
    const csrf = formOf(await (await agent.get('/contact')).text()).fields._csrf!;
    const again = await agent.post('/account/password', { _csrf: csrf, current: newPassword, password: 'Blue#River2028', password2: 'Blue#River2028' });
    assert.equal(again.status, 409);
    assert.ok((await again.text()).includes('需 24 小時後才能再次變更'));
    assert.equal(await hashOf(teacher.username), hash);
  });

  test('with 「登出其他裝置」 unticked the other devices stay signed in; the mail is in English for an English page', async () => {
    await server.services.db.query(`UPDATE accounts SET password_locked_until = NULL`);
    const elsewhere = await signedInAgent(server.issuer, staff.username, staff.password);
    const agent = await signedInAgent(server.issuer, staff.username, staff.password);
    await (await agent.get('/?lang=en')).body?.cancel();
    const r = await submit(agent, { current: staff.password, password: newPassword, password2: newPassword });
    assert.equal(r.location, '/account/password?changed=1');
    assert.ok(await stillSignedIn(elsewhere));
    assert.ok(await stillSignedIn(agent));
    const mail = await waitFor('the English notice', () => smtp.mails.find((m) => m.to.includes(staff.email) && m.text.includes('was changed at')));
    assert.ok(!mail.text.includes('Every other device was signed out'));
  });
});
