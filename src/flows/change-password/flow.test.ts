import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as flow from './flow.ts';

const ok = { ok: true } as const;

test('the form while the password may change; the lock and its end within 24 hours of a change', () => {
  const now = new Date('2026-11-25T04:00:00Z');
  assert.deepEqual(flow.pageFor(undefined, now), { step: 'form', signOutOthers: true });
  assert.equal(flow.pageFor(new Date('2026-11-25T03:59:00Z'), now).step, 'form', 'an ended lock is no lock');
  const until = new Date('2026-11-26T04:00:00Z');
  assert.deepEqual(flow.pageFor(until, now, { changed: true }), { step: 'locked', until, changed: true, othersEnded: false });
});

test('every field gets its error at once; the new password is judged even when the current one is wrong', () => {
  assert.deepEqual(flow.errorsOf({ current: 'ok', rule: ok, same: false }), {});
  assert.deepEqual(flow.errorsOf({ current: 'wrong', rule: { ok: false, field: 'password', key: 'password.tooShort' }, same: false }), {
    current: { key: 'changePassword.wrongCurrent' },
    password: { key: 'password.tooShort' },
  });
  assert.deepEqual(flow.errorsOf({ current: 'missing', rule: { ok: false, field: 'password2', key: 'password.mismatch' }, same: false }), {
    current: { key: 'changePassword.currentRequired' },
    password2: { key: 'password.mismatch' },
  });
  assert.deepEqual(flow.errorsOf({ current: 'ok', rule: ok, same: true }), { password: { key: 'changePassword.sameAsCurrent' } });
  assert.deepEqual(flow.errorsOf({ current: 'wrong', rule: ok, same: true }), { current: { key: 'changePassword.wrongCurrent' } }, 'a wrong guess learns nothing from "same"');
});

test('「登出其他裝置」 counts only when the ticked box is sent', () => {
  assert.equal(flow.wantsOthersSignedOut('on'), true);
  assert.equal(flow.wantsOthersSignedOut(''), false);
  assert.equal(flow.wantsOthersSignedOut(undefined), false);
});
