import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: web sessions and sign-in records', (t) => {
  test('sessions keep how and where they were signed in; one account can end only its own', async () => {
    const { webSessions, accounts } = t().store;
    const owner = await accounts.create({ username: 'sessions.owner', passwordHash: 'x', displayName: '甲' });
    const other = await accounts.create({ username: 'sessions.other', passwordHash: 'x', displayName: '乙' });
    await webSessions.create('s-1', owner.id, 3600, { ip: '192.0.2.1', userAgent: 'Firefox', methods: ['password'] });
    await webSessions.create('s-2', owner.id, 3600, { ip: '192.0.2.2', userAgent: 'Chrome', methods: ['county', 'two-factor'] });
    await webSessions.create('s-3', other.id, 3600);
    const found = await webSessions.find('s-2');
    assert.deepEqual([found?.ip, found?.userAgent, found?.methods], ['192.0.2.2', 'Chrome', ['county', 'two-factor']]);
    assert.equal((await webSessions.listForAccount(owner.id)).length, 2);
    assert.equal(await webSessions.removeOwn(owner.id, 's-3'), false, "another account's session is not ended");
    assert.ok(await webSessions.find('s-3'));
    assert.equal(await webSessions.removeOwn(owner.id, 's-1'), true);
    await webSessions.create('s-4', owner.id, 3600);
    await webSessions.removeForAccount(owner.id, 's-4');
    assert.deepEqual((await webSessions.listForAccount(owner.id)).map((s) => s.idHash), ['s-4'], 'every session but the kept one ended');
    const before = (await webSessions.find('s-4'))!.authenticatedAt;
    await new Promise((r) => setTimeout(r, 20));
    await webSessions.reauthenticated('s-4');
    assert.ok((await webSessions.find('s-4'))!.authenticatedAt > before);
  });

  test('sign-in records come back newest first, by kind, with the application name, and are purged by age', async () => {
    const { signIns, accounts, clients, db } = { ...t().store, db: t().db };
    const account = await accounts.create({ username: 'records.owner', passwordHash: 'x', displayName: '丙' });
    await clients.insert({ clientId: 'rec-app', name: '校務系統', firstParty: false, homeUrl: null, metadata: {} });
    await signIns.record({ accountId: account.id, kind: 'authentication', method: 'password', result: 'failed', ip: '192.0.2.9' });
    await signIns.record({ accountId: account.id, kind: 'authentication', method: 'password', result: 'succeeded', ip: '192.0.2.9' });
    await signIns.record({ accountId: account.id, kind: 'application', clientId: 'rec-app', method: 'password', result: 'succeeded' });
    const auth = await signIns.forAccount(account.id, 'authentication', 10);
    assert.deepEqual(auth.map((r) => r.result), ['succeeded', 'failed']);
    assert.equal((await signIns.forAccount(account.id, 'authentication', 1)).length, 1);
    const apps = await signIns.forAccount(account.id, 'application', 10);
    assert.deepEqual(apps.map((r) => [r.clientId, r.clientName]), [['rec-app', '校務系統']]);
    await db.query(`UPDATE sign_in_records SET at = now() - interval '400 days' WHERE result = 'failed'`);
    assert.equal(await signIns.purgeOlderThan(365), 1);
    assert.equal((await signIns.forAccount(account.id, 'authentication', 10)).length, 1);
  });
});
