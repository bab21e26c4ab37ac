import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: what recovery and re-activation change', (t) => {
  test('an account is disabled with a reason, found inactive by its last sign-in, and made active again', async () => {
    const { accounts } = t().store;
    const { db } = t();
    const old = await accounts.create({ username: 'recovery.old', passwordHash: 'x', displayName: '舊' });
    const recent = await accounts.create({ username: 'recovery.recent', passwordHash: 'x', displayName: '新' });
    await db.query(`UPDATE accounts SET created_at = now() - interval '200 days'`);
    await accounts.recordLogin(recent.id);
    assert.deepEqual(await accounts.disableInactive(100), [old.id], 'measured from the last sign-in, or the creation');
    assert.deepEqual(await accounts.disableInactive(100), [], 'already disabled ones are not counted again');
    assert.equal((await accounts.findById(old.id))!.status, 'disabled');
    assert.equal(await accounts.disabledReason(old.id), 'inactive');
    assert.equal(await accounts.disabledReason(recent.id), undefined);
    await accounts.disable(recent.id, 'admin');
    assert.equal(await accounts.disabledReason(recent.id), 'admin');
    await accounts.activate(old.id);
    assert.equal((await accounts.findById(old.id))!.status, 'active');
    assert.equal(await accounts.disabledReason(old.id), undefined);
    assert.deepEqual(await accounts.disableInactive(100), [], 'an activation counts as a sign-in');
  });

  test("an account's web sessions and oidc-provider payloads are revoked, others' are kept", async () => {
    const { accounts, webSessions, oidcPayloads } = t().store;
    const a = await accounts.create({ username: 'recovery.a', passwordHash: 'x', displayName: 'A' });
    const b = await accounts.create({ username: 'recovery.b', passwordHash: 'x', displayName: 'B' });
    await webSessions.create('sa1', a.id, 60);
    await webSessions.create('sa2', a.id, 60);
    await webSessions.create('sb1', b.id, 60);
    await oidcPayloads.upsert('Session', 'sess-a', { accountId: a.id }, 60);
    await oidcPayloads.upsert('Grant', 'grant-a', { accountId: a.id, jti: 'grant-a' }, 60);
    await oidcPayloads.upsert('RefreshToken', 'rt-a', { accountId: a.id, grantId: 'grant-a' }, 60);
    await oidcPayloads.upsert('AccessToken', 'at-a', { grantId: 'grant-a' }, 60);
    await oidcPayloads.upsert('Session', 'sess-b', { accountId: b.id }, 60);
    await oidcPayloads.upsert('RefreshToken', 'rt-b', { accountId: b.id, grantId: 'grant-b' }, 60);
    await webSessions.removeForAccount(a.id);
    assert.equal(await webSessions.find('sa1'), undefined);
    assert.equal(await webSessions.find('sa2'), undefined);
    assert.equal((await webSessions.find('sb1'))?.accountId, b.id);
    assert.equal(await oidcPayloads.revokeAccount(a.id), 4);
    for (const [model, id] of [['Session', 'sess-a'], ['Grant', 'grant-a'], ['RefreshToken', 'rt-a'], ['AccessToken', 'at-a']] as const)
      assert.equal(await oidcPayloads.find(model, 'id', id), undefined, `${model} of the account`);
    assert.ok(await oidcPayloads.find('Session', 'id', 'sess-b'));
    assert.ok(await oidcPayloads.find('RefreshToken', 'id', 'rt-b'));
  });
});
