import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLoginName, validateAccountName } from './account-name.ts';

test('account names follow the manual: 6–20 of a-z 0-9 _ . starting with a letter', () => {
  assert.deepEqual(validateAccountName('abcdef'), { ok: true, value: 'abcdef' });
  assert.deepEqual(validateAccountName('a'.repeat(20)), { ok: true, value: 'a'.repeat(20) });
  assert.deepEqual(validateAccountName('wang.xm_01'), { ok: true, value: 'wang.xm_01' });
  const error = (s: string) => {
    const r = validateAccountName(s);
    return r.ok ? undefined : r.error;
  };
  assert.equal(error('abcde'), 'account.tooShort');
  assert.equal(error('a'.repeat(21)), 'account.tooLong');
  assert.equal(error('1abcdef'), 'account.start');
  assert.equal(error('Abcdef'), 'account.start');
  assert.equal(error('abc-def'), 'account.characters');
  assert.equal(error('abc,def'), 'account.characters');
  assert.equal(error('administrator'), 'account.reserved');
  assert.equal(error('helpdesk01'), 'account.reserved');
});

test('at login only the part before @ is needed', () => {
  assert.deepEqual(parseLoginName('wang.xm', 'mail.edu.tw'), { ok: true, value: 'wang.xm' });
  assert.deepEqual(parseLoginName(' Wang.XM@MAIL.edu.tw ', 'mail.edu.tw'), { ok: true, value: 'wang.xm' });
  assert.deepEqual(parseLoginName('ｗａｎｇ．ｘｍ', 'mail.edu.tw'), { ok: true, value: 'wang.xm' }, 'full-width typing');
  assert.equal(parseLoginName('wang.xm@gmail.com', 'mail.edu.tw').ok, false);
  assert.equal(parseLoginName('', 'mail.edu.tw').ok, false);
  assert.equal(parseLoginName("wang' OR 1=1", 'mail.edu.tw').ok, false);
});
