import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLoginName, validateAccountName } from './account-name.ts';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('6–20 characters: boundaries 5/6/20/21', () => {
  assert.equal(err(validateAccountName('abcde')), 'account.tooShort');
  assert.deepEqual(validateAccountName('abcdef'), { ok: true, value: 'abcdef' });
  assert.deepEqual(validateAccountName('a'.repeat(20)), { ok: true, value: 'a'.repeat(20) });
  assert.equal(err(validateAccountName('a'.repeat(21))), 'account.tooLong');
  assert.equal(err(validateAccountName('')), 'account.required');
  assert.equal(err(validateAccountName('   ')), 'account.required');
});

test('a-z 0-9 _ . only, starting with a lowercase letter', () => {
  assert.deepEqual(validateAccountName('wang.xm_01'), { ok: true, value: 'wang.xm_01' });
  assert.deepEqual(validateAccountName(' chen.yijun '), { ok: true, value: 'chen.yijun' }, 'trimmed');
  assert.deepEqual(validateAccountName('ｗａｎｇ．ｘｍ０１'), { ok: true, value: 'wang.xm01' }, 'full-width typing');
  assert.equal(err(validateAccountName('9teacher')), 'account.start');
  assert.equal(err(validateAccountName('_abcdef')), 'account.start');
  assert.equal(err(validateAccountName('.abcdef')), 'account.start');
  assert.equal(err(validateAccountName('Abcdef')), 'account.uppercase');
  assert.equal(err(validateAccountName('wangXM01')), 'account.uppercase');
  assert.equal(err(validateAccountName('abc-def')), 'account.characters');
  assert.equal(err(validateAccountName('abc,def'), ), 'account.characters', 'the manual prints 「,」 but means 「.」');
  assert.equal(err(validateAccountName('王小明老師帳號')), 'account.characters');
  assert.equal(err(validateAccountName('abc def')), 'account.characters');
});

test('reserved names are refused, also with digits or _ . after them or as a part', () => {
  for (const name of ['administrator', 'helpdesk', 'postmaster', 'webmaster', 'security', 'noreply', 'support']) {
    assert.equal(err(validateAccountName(name)), 'account.reserved', name);
  }
  for (const name of ['admin01', 'root_1', 'system.', 'test123', 'guest2024', 'moe.support', 'it_admin', 'school.root']) {
    assert.equal(err(validateAccountName(name)), 'account.reserved', name);
  }
  for (const name of ['new.teacher', 'demo.staff', 'testudo', 'rooted.tree', 'moesha', 'wang.admiral']) {
    assert.equal(validateAccountName(name).ok, true, name);
  }
});

test('at login only the part before @ is needed', () => {
  assert.deepEqual(parseLoginName('wang.xm', 'mail.edu.tw'), { ok: true, value: 'wang.xm' });
  assert.deepEqual(parseLoginName(' Wang.XM@MAIL.edu.tw ', 'mail.edu.tw'), { ok: true, value: 'wang.xm' });
  assert.deepEqual(parseLoginName('wang.xm@mail.edu.tw', 'MAIL.EDU.TW'), { ok: true, value: 'wang.xm' });
  assert.deepEqual(parseLoginName('ｗａｎｇ．ｘｍ＠ｍａｉｌ．ｅｄｕ．ｔｗ', 'mail.edu.tw'), { ok: true, value: 'wang.xm' }, 'full-width');
  assert.equal(err(parseLoginName('wang.xm@gmail.com', 'mail.edu.tw')), 'account.otherDomain');
  assert.equal(err(parseLoginName('wang.xm@', 'mail.edu.tw')), 'account.otherDomain');
  assert.equal(err(parseLoginName('', 'mail.edu.tw')), 'account.required');
  assert.equal(err(parseLoginName('@mail.edu.tw', 'mail.edu.tw')), 'account.required');
  assert.equal(err(parseLoginName('a'.repeat(21), 'mail.edu.tw')), 'account.tooLong');
  assert.equal(err(parseLoginName("wang' OR 1=1", 'mail.edu.tw')), 'account.characters');
});
