import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromAmr, strongestMethod, toAmr } from './sign-in-method.ts';

test('sign-in methods travel as RFC 8176 amr values and come back', () => {
  assert.deepEqual(toAmr(['password']), ['pwd']);
  assert.deepEqual(toAmr(['password', 'two-factor']), ['pwd', 'otp', 'mfa']);
  assert.deepEqual(fromAmr(['fed', 'otp', 'mfa']), ['county', 'two-factor']);
  assert.deepEqual(fromAmr(undefined), []);
  assert.equal(strongestMethod(['password', 'two-factor']), 'two-factor');
  assert.equal(strongestMethod(['county']), 'county');
  assert.equal(strongestMethod([]), undefined);
});
