import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: what 修改密碼 and 登入中的裝置 end', (t) => {
  test("revokeSessions ends the account's provider sessions but the kept one; grants, tokens and other accounts stay", async () => {
    const { accounts, oidcPayloads } = t().store;
    const a = await accounts.create({ username: 'sessions.a', passwordHash: 'x', displayName: 'A' });
    const b = await accounts.create({ username: 'sessions.b', passwordHash: 'x', displayName: 'B' });
    await oidcPayloads.upsert('Session', 'sess-a1', { accountId: a.id }, 60);
    await oidcPayloads.upsert('Session', 'sess-a2', { accountId: a.id }, 60);
    await oidcPayloads.upsert('Session', 'sess-a3', { accountId: a.id }, 60);
    await oidcPayloads.upsert('Grant', 'grant-a', { accountId: a.id, jti: 'grant-a' }, 60);
    await oidcPayloads.upsert('RefreshToken', 'rt-a', { accountId: a.id, grantId: 'grant-a' }, 60);
    await oidcPayloads.upsert('Session', 'sess-b', { accountId: b.id }, 60);
    assert.equal(await oidcPayloads.revokeSessions(a.id, 'sess-a1'), 2);
    assert.ok(await oidcPayloads.find('Session', 'id', 'sess-a1'), 'the kept one');
    for (const id of ['sess-a2', 'sess-a3']) assert.equal(await oidcPayloads.find('Session', 'id', id), undefined);
    assert.ok(await oidcPayloads.find('Grant', 'id', 'grant-a'));
    assert.ok(await oidcPayloads.find('RefreshToken', 'id', 'rt-a'));
    assert.ok(await oidcPayloads.find('Session', 'id', 'sess-b'), "another account's");
    assert.equal(await oidcPayloads.revokeSessions(a.id), 1, 'without a kept one, every one');
  });

  test("removeOwn ends only the account's own session", async () => {
    const { accounts, webSessions } = t().store;
    const a = await accounts.create({ username: 'sessions.c', passwordHash: 'x', displayName: 'C' });
    const b = await accounts.create({ username: 'sessions.d', passwordHash: 'x', displayName: 'D' });
    await webSessions.create('own-c', a.id, 60);
    await webSessions.create('own-d', b.id, 60);
    assert.equal(await webSessions.removeOwn(a.id, 'own-d'), false);
    assert.ok(await webSessions.find('own-d'));
    assert.equal(await webSessions.removeOwn(a.id, 'own-c'), true);
    assert.equal(await webSessions.find('own-c'), undefined);
  });

  test("a web session remembers its browser's latest provider session", async () => {
    const { accounts, webSessions } = t().store;
    const a = await accounts.create({ username: 'sessions.e', passwordHash: 'x', displayName: 'E' });
    await webSessions.create('link-e', a.id, 60);
    assert.equal(await webSessions.providerSessionOf('link-e'), undefined);
    await webSessions.linkProviderSession('link-e', 'provider-1');
    await webSessions.linkProviderSession('link-e', 'provider-2');
    assert.equal(await webSessions.providerSessionOf('link-e'), 'provider-2');
    assert.equal((await webSessions.find('link-e'))?.accountId, a.id);
  });
});
