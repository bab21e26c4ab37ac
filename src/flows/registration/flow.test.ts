import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as flow from './flow.ts';

const person: flow.MatchedPerson = { schoolCode: '094601', idHash: 'h', idSealed: 's', birthdaySealed: 'b', name: '陳怡君', identity: '教師', titles: [], classes: [] };
const typed = { name: '陳怡君', idSealed: 's', birthday: '1985/3/7' };
const account = { username: 'chen.yijun', passwordHash: 'x', email: 'a@example.edu.tw', mobile: '0912345678' };
const atAccount = flow.agreed(flow.confirmed(flow.identityVerified(flow.schoolChosen(flow.chooseRole(flow.initialState()), { school: '094601' }), typed, person)));

test('the steps advance in order and never forget progress already made', () => {
  assert.equal(atAccount.step, 'account');
  assert.equal(flow.confirmed(atAccount).step, 'account', 'revisiting 確認 keeps the furthest step');
  assert.equal(flow.redirectForShow(atAccount, 'review', true), 'account', 'no skipping ahead');
  assert.equal(flow.redirectForShow(atAccount, 'school', true), undefined, 'earlier steps can be revisited');
  assert.equal(flow.redirectForShow(atAccount, 'codes', true), 'account', 'no codes page before codes were sent');
  const done = flow.completed(atAccount, 'id', 'chen.yijun');
  assert.equal(flow.redirectForShow(done, 'account', true), 'done');
  assert.equal(flow.redirectForSubmit(done, 'identity'), 'done');
  assert.deepEqual([done.person, done.typed, done.account], [undefined, undefined, undefined], 'a finished flow keeps no personal data');
});

test('without JavaScript, changing one choice clears only the choices after it', () => {
  const place = { county: 'c', district: 'd', level: '國小', school: 's' };
  assert.deepEqual(flow.refinePlace(place, { ...place, county: 'c2' }), { county: 'c2', district: '', level: '', school: '' });
  assert.deepEqual(flow.refinePlace(place, { ...place, district: 'd2' }), { county: 'c', district: 'd2', level: '', school: '' });
  assert.deepEqual(flow.refinePlace(place, { ...place, level: '國中' }), { county: 'c', district: 'd', level: '國中', school: '' });
  assert.deepEqual(flow.refinePlace(place, { ...place, school: 's2' }), { ...place, school: 's2' });
});

test('another school means proving identity again; the same school keeps what was proven', () => {
  const again = flow.schoolChosen(atAccount, { school: '094601' });
  assert.equal(again.person, person);
  const other = flow.schoolChosen(atAccount, { school: '313601' });
  assert.deepEqual([other.step, other.person, other.typed, other.account], ['verify', undefined, undefined, undefined]);
});

test('addresses already proven stay proven when the account step is sent again', () => {
  const codes = flow.accountChosen(atAccount, account, true);
  assert.deepEqual([codes.step, flow.pendingChannels(codes, true)], ['codes', ['email', 'sms']]);
  const emailOnly = flow.codesAccepted(codes, { email: account.email }, false);
  assert.deepEqual([emailOnly.step, flow.pendingChannels(emailOnly, true)], ['codes', ['sms']]);
  const both = flow.codesAccepted(emailOnly, { email: account.email, mobile: account.mobile }, true);
  assert.equal(flow.accountChosen(both, account, true).step, 'review', 'nothing new to prove');
  assert.equal(flow.accountChosen(both, { ...account, email: 'b@example.edu.tw' }, true).step, 'codes');
  assert.equal(flow.accountChosen(atAccount, account, false).step, 'codes', 'email is always proven');
});

test('the availability check is for flows that proved who is registering', () => {
  assert.equal(flow.mayAskAvailability(flow.initialState()), false);
  assert.equal(flow.mayAskAvailability(atAccount), true);
  assert.equal(flow.mayAskAvailability(flow.completed(atAccount, 'id', 'x')), false);
});
