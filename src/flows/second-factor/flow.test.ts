import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modeOf, sessionMethods } from './flow.ts';

test('the session is proven by the first factor and the second', () => {
  const pending = { accountId: 'a', method: 'county' as const, next: '/account' };
  assert.deepEqual(sessionMethods(pending, 'totp'), ['county', 'two-factor']);
  assert.deepEqual(sessionMethods(pending, 'recovery'), ['county', 'two-factor']);
  assert.deepEqual(sessionMethods({ ...pending, method: 'password' }, 'passkey'), ['password', 'passkey']);
});

test('the page is in recovery-code mode only when asked', () => {
  assert.deepEqual([modeOf('recovery'), modeOf('code'), modeOf(undefined), modeOf(['recovery'])], ['recovery', 'code', 'code', 'code']);
});
