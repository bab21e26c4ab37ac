import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterLookup, shownName } from './flow.ts';

test('a masked account name keeps its first and last two characters', () => {
  assert.equal(shownName('teacher', 'masked'), 'te***er');
  assert.equal(shownName('teacher01', 'masked'), 'te*****01');
  assert.equal(shownName('teacher', 'full'), 'teacher');
});

test('every number without an account gets the same outcome', () => {
  assert.deepEqual(afterLookup(undefined, 'full'), { kind: 'not-found' });
  assert.deepEqual(afterLookup(undefined, 'masked'), { kind: 'not-found' });
  assert.deepEqual(afterLookup({ username: 'teacher' }, 'masked'), { kind: 'found', shown: 'te***er', masked: true });
});
