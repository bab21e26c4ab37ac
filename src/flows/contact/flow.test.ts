import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOf, contactOf, whoOf } from './flow.ts';

test('categories come from the URL only when known', () => {
  assert.equal(categoryOf('no-code'), 'no-code');
  assert.equal(categoryOf('admin'), undefined);
});

test('a contact is an email address or a mobile number', () => {
  assert.deepEqual(contactOf(' me@example.com '), { channel: 'email', to: 'me@example.com' });
  assert.equal(contactOf('0912345678')?.channel, 'sms');
  assert.equal(contactOf('me@'), undefined);
  assert.equal(contactOf('12'), undefined);
});

test('the person field is an identity number or an account name', () => {
  assert.deepEqual(whoOf('e123456783'), { kind: 'id', idNumber: 'E123456783' });
  assert.deepEqual(whoOf('demo.teacher@mail.edu.tw'), { kind: 'account', username: 'demo.teacher' });
  assert.equal(whoOf(''), undefined);
});
