import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoAccounts } from '../src/seed/demo.ts';
import { PASSKEYS_BASE, PASSKEYS_PAGE, passkeysDone } from '../src/web/views/passkeys.ts';
import { Agent, formOf } from './support/agent.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';
import { softAuthenticator } from './support/soft-authenticator.ts';
import { accountWithTwoFactor, passwordSignIn, secondFactor } from './support/two-factor.ts';

const [teacher, staff] = demoAccounts;

describe('passkeys over HTTP with a software authenticator', () => {
  let server: TestServer;
  let device: ReturnType<typeof softAuthenticator>;
  before(async () => {
    server = await startServer();
    const { hostname, origin } = new URL(server.issuer);
    device = softAuthenticator({ rpID: hostname, origin });
  });
  after(() => server?.cleanup());

  const csrfOf = async (agent: Agent, path = '/login') => /data-csrf="([^"]+)"/.exec(await (await agent.get(path)).text())![1]!;
  const read = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
  const post = (agent: Agent, path: string, body: unknown) =>
    agent.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  const passkeysOf = async (username: string) =>
    (await server.services.db.query<{ id: string; name: string }>(`SELECT p.id, p.name FROM passkeys p JOIN accounts a ON a.id = p.account_id WHERE a.username = $1`, [username]));
  async function signedIn(account: { username: string; password: string }) {
    const agent = new Agent(server.issuer);
    const { action, fields } = formOf(await (await agent.get('/login')).text());
    const res = await agent.post(action, { ...fields, account: account.username, password: account.password, captcha: TEST_CAPTCHA, action: 'login' });
    assert.equal(res.status, 302);
    return agent;
  }

  test('adding needs this browser’s CSRF token and a sign-in within 5 minutes, else the password again; then it is stored once', async () => {
    const agent = await signedIn(teacher);
    const csrf = await csrfOf(agent, PASSKEYS_PAGE);
    assert.equal((await post(agent, `${PASSKEYS_BASE}/options`, {})).status, 403, 'no CSRF token');
    assert.equal((await post(agent, `${PASSKEYS_BASE}/options`, { _csrf: 'forged' })).status, 403);
    await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '6 minutes'`);
    const stale = await post(agent, `${PASSKEYS_BASE}/options`, { _csrf: csrf });
    assert.equal(stale.status, 403);
    assert.equal((await read(stale)).error, 'passkey.reauth');
    const page = await (await agent.get(PASSKEYS_PAGE)).text();
    const confirmPath = `/account/confirm?next=${encodeURIComponent(`${PASSKEYS_PAGE}#passkeys`)}`;
    assert.ok(page.includes(`href="${confirmPath}"`), 'the password is asked again at /account/confirm');
    const wrong = await agent.post('/account/confirm', { _csrf: csrf, password: 'Wrong#2026sso', next: `${PASSKEYS_PAGE}#passkeys` });
    assert.equal(wrong.status, 400);
    assert.equal((await post(agent, `${PASSKEYS_BASE}/options`, { _csrf: csrf })).status, 403, 'still not proven');
    const right = await agent.post('/account/confirm', { _csrf: csrf, password: teacher.password, next: `${PASSKEYS_PAGE}#passkeys` });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), `${PASSKEYS_PAGE}#passkeys`);

    const options = await read(post(agent, `${PASSKEYS_BASE}/options`, { _csrf: csrf }));
    const answer = device.create(options);
    const added = await post(agent, PASSKEYS_BASE, { _csrf: csrf, name: '', response: answer });
    assert.equal(added.status, 200);
    assert.equal((await read(added)).redirect, passkeysDone('added'));
    assert.deepEqual((await passkeysOf(teacher.username)).map((p) => [p.id, p.name]), [[device.id, 'Passkey']], 'no name typed, no browser named: a plain one');
    const again = await post(agent, PASSKEYS_BASE, { _csrf: csrf, name: 'twice', response: answer });
    assert.equal(again.status, 400, 'the challenge answered once');
    assert.equal((await passkeysOf(teacher.username)).length, 1);

    // A malformed answer, and one for the challenge another account was given, change nothing.
    await post(agent, `${PASSKEYS_BASE}/options`, { _csrf: csrf });
    const bad = await post(agent, PASSKEYS_BASE, { _csrf: csrf, name: 'x', response: { id: 'not a credential' } });
    assert.equal(bad.status, 400);
    assert.equal((await read(bad)).message, '無法新增這個通行金鑰，請再試一次。');
    const other = await signedIn(staff);
    const otherCsrf = await csrfOf(other, PASSKEYS_PAGE);
    const staffOptions = await read(post(other, `${PASSKEYS_BASE}/options`, { _csrf: otherCsrf }));
    const stolen = softAuthenticator({ rpID: new URL(server.issuer).hostname, origin: server.issuer });
    // The teacher's fresh, unanswered challenge, carried by the staff member's browser.
    const teacherOptions = await read(post(agent, `${PASSKEYS_BASE}/options`, { _csrf: csrf }));
    assert.notEqual(teacherOptions.challenge, staffOptions.challenge);
    other.cookiesFor().set('edusso.pk', agent.cookiesFor().get('edusso.pk') ?? '');
    assert.equal((await post(other, PASSKEYS_BASE, { _csrf: otherCsrf, name: 'x', response: stolen.create(teacherOptions) })).status, 400);
    assert.deepEqual(await passkeysOf(staff.username), []);
  });

  test('passwordless sign-in lands where asked; a disabled account is refused as password sign-in refuses it', async () => {
    const agent = new Agent(server.issuer);
    const csrf = await csrfOf(agent);
    const options = await read(post(agent, '/login/passkey/options', { _csrf: csrf }));
    assert.equal(options.userVerification, 'required');
    const res = await post(agent, `/login/passkey?next=${encodeURIComponent(PASSKEYS_PAGE)}`, { _csrf: csrf, response: device.get(options) });
    assert.equal(res.status, 200);
    assert.equal((await read(res)).redirect, PASSKEYS_PAGE);
    assert.match(await (await agent.get(PASSKEYS_PAGE)).text(), /最後使用時間：\d/);

    const account = (await server.services.accounts.findByUsername(teacher.username))!;
    await server.services.accounts.disable(account.id, 'inactive');
    const shut = new Agent(server.issuer);
    const shutCsrf = await csrfOf(shut);
    const o2 = await read(post(shut, '/login/passkey/options', { _csrf: shutCsrf }));
    const refused = await post(shut, '/login/passkey', { _csrf: shutCsrf, response: device.get(o2) });
    assert.equal(refused.status, 403);
    assert.match((await read(refused)).message, /啟用帳號/);
    assert.equal(shut.cookiesFor().has('edusso.sid'), false);
    const [last] = await server.services.db.query<{ method: string; result: string }>(`SELECT method, result FROM sign_in_records WHERE account_id = $1 ORDER BY id DESC LIMIT 1`, [account.id]);
    assert.deepEqual(last, { method: 'passkey', result: 'failed' });
    await server.services.accounts.activate(account.id);
  });

  test('renaming: only the owner’s passkey, a name required; nothing changes otherwise', async () => {
    const [passkey] = await passkeysOf(teacher.username);
    const path = `${PASSKEYS_BASE}/${passkey!.id}/rename`;
    const other = await signedIn(staff);
    const elsewhere = await other.post(path, { _csrf: await csrfOf(other, PASSKEYS_PAGE), name: 'mine now' });
    assert.equal(elsewhere.status, 404);
    assert.match(await elsewhere.text(), /找不到這個通行金鑰/);
    const agent = await signedIn(teacher);
    const csrf = await csrfOf(agent, PASSKEYS_PAGE);
    assert.equal((await agent.post(path, { name: 'no token' })).status, 403);
    const empty = await agent.post(path, { _csrf: csrf, name: '   ' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /<details open>[\s\S]*請輸入名稱/);
    assert.equal((await passkeysOf(teacher.username))[0]!.name, 'Passkey');
    assert.equal((await agent.post(path, { _csrf: csrf, name: '  我的  手機 ' })).status, 303);
    assert.equal((await passkeysOf(teacher.username))[0]!.name, '我的 手機');
  });

  test('removal needs a recent sign-in (else /account/confirm, back to the removal); another account’s passkey is not removed', async () => {
    const [passkey] = await passkeysOf(teacher.username);
    const removePath = `${PASSKEYS_BASE}/${passkey!.id}/remove`;
    const other = await signedIn(staff);
    const otherCsrf = await csrfOf(other, PASSKEYS_PAGE);
    assert.equal((await other.get(removePath)).status, 404);
    assert.equal((await other.post(removePath, { _csrf: otherCsrf })).status, 404);
    const agent = await signedIn(teacher);
    const csrf = await csrfOf(agent, PASSKEYS_PAGE);
    assert.equal((await agent.post(removePath, {})).status, 403, 'no CSRF token');
    await server.services.db.query(`UPDATE web_sessions SET authenticated_at = now() - interval '6 minutes'`);
    const confirmPath = `/account/confirm?next=${encodeURIComponent(removePath)}`;
    for (const res of [await agent.get(removePath), await agent.post(removePath, { _csrf: csrf })]) {
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), confirmPath);
    }
    assert.equal((await passkeysOf(teacher.username)).length, 1);
    const back = await agent.post('/account/confirm', { _csrf: csrf, password: teacher.password, next: removePath });
    assert.equal(back.headers.get('location'), removePath);
    assert.match(await (await agent.get(removePath)).text(), /確定要移除通行金鑰/);
    const removed = await agent.post(removePath, { _csrf: csrf });
    assert.equal(removed.status, 303);
    assert.deepEqual(await passkeysOf(teacher.username), []);
    const [event] = await server.services.db.query<{ detail: { passkey: string } }>(`SELECT detail FROM audit_events WHERE type = 'passkey.removed' ORDER BY id DESC LIMIT 1`);
    assert.equal(event?.detail.passkey, passkey!.id);
  });

  test('as the second factor: only the pending account’s passkey finishes the sign-in; refusals count like wrong codes', async () => {
    const { hostname, origin } = new URL(server.issuer);
    await server.services.db.query(`DELETE FROM rate_limits`);
    const { account } = await accountWithTwoFactor(server, 'pk.second', 'Second#2026sso');
    const mine = softAuthenticator({ rpID: hostname, origin });
    const theirs = softAuthenticator({ rpID: hostname, origin });
    // The owner adds a passkey (signed in with the password and a recovery code); the staff member adds theirs.
    const owner = new Agent(server.issuer);
    assert.equal((await passwordSignIn(owner, 'pk.second', 'Second#2026sso')).location, '/login/second-factor');
    const plain = await (await owner.get('/login/second-factor')).text();
    assert.doesNotMatch(plain, /data-passkey-options/, 'no passkey yet: no 「使用通行金鑰」');
    assert.equal((await secondFactor(owner, 'abcde-fghij', 'recovery')).location, '/account');
    for (const [agent, device] of [[owner, mine], [await signedIn(staff), theirs]] as const) {
      const csrf = await csrfOf(agent, PASSKEYS_PAGE);
      const options = await read(post(agent, `${PASSKEYS_BASE}/options`, { _csrf: csrf }));
      assert.equal((await post(agent, PASSKEYS_BASE, { _csrf: csrf, name: '', response: device.create(options) })).status, 200);
    }

    const nothingPending = new Agent(server.issuer);
    assert.equal((await post(nothingPending, '/login/second-factor/passkey/options', { _csrf: await csrfOf(nothingPending) })).status, 410);

    const agent = new Agent(server.issuer);
    assert.equal((await passwordSignIn(agent, 'pk.second', 'Second#2026sso')).location, '/login/second-factor');
    const page = await (await agent.get('/login/second-factor')).text();
    assert.match(page, /data-passkey-options="\/login\/second-factor\/passkey\/options"[\s\S]*使用通行金鑰/);
    const csrf = /data-csrf="([^"]+)"/.exec(page)![1]!;
    const attempt = async (device: ReturnType<typeof softAuthenticator>) => {
      const options = await read(post(agent, '/login/second-factor/passkey/options', { _csrf: csrf }));
      assert.deepEqual(options.allowCredentials.map((c: { id: string }) => c.id), [mine.id], 'only the pending account’s passkeys are offered');
      return post(agent, '/login/second-factor/passkey', { _csrf: csrf, response: device.get(options) });
    };
    const other = await attempt(theirs);
    assert.equal(other.status, 400);
    assert.equal((await read(other)).message, '無法以這個通行金鑰完成驗證。請再試一次，或改用驗證碼。');
    assert.notEqual((await agent.get('/account')).status, 200, 'not signed in');
    const [failure] = await server.services.db.query<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_events WHERE account_id = $1 AND type = 'login.second_factor_failed'`, [account.id]);
    assert.deepEqual(failure?.detail, { mode: 'passkey', reason: 'unknown' });
    const [record] = await server.services.db.query<{ method: string; result: string }>(`SELECT method, result FROM sign_in_records WHERE account_id = $1 ORDER BY id DESC LIMIT 1`, [account.id]);
    assert.deepEqual(record, { method: 'passkey', result: 'failed' });
    // The same cap as wrong codes: five refusals, then even the right passkey waits.
    for (let i = 0; i < 3; i++) assert.equal((await attempt(theirs)).status, 400);
    const fifth = await attempt(theirs);
    assert.equal(fifth.status, 429);
    assert.match((await read(fifth)).message, /驗證碼錯誤次數過多/);
    assert.equal((await attempt(mine)).status, 429);
    assert.notEqual((await agent.get('/account')).status, 200);

    await server.services.db.query(`DELETE FROM rate_limits`);
    const done = await attempt(mine);
    assert.equal(done.status, 200);
    assert.equal((await read(done)).redirect, '/account');
    assert.equal((await agent.get('/account')).status, 200, 'signed in');
    const [session] = await server.services.db.query<{ methods: string[] }>(`SELECT methods FROM web_sessions WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [account.id]);
    assert.deepEqual(session?.methods, ['password', 'passkey']);
    const [last] = await server.services.db.query<{ method: string; result: string }>(`SELECT method, result FROM sign_in_records WHERE account_id = $1 ORDER BY id DESC LIMIT 1`, [account.id]);
    assert.deepEqual(last, { method: 'passkey', result: 'succeeded' });
    assert.equal((await post(agent, '/login/second-factor/passkey/options', { _csrf: csrf })).status, 410, 'the pending sign-in is over');
  });
});
