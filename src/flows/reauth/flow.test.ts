import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reauthUrl } from '../kit/signed-in.ts';
import { codeKind, landing, missing } from './flow.ts';

test('the page returned to is a local one; anything else lands on 查閱個人資料', () => {
  assert.equal(landing('/account/school'), '/account/school');
  assert.equal(landing('/account/passkeys#passkeys'), '/account/passkeys#passkeys');
  for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '', undefined, ['/account']]) assert.equal(landing(bad), '/account', String(bad));
});

test('the question’s address carries the page to return to, encoded', () => {
  assert.equal(reauthUrl('/account/passkeys#passkeys'), '/account/confirm?next=%2Faccount%2Fpasskeys%23passkeys');
});

test('six digits are the app’s code; anything else is a recovery code', () => {
  assert.equal(codeKind('123456'), 'totp');
  assert.equal(codeKind(' 123 456 '), 'totp');
  assert.equal(codeKind('abcde-fghij'), 'recovery');
  assert.equal(codeKind('12345'), 'recovery');
});

test('a missing password, and a missing code when two-factor is on, are named before anything is checked', () => {
  assert.deepEqual(missing({ password: '', code: '' }, false), { password: { key: 'reauth.passwordMissing' } });
  assert.deepEqual(missing({ password: 'x', code: ' ' }, true), { code: { key: 'reauth.codeMissing' } });
  assert.deepEqual(missing({ password: 'x', code: '' }, false), {});
});
