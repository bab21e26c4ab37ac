import assert from 'node:assert/strict';
import { test } from 'node:test';
import { landing, newChallenge, usable } from './flow.ts';

test('a challenge answers only its own ceremony, for the account that asked, and only once', () => {
  const register = newChallenge('register', 'c1', 'account-1');
  assert.equal(usable(register, 'register', 'account-1'), true);
  assert.equal(usable(register, 'register', 'account-2'), false, 'another account');
  assert.equal(usable(register, 'login'), false, 'a registration challenge cannot sign in');
  assert.equal(usable({ ...register, used: true }, 'register', 'account-1'), false, 'used');
  const login = newChallenge('login', 'c2');
  assert.equal(usable(login, 'login'), true);
  assert.equal(usable(login, 'login', 'account-1'), false);
});

test('a passkey sign-in lands on the page asked for, or 查閱個人資料', () => {
  assert.equal(landing('/account/passkeys'), '/account/passkeys');
  assert.equal(landing(undefined), '/account');
});
