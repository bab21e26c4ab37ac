import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: audit events', (t) => {
  test('events are kept with their account, client, address and detail, newest first', async () => {
    const { audit, accounts } = t().store;
    const account = await accounts.create({ username: 'audit.contract', passwordHash: 'x', displayName: '稽核' });
    await audit.record({ type: 'login.failed', accountId: account.id, ip: '192.0.2.1', detail: { reason: 'password' } });
    await audit.record({ type: 'login.succeeded', accountId: account.id, ip: '192.0.2.1', userAgent: 'x'.repeat(400), detail: { method: 'password' } });
    await audit.record({ type: 'registration.verify_failed', ip: '192.0.2.2' });
    const events = await audit.forAccount(account.id, 10);
    assert.deepEqual(events.map((e) => e.type), ['login.succeeded', 'login.failed']);
    assert.equal(events[0]!.ip, '192.0.2.1');
    assert.equal(events[0]!.userAgent!.length, 300, 'user agents are cut to 300 characters');
    assert.deepEqual(events[1]!.detail, { reason: 'password' });
    assert.ok(events[0]!.at instanceof Date);
  });
});
