import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Account } from '../../storage/ports.ts';
import { afterAttempt, onSubmit } from './flow.ts';

const form = { account: 'demo.teacher', password: 'p', captcha_id: 'c', captcha: '123', action: 'login' };

test('a posted form: a new challenge, a missing field, or an attempt', () => {
  assert.deepEqual(onSubmit({ ...form, action: 'new_captcha', password: '' }), { kind: 'form' });
  assert.deepEqual(onSubmit({ ...form, captcha: '' }), { kind: 'form', error: { key: 'login.missing' } });
  assert.deepEqual(onSubmit(form), { kind: 'attempt' });
});

test('an attempt: signed in, one message for every failure, or a wait in whole minutes', () => {
  const account = { id: 'a' } as Account;
  assert.deepEqual(afterAttempt({ ok: true, account, deviceMark: 'm' }), { kind: 'signed-in', account, deviceMark: 'm' });
  assert.deepEqual(afterAttempt({ ok: false, reason: 'captcha' }), afterAttempt({ ok: false, reason: 'credentials' }));
  assert.deepEqual(afterAttempt({ ok: false, reason: 'throttled', retryAfterSeconds: 61 }), {
    kind: 'form',
    error: { key: 'login.throttled', params: { minutes: 2 } },
    retryAfterSeconds: 61,
  });
});
