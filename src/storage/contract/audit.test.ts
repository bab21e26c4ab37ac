import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: audit counts', (t) => {
  test('recent events are counted by type and address, and failed sign-ins by the name hash', async () => {
    const { audit } = t().store;
    for (let i = 0; i < 3; i++) await audit.record({ type: 'registration.verify_failed', ip: '192.0.2.1' });
    await audit.record({ type: 'registration.verify_failed', ip: '192.0.2.2' });
    await audit.record({ type: 'registration.verified', ip: '192.0.2.1' });
    assert.equal(await audit.recentFromIp('registration.verify_failed', '192.0.2.1', 60), 3);
    assert.equal(await audit.recentFromIp('registration.verify_failed', '198.51.100.9', 60), 0);
    await audit.record({ type: 'login.failed', detail: { name_hash: 'n1' } });
    await audit.record({ type: 'login.failed', detail: { name_hash: 'n1' } });
    await audit.record({ type: 'login.succeeded', detail: { name_hash: 'n1' } });
    assert.equal(await audit.recentFailures('n1', 15), 2);
    assert.equal(await audit.recentFailures('n2', 15), 0);
  });
});
