import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: outbox and helpdesk tickets', (t) => {
  test('outbox: queued, listed newest first, claimed once, sent or retried later', async () => {
    const { outbox } = t().store;
    await outbox.enqueue({ channel: 'email', to: 'a@example.edu.tw', subject: 's', text: 'one' });
    await outbox.enqueue({ channel: 'sms', to: '0912345678', text: 'two' });
    assert.deepEqual((await outbox.recent(10)).map((m) => [m.channel, m.to, m.subject, m.text]), [['sms', '0912345678', '', 'two'], ['email', 'a@example.edu.tw', 's', 'one']]);
    const [a, b] = await Promise.all([outbox.claimDue(['email'], 10, 60), outbox.claimDue(['email'], 10, 60)]);
    assert.equal(a.length + b.length, 1, 'two nodes never claim one message');
    const [m] = [...a, ...b];
    await outbox.markFailed(m!.id, 'x'.repeat(600), 3600);
    assert.deepEqual(await outbox.claimDue(['email'], 10, 60), [], 'a failed message waits for its retry time');
    const [sms] = await outbox.claimDue(['sms'], 10, 60);
    assert.equal(sms?.attempts, 0);
    await outbox.markSent(sms!.id);
    assert.deepEqual(await outbox.claimDue(['sms'], 10, 0), [], 'sent once');
  });

  test('tickets get increasing numbers', async () => {
    const { tickets } = t().store;
    const first = await tickets.create({ category: 'school-not-found', description: '找不到學校', contact: 'a@example.edu.tw', detail: { flow: 'registration' } });
    const second = await tickets.create({ category: 'other', description: 'x'.repeat(5000) });
    assert.ok(Number.isInteger(first) && second > first);
  });
});
