import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { birthdayForms, checkNewPassword, checkPasswordConfirmation, validatePassword, type PasswordContext } from './password-policy.ts';

const errors = (pw: string, ctx: PasswordContext = {}) => {
  const r = validatePassword(pw, ctx);
  return r.ok ? [] : r.errors;
};

test('a good password passes and comes back unchanged', () => {
  assert.deepEqual(validatePassword('Edu#2026tw'), { ok: true, value: 'Edu#2026tw' });
  assert.deepEqual(errors('abcd1234XY'), []);
  assert.deepEqual(errors('Green#Hill2026', { account: 'zhang.zm', idNumber: 'A123456789', birthday: '1979-11-20' }), []);
});

test('8–20 characters: boundaries 7/8/20/21', () => {
  assert.deepEqual(errors('Ab1#xyz'), ['password.tooShort']);
  assert.deepEqual(errors('Ab1#xyzw'), []);
  assert.deepEqual(errors('Ab1#' + 'x'.repeat(16)), []);
  assert.deepEqual(errors('Ab1#' + 'x'.repeat(17)), ['password.tooLong']);
});

test('at least three of upper case, lower case, digits, special characters', () => {
  assert.deepEqual(errors('tealeaf12'), ['password.classes']);
  assert.deepEqual(errors('TEALEAF!!'), ['password.classes']);
  assert.deepEqual(errors('tealeaf!!'), ['password.classes']);
  assert.deepEqual(errors('Tealeaf12'), []);
  assert.deepEqual(errors('tealeaf!12'), []);
  assert.deepEqual(errors('TEALEAF!12'), []);
});

test('spaces and full-width characters are refused', () => {
  assert.deepEqual(errors('Edu 2026tw'), ['password.characters']);
  assert.ok(errors('Ｅｄｕ＃２０２６ｔｗ').includes('password.characters'));
  assert.ok(errors('教育Edu#2026').includes('password.characters'));
});

test('every failure is reported, first one as error', () => {
  const r = validatePassword('tea');
  assert.ok(!r.ok);
  assert.equal(r.error, 'password.tooShort');
  assert.deepEqual(r.errors, ['password.tooShort', 'password.classes']);
});

test('common passwords, case-insensitive and with digit or symbol decorations, are refused', () => {
  for (const pw of ['Password123!', 'password123!', 'PASSWORD2026#', 'P@ssw0rd', 'P@ssw0rd99!', 'Qwerty123!', 'Woaini1314!', '!Qaz2wsx', '1qaz@WSX', 'Taiwan2026!', 'Teacher@123', 'Sunshine#2025', 'Aa123456!']) {
    assert.ok(errors(pw).includes('password.common'), pw);
  }
  for (const pw of ['Green#Hill2026', 'Known#Pass2026', 'Tea4Two#Cups']) assert.ok(!errors(pw).includes('password.common'), pw);
});

test('the blocklist ships a few hundred entries, lower case, one a line', () => {
  const lines = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.length >= 300, `${lines.length} entries`);
  assert.equal(new Set(lines).size, lines.length, 'no duplicates');
});

test('no account name inside, in any case, with or without its . and _', () => {
  assert.deepEqual(errors('Wang.xm#2026', { account: 'wang.xm' }), ['password.containsAccount']);
  assert.deepEqual(errors('WANGXM#2026', { account: 'wang.xm' }), ['password.containsAccount']);
  assert.deepEqual(errors('Zhang.zm#2026', { account: 'zhang.zm' }), ['password.containsAccount']);
});

test('no identity number inside, whole or its eight digits', () => {
  assert.deepEqual(errors('xA123456789!', { idNumber: 'A123456789' }), ['password.containsIdNumber']);
  assert.deepEqual(errors('Xx#P123456781', { idNumber: 'p123456781' }), ['password.containsIdNumber']);
  assert.deepEqual(errors('Ab#23456789', { idNumber: 'A123456789' }), ['password.containsIdNumber'], 'the digits after the letter and sex digit');
  assert.deepEqual(errors('My#P-2024-0001', { idNumber: 'P-2024-0001' }), ['password.containsIdNumber'], 'other ID');
});

test('no birthday inside: 19900101, 1990/1/1, 0101, ROC 790101', () => {
  const ctx = { birthday: '1990-01-01' };
  for (const pw of ['Zz#19900101', 'Zz#1990/1/1', 'Zz#1990/01/01', 'Zz#1990-01-01', 'Zz#x0101x', 'Zz#790101x', 'Zz#79/1/1']) {
    assert.deepEqual(errors(pw, ctx), ['password.containsBirthday'], pw);
  }
  assert.deepEqual(errors('Zz#20260202', ctx), []);
  assert.deepEqual(errors('Zz#1040315x', { birthday: '2015/3/15' }), ['password.containsBirthday'], 'three-digit ROC year');
  assert.deepEqual(birthdayForms('2001-01-01'), ['20010101', '2001/1/1', '2001/01/01', '2001-01-01', '0101', '900101', '90/1/1']);
});

test('identity checks come before the birthday, in a stable order', () => {
  assert.deepEqual(errors('Xx#P123456781', { idNumber: 'P123456781', birthday: '1979-12-01' }), ['password.containsIdNumber']);
  assert.deepEqual(errors('wangxm1201', { account: 'wang.xm', birthday: '1980-12-01' }), ['password.classes', 'password.containsAccount', 'password.containsBirthday']);
});

test('the password typed twice must match exactly', () => {
  assert.deepEqual(checkPasswordConfirmation('Edu#2026tw', 'Edu#2026tw'), { ok: true, value: 'Edu#2026tw' });
  assert.deepEqual(checkPasswordConfirmation('Edu#2026tw', 'Edu#2026tw '), { ok: false, error: 'password.mismatch' });
});

test('one rule for every new password: the policy with what is known of the person, then the repeat', () => {
  const person = { account: 'lu.teacher', idNumber: 'R123456786', birthday: '1981-02-03' };
  assert.deepEqual(checkNewPassword('Sea#R123456786', 'Sea#R123456786', person), { ok: false, field: 'password', key: 'password.containsIdNumber' });
  assert.deepEqual(checkNewPassword('Sea#Wind19810203', 'Sea#Wind19810203', person), { ok: false, field: 'password', key: 'password.containsBirthday' });
  assert.deepEqual(checkNewPassword('New#Meadow2026', 'New#Meadow2025', person), { ok: false, field: 'password2', key: 'password.mismatch' });
  assert.deepEqual(checkNewPassword('New#Meadow2026', 'New#Meadow2026', person), { ok: true });
});
