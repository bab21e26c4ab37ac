import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: flows and verification codes', (t) => {
  test('a flow is found by id and kind while live; saving checks the version; removed is gone', async () => {
    const { flows } = t().store;
    await flows.create('f1', 'registration', { step: 'identity' }, 60);
    const f = await flows.load<{ step: string }>('f1', 'registration');
    assert.deepEqual([f?.state, f?.version], [{ step: 'identity' }, 0]);
    assert.equal(await flows.load('f1', 'federation'), undefined, 'another kind');
    const [a, b] = await Promise.all([flows.save('f1', 0, { step: 'school' }), flows.save('f1', 0, { step: 'verify' })]);
    assert.deepEqual([a, b].sort(), [false, true], 'of two saves of one version only one wins');
    assert.equal((await flows.load('f1', 'registration'))?.version, 1);
    await flows.remove('f1');
    assert.equal(await flows.load('f1', 'registration'), undefined);
    await flows.create('f2', 'registration', {}, -1);
    assert.equal(await flows.load('f2', 'registration'), undefined, 'expired');
    await assert.rejects(flows.create('f2', 'registration', {}, 60), 'an id is never reused while its row exists');
  });

  test('verification codes: one per flow and channel, attempts counted first, consumed once', async () => {
    const { codes } = t().store;
    const code = { flowId: 'flow-a', purpose: 'registration', channel: 'email' as const, target: 'a@example.edu.tw', codeHash: 'h1', ttlSeconds: 600 };
    assert.equal(await codes.secondsSinceIssued('flow-a', 'email'), undefined);
    await codes.replace({ ...code, id: 'c1' });
    await codes.replace({ ...code, id: 'c2', codeHash: 'h2' });
    assert.ok((await codes.secondsSinceIssued('flow-a', 'email'))! <= 1);
    const first = await codes.countAttempt('flow-a', 'email', 'a@example.edu.tw');
    assert.deepEqual([first?.id, first?.codeHash, first?.attempts, first?.live], ['c2', 'h2', 1, true], 'the newer code replaced the older');
    assert.equal(await codes.countAttempt('flow-a', 'email', 'other@example.edu.tw'), undefined, 'bound to its target');
    assert.equal((await codes.countAttempt('flow-a', 'email', 'a@example.edu.tw'))?.attempts, 2);
    const [x, y] = await Promise.all([codes.consume('c2'), codes.consume('c2')]);
    assert.deepEqual([x, y].sort(), [false, true]);
    assert.equal(await codes.countAttempt('flow-a', 'email', 'a@example.edu.tw'), undefined, 'a used code is gone');
    await codes.replace({ ...code, id: 'c3', ttlSeconds: -1 });
    assert.equal((await codes.countAttempt('flow-a', 'email', 'a@example.edu.tw'))?.live, false, 'expired');
  });
});
