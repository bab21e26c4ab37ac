import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterCounty, endsFlow, identified, interactionOf, mayUnlink, purposeOf, started } from './flow.ts';

const facts = (hasAccount: boolean, hasIdNumber = true, locked = false) => ({ hasAccount, hasIdNumber, locked });

test('what a county identity leads to, by purpose', () => {
  assert.deepEqual(afterCounty('register', facts(false)), { next: 'registration' });
  assert.deepEqual(afterCounty('login', facts(true)), { next: 'signed-in' });
  assert.deepEqual(afterCounty('login', facts(false, false)), { next: 'link' }, 'no match: link once with the password');
  assert.deepEqual(afterCounty('forgot-account', facts(true)), { next: 'forgot-result' });
  assert.deepEqual(afterCounty('forgot-account', facts(false)), { next: 'no-account' });
  assert.deepEqual(afterCounty('reset-password', facts(false, false)), { next: 'no-id-number' });
  assert.deepEqual(afterCounty('reset-password', facts(true, true, true)), { next: 'reset-form', locked: true });
});

test('the flow lives on only while a form still needs it', () => {
  assert.equal(endsFlow({ next: 'link' }), false);
  assert.equal(endsFlow({ next: 'reset-form', locked: false }), false);
  assert.equal(endsFlow({ next: 'reset-form', locked: true }), true);
  assert.equal(endsFlow({ next: 'forgot-result' }), true);
});

test('the pending request is spent once the county answered', () => {
  const s = identified(started('yunlin', 'login', { state: 's', nonce: 'n', codeVerifier: 'v' } as never), { providerId: 'yunlin', subject: 'x' } as never);
  assert.equal(s.pending, undefined);
  assert.equal(s.identity?.subject, 'x');
});

test('purposes and interactions from the query are checked', () => {
  assert.equal(purposeOf('reset-password'), 'reset-password');
  assert.equal(purposeOf('admin'), 'login');
  assert.equal(interactionOf('abcdefghij_-1'), 'abcdefghij_-1');
  assert.equal(interactionOf('../x'), undefined);
});

test('a county identity is never the last way in', () => {
  assert.equal(mayUnlink(true, 1), true);
  assert.equal(mayUnlink(false, 1), false);
  assert.equal(mayUnlink(false, 2), true);
});
