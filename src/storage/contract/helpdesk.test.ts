import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

const YUNLIN = '10009000';

contract('storage contract: the helpdesk queue and ticket messages', (t) => {
  test('a ticket keeps its county and account; the queue filters by reach, category, status, county and age', async () => {
    const { tickets, accounts, directory } = t().store;
    await directory.upsertCounties([{ code: '63000000', name: '臺北市', english: 'Taipei City', fullname: '臺北市', moeCode: '38', moeCodes: ['38'] }]);
    const person = await accounts.create({ username: 'ticket.person', passwordHash: 'x', displayName: '甲' });
    const yunlin = await tickets.create({ category: 'account', description: '登不進去', countyCode: YUNLIN, accountId: person.id });
    const taipei = await tickets.create({ category: 'school-not-found', description: '找不到學校', countyCode: '63000000' });
    const nowhere = await tickets.create({ category: 'other', description: '其他' });
    await t().db.query(`UPDATE helpdesk_tickets SET created_at = now() - interval '10 days' WHERE id = $1`, [taipei]);

    const all = { all: true, counties: [] };
    const ids = async (f: Omit<Parameters<typeof tickets.list>[0], 'limit'>) => (await tickets.list({ limit: 50, ...f })).tickets.map((x) => x.id);
    assert.deepEqual(await ids({ reach: all }), [taipei, yunlin, nowhere], 'new tickets, oldest first');
    assert.deepEqual(await ids({ reach: { all: false, counties: [YUNLIN] } }), [yunlin], 'a county reaches its own; a ticket without a county only with all');
    assert.deepEqual(await ids({ reach: { all: false, counties: [] } }), []);
    assert.deepEqual(await ids({ reach: all, category: 'school-not-found' }), [taipei]);
    assert.deepEqual(await ids({ reach: all, countyCode: YUNLIN }), [yunlin]);
    assert.deepEqual(await ids({ reach: all, olderThanDays: 7 }), [taipei]);
    assert.equal((await tickets.list({ reach: all, limit: 1 })).total, 3);

    const got = await tickets.get(yunlin);
    assert.equal(got?.status, 'new');
    assert.equal(got?.countyName, '雲林縣');
    assert.equal(got?.accountId, person.id);
    assert.equal(got?.resolvedAt, null);
    assert.equal(await tickets.get(999999), undefined);
  });

  test('status moves only from the status it is in; resolving stamps the time; the database refuses an unknown status', async () => {
    const { tickets } = t().store;
    const id = await tickets.create({ category: 'other', description: 'x' });
    assert.equal(await tickets.setStatus(id, 'waiting', 'resolved'), false, 'not in that status: nothing changes');
    assert.equal((await tickets.get(id))?.status, 'new');
    assert.equal(await tickets.setStatus(id, 'new', 'in-progress'), true);
    assert.equal(await tickets.setStatus(id, 'in-progress', 'resolved'), true);
    const resolved = await tickets.get(id);
    assert.equal(resolved?.status, 'resolved');
    assert.ok(resolved?.resolvedAt instanceof Date);
    assert.deepEqual(await tickets.list({ reach: { all: true, counties: [] }, status: 'resolved', limit: 10 }).then((r) => r.tickets.map((x) => x.id)), [id]);
    await assert.rejects(t().db.query(`UPDATE helpdesk_tickets SET status = 'open' WHERE id = $1`, [id]), /helpdesk_tickets_status/);
  });

  test('messages are kept in order with their author; a reply needs a channel and a recipient', async () => {
    const { tickets, accounts } = t().store;
    const agent = await accounts.create({ username: 'ticket.agent', passwordHash: 'x', displayName: '乙' });
    const id = await tickets.create({ category: 'other', description: 'x' });
    const before = (await tickets.get(id))!.updatedAt;
    const reply = await tickets.addMessage({ ticketId: id, direction: 'reply', channel: 'email', to: 'a@example.edu.tw', body: '您好', actor: `account:${agent.id}` });
    await tickets.addMessage({ ticketId: id, direction: 'note', channel: null, to: null, body: '已補上學校', actor: 'client:county-system' });
    assert.equal(reply.ticketId, id);
    const list = await tickets.messages(id);
    assert.deepEqual(list.map((m) => [m.direction, m.channel, m.to, m.body, m.actorName]), [
      ['reply', 'email', 'a@example.edu.tw', '您好', 'ticket.agent'],
      ['note', null, null, '已補上學校', null],
    ]);
    assert.ok((await tickets.get(id))!.updatedAt >= before);
    await assert.rejects(tickets.addMessage({ ticketId: id, direction: 'reply', channel: null, to: null, body: 'x', actor: 'cli' }));
    assert.equal((await tickets.messages(id)).length, 2);
  });
});
