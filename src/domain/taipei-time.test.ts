import assert from 'node:assert/strict';
import { test } from 'node:test';
import { taipeiDate, taipeiTime } from './taipei-time.ts';

test('a moment in Taipei (UTC+8, 24-hour clock), the same digits in either language', () => {
  const at = new Date('2026-11-25T16:05:09Z');
  assert.equal(taipeiTime(at), '2026/11/26 00:05');
  assert.equal(taipeiTime(at, { seconds: true }), '2026/11/26 00:05:09');
  assert.equal(taipeiDate(at), '2026/11/26');
});
