import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateMobile } from './phone.ts';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('Taiwan mobile numbers in the forms people type, normalised to 09xxxxxxxx', () => {
  for (const s of ['0912345678', ' 0912 345 678 ', '0912-345-678', '(0912)345-678', '+886912345678', '+886 912 345 678', '+886-912-345-678', '+886 0912345678', '886912345678', '00886912345678', '０９１２３４５６７８']) {
    assert.deepEqual(validateMobile(s), { ok: true, value: '0912345678' }, s);
  }
});

test('wrong numbers: mobile.format, landlines: mobile.landline, empty: mobile.required', () => {
  for (const s of ['091234567', '09123456789', '0812345678x', '1912345678', '+1 912 345 678', 'abc', '+886 112345678']) {
    assert.equal(err(validateMobile(s)), 'mobile.format', s);
  }
  assert.equal(err(validateMobile('02-23456789')), 'mobile.landline');
  assert.equal(err(validateMobile('037-123456')), 'mobile.landline');
  assert.equal(err(validateMobile('')), 'mobile.required');
  assert.equal(err(validateMobile(' - ')), 'mobile.required');
});
