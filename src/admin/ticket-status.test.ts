import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayMove, nextStatuses } from './ticket-status.ts';

test('a ticket moves new → in-progress → waiting → resolved, back to in-progress, and no other way', () => {
  assert.ok(mayMove('new', 'in-progress'));
  assert.ok(mayMove('in-progress', 'waiting'));
  assert.ok(mayMove('waiting', 'resolved'));
  assert.ok(mayMove('waiting', 'in-progress'));
  assert.ok(mayMove('resolved', 'in-progress'), 'reopened');
  for (const [from, to] of [['new', 'waiting'], ['new', 'resolved'], ['resolved', 'waiting'], ['in-progress', 'new'], ['waiting', 'waiting']] as const)
    assert.equal(mayMove(from, to), false, `${from} → ${to}`);
  assert.deepEqual(nextStatuses('in-progress'), ['waiting', 'resolved']);
});
