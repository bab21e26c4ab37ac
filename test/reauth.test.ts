import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { totpCode, totpStep } from '../src/methods/totp.ts';
import { Agent } from './support/agent.ts';
import { startServer, type TestServer } from './support/server.ts';
import { signedInAgent } from './support/signed-in-agent.ts';
import { accountWithTwoFactor, passwordSignIn, postWith, secondFactor } from './support/two-factor.ts';

const teacher = { username: 'demo.teacher', password: 'Teach#2026sso' };

describe('the password asked again: /account/confirm', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server?.cleanup());
  beforeEach(async () => {
    await server.services.db.query(`DELETE FROM rate_limits`);
  });

  /** Every session's credentials were proven longer ago than the 5 minutes a sensitive change may follow. */
  const longAgo = () => server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '10 minutes'`);
  const question = async (agent: Agent, next = '/account/school') => (await agent.get(`/account/confirm?next=${encodeURIComponent(next)}`)).text();
  const confirm = async (agent: Agent, fields: Record<string, string>, next = '/account/school') => postWith(agent, await question(agent, next), '/account/confirm', { next, ...fields });
  /** Whether a sensitive page opens now, rather than sending the person to the question. */
  const opens = async (agent: Agent, path = '/account/school') => {
    const res = await agent.get(path);
    await res.body?.cancel();
    return res.status === 200;
  };
  const accountId = async (username: string) => (await server.services.accounts.findByUsername(username))!.id;
  const audited = async (username: string) => (await server.services.audit.forAccount(await accountId(username), 20)).map((e) => e.type);
  const records = async (username: string) => (await server.services.store.signIns.forAccount(await accountId(username), 'authentication', 20)).map((r) => `${r.method}:${r.result}`);

  test('a stale session is sent to the question, which shows the account read-only and comes back after the right password', async () => {
    const agent = await signedInAgent(server.issuer, teacher.username, teacher.password);
    await longAgo();
    for (const path of ['/account/school', '/account/contacts']) {
      const res = await agent.get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), `/account/confirm?next=${encodeURIComponent(path)}`);
    }
    const html = await question(agent);
    assert.match(html, /id="account" name="account" value="demo.teacher" readonly/);
    assert.match(html, /type="password"/);
    assert.doesNotMatch(html, /name="captcha"/, 'no captcha for a signed-in session');
    assert.doesNotMatch(html, /name="code"/, 'no code without two-factor');
    const before = await records(teacher.username);
    const ok = await confirm(agent, { password: teacher.password });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/account/school');
    assert.ok(await opens(agent), 'the page opens now');
    assert.ok((await audited(teacher.username)).includes('account.reauthenticated'));
    const after = await records(teacher.username);
    assert.equal(after.length, before.length + 1);
    assert.equal(after[0], 'password:succeeded');
  });

  test('a wrong or missing password gets its message and changes nothing; five wrong ones refuse even the right one', async () => {
    const agent = await signedInAgent(server.issuer, teacher.username, teacher.password);
    await longAgo();
    const empty = await confirm(agent, { password: '' });
    assert.equal(empty.status, 400);
    assert.ok(empty.html.includes('請輸入密碼。'));
    const wrong = await confirm(agent, { password: 'Wrong#2026sso' });
    assert.equal(wrong.status, 400);
    assert.ok(wrong.html.includes('密碼錯誤，請重新輸入。'));
    assert.ok(wrong.html.includes('value="/account/school"'), 'the page to return to is kept');
    assert.equal(await opens(agent), false, 'still not proven');
    assert.ok((await audited(teacher.username)).includes('account.reauthentication_failed'));
    assert.equal((await records(teacher.username))[0], 'password:failed');
    for (let i = 0; i < 4; i++) assert.equal((await confirm(agent, { password: `Wrong#${i}` })).status, 400);
    const locked = await confirm(agent, { password: teacher.password });
    assert.equal(locked.status, 429, 'the right password after five wrong ones waits');
    assert.ok(locked.html.includes('密碼錯誤次數過多'));
    assert.equal(await opens(agent), false);
  });

  test('`next` cannot leave the site', async () => {
    const agent = await signedInAgent(server.issuer, teacher.username, teacher.password);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      assert.ok((await question(agent, next)).includes('name="next" value="/account"'), next);
      const r = await postWith(agent, await question(agent), '/account/confirm', { password: teacher.password, next });
      assert.equal(r.status, 303);
      assert.equal(r.location, '/account', next);
    }
  });

  test('without this browser’s CSRF token nothing is proven; not signed in, the question sends to sign in first', async () => {
    const agent = await signedInAgent(server.issuer, teacher.username, teacher.password);
    await longAgo();
    assert.equal((await agent.post('/account/confirm', { password: teacher.password, next: '/account/school' })).status, 403);
    assert.equal(await opens(agent), false);
    const stranger = await new Agent(server.issuer).get('/account/confirm?next=%2Faccount%2Fschool');
    assert.equal(stranger.status, 302);
    assert.equal(stranger.headers.get('location'), `/login?next=${encodeURIComponent('/account/confirm?next=%2Faccount%2Fschool')}`);
  });

  test('an account with two-factor on also gives a current code (once) or a recovery code', async () => {
    const username = 'reauth.twofactor';
    const password = 'Reauth#2026sso';
    const { account, secret, recoveryCodes } = await accountWithTwoFactor(server, username, password);
    /** The app's code now, for an authenticator last used a minute ago. */
    const code = async () => {
      await server.services.db.query(`UPDATE two_factor SET last_step = $2 WHERE account_id = $1`, [account.id, totpStep() - 2]);
      return totpCode(secret);
    };
    const agent = new Agent(server.issuer);
    assert.equal((await passwordSignIn(agent, username, password)).location, '/login/second-factor');
    assert.equal((await secondFactor(agent, await code())).status, 303);
    await longAgo();
    assert.match(await question(agent), /name="code"/);
    const noCode = await confirm(agent, { password });
    assert.equal(noCode.status, 400);
    assert.ok(noCode.html.includes('請輸入驗證碼或備用代碼。'));
    const wrongCode = await confirm(agent, { password, code: '000000' === totpCode(secret) ? '111111' : '000000' });
    assert.equal(wrongCode.status, 400);
    assert.equal(await opens(agent), false);
    const now = await code();
    assert.equal((await confirm(agent, { password, code: now })).status, 303);
    assert.ok(await opens(agent));
    await longAgo();
    const replayed = await confirm(agent, { password, code: now });
    assert.equal(replayed.status, 400, 'a code works once');
    assert.ok(replayed.html.includes('此驗證碼已使用過'));
    assert.equal((await confirm(agent, { password, code: recoveryCodes[0]! })).status, 303);
    assert.ok(await opens(agent));
  });
});
