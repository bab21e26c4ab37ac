import assert from 'node:assert/strict';
import { test } from 'node:test';
import { taipeiTime } from './taipei-time.ts';

test('a moment in Taipei (UTC+8, 24-hour clock) with plain spaces, in either language', () => {
  const at = new Date('2026-11-25T16:05:00Z');
  assert.equal(taipeiTime(at), '2026/11/26 00:05');
  assert.equal(taipeiTime(at, 'en'), '26/11/2026, 00:05');
});
