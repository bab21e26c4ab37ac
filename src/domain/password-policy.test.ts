import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatePassword } from './password-policy.ts';

const errors = (pw: string, ctx = {}) => {
  const r = validatePassword(pw, ctx);
  return r.ok ? [] : r.errors;
};

test('8–20 characters with three of four classes', () => {
  assert.deepEqual(errors('Edu#2026tw'), []);
  assert.deepEqual(errors('abcd1234XY'), []);
  assert.ok(errors('Ab1#xyz').includes('password.tooShort'));
  assert.ok(errors('Ab1#' + 'x'.repeat(17)).includes('password.tooLong'));
  assert.deepEqual(errors('Ab1#' + 'x'.repeat(16)), []);
  assert.ok(errors('abcdefgh12').includes('password.classes'));
  assert.ok(errors('ABCDEFGH!!').includes('password.classes'));
});

test('common passwords, with decorations, are refused', () => {
  assert.ok(errors('Password123!').includes('password.common'));
  assert.ok(errors('P@ssw0rd').includes('password.common'));
  assert.ok(errors('Qwerty123!').includes('password.common'));
  assert.ok(errors('Woaini1314!').includes('password.common'));
});

test('no account name, identity number or birthday inside', () => {
  assert.ok(errors('Wang.xm#2026', { account: 'wang.xm' }).includes('password.containsAccount'));
  assert.ok(errors('xA123456789!', { idNumber: 'A123456789' }).includes('password.containsIdNumber'));
  assert.ok(errors('Zz#19900101', { birthday: '1990-01-01' }).includes('password.containsBirthday'));
  assert.ok(errors('Zz#790101x', { birthday: '1990-01-01' }).includes('password.containsBirthday'), 'ROC year form');
  assert.deepEqual(errors('Zz#20260101', { birthday: '1990-01-01', account: 'wang.xm' }), []);
});
