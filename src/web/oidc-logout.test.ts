import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksToConfirmLogout } from './oidc-logout.ts';

test('signing out asks unless nobody is signed in or the hint names everyone who is', () => {
  assert.equal(asksToConfirmLogout([], undefined), false, 'nothing to sign out of');
  assert.equal(asksToConfirmLogout(['a'], undefined), true, 'no hint: ask');
  assert.equal(asksToConfirmLogout(['a'], 'a'), false, 'the application proved who it signed in');
  assert.equal(asksToConfirmLogout(['a'], 'b'), true, 'a token of someone else proves nothing here');
  assert.equal(asksToConfirmLogout(['a', 'b'], 'a'), true, 'the site is signed in as someone else too');
});
