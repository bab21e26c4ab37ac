import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as flow from './flow.ts';
import { contactsChangedMessage } from './notice.ts';

const current = { email: 'old@example.com', mobile: '0912345678' };

test('only changed values get a code; clearing the mobile needs none; the same values are no change', () => {
  assert.deepEqual(flow.channelsToProve(current, { email: 'new@example.com', mobile: '0912345678' }), ['email']);
  assert.deepEqual(flow.channelsToProve(current, { email: 'old@example.com', mobile: '0933000111' }), ['sms']);
  assert.deepEqual(flow.channelsToProve(current, { email: 'new@example.com', mobile: '0933000111' }), ['email', 'sms']);
  assert.deepEqual(flow.channelsToProve(current, { email: 'old@example.com', mobile: null }), []);
  assert.equal(flow.unchanged(current, { email: 'old@example.com', mobile: '0912345678' }), true);
  assert.equal(flow.unchanged(current, { email: 'old@example.com', mobile: null }), false);
});

test('the change is ready to save only when every new value is proven', () => {
  const s = flow.requested('acc-1', current, { email: 'new@example.com', mobile: '0933000111' });
  assert.equal(flow.readyToSave(s), false);
  const emailOnly = flow.proven(s, ['email']);
  assert.deepEqual(emailOnly.pending, ['sms']);
  assert.equal(flow.readyToSave(emailOnly), false);
  assert.equal(flow.readyToSave(flow.proven(emailOnly, ['sms'])), true);
  assert.equal(flow.targetOf(s, 'sms'), '0933000111');
  assert.equal(flow.completed(s).step, 'done');
});

test('masked forms show enough to recognise an address, not the whole of it', () => {
  assert.equal(flow.maskEmail('demo.teacher@example.edu.tw'), 'de***@example.edu.tw');
  assert.equal(flow.maskEmail('a@example.com'), 'a***@example.com');
  assert.equal(flow.maskMobile('0912345678'), '0912***678');
  assert.equal(flow.maskMobile(null), '');
});

test('the notice to the old email names what changed, masked, in the person’s language', () => {
  const zh = contactsChangedMessage('demo.teacher', current, { email: 'new@example.com', mobile: null });
  assert.match(zh.text, /電子郵件信箱：ol\*\*\*@example\.com → ne\*\*\*@example\.com/);
  assert.match(zh.text, /行動電話：0912\*\*\*678 → （無）/);
  assert.ok(!zh.text.includes('new@example.com') && !zh.text.includes('0912345678'));
  const en = contactsChangedMessage('demo.teacher', current, { email: 'old@example.com', mobile: '0933000111' }, 'en');
  assert.match(en.subject, /changed/);
  assert.match(en.text, /Mobile phone: 0912\*\*\*678 → 0933\*\*\*111/);
  assert.ok(!en.text.includes('Email:'), 'an unchanged email is not listed');
});
