import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateEmail, validateMobile } from './contact.ts';
import { randomIdNumber, validateIdNumber } from './national-id.ts';
import { normalizeName, sameName, validatePersonName } from './person-name.ts';
import { parseBirthday, parseIsoOrSlashDate } from './roc-date.ts';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('identity numbers: national ID, old and new resident certificates, with checksums', () => {
  assert.deepEqual(validateIdNumber('A123456789'), { ok: true, value: { value: 'A123456789', kind: 'national' } });
  assert.deepEqual(validateIdNumber(' ａ１２３４５６７８９ '), { ok: true, value: { value: 'A123456789', kind: 'national' } }, 'full-width, lower case');
  assert.equal(err(validateIdNumber('A123456788')), 'id.checksum');
  assert.equal(err(validateIdNumber('A323456789')), 'id.format');
  assert.equal(err(validateIdNumber('A12345678')), 'id.format');
  assert.equal(err(validateIdNumber('')), 'id.required');
  for (const kind of ['national', 'resident-old', 'resident-new'] as const) {
    for (let i = 0; i < 200; i++) {
      const id = randomIdNumber(kind);
      const r = validateIdNumber(id);
      assert.ok(r.ok && r.value.kind === kind, id);
      const broken = id.slice(0, 9) + ((Number(id[9]) + 1) % 10);
      assert.equal(err(validateIdNumber(broken)), 'id.checksum', broken);
    }
  }
  assert.deepEqual(validateIdNumber('P-2024-0001', { allowOther: true }), { ok: true, value: { value: 'P-2024-0001', kind: 'other' } });
  assert.equal(err(validateIdNumber('P-2024-0001')), 'id.format');
  assert.equal(err(validateIdNumber('x'.repeat(31), { allowOther: true })), 'id.otherTooLong');
});

test('birthdays: YYYY/M/D with slashes; a ROC year gets the Gregorian date to type', () => {
  const today = new Date('2026-11-24T00:00:00Z');
  assert.deepEqual(parseBirthday('2001/1/1', today), { ok: true, value: '2001-01-01' });
  assert.deepEqual(parseBirthday('1990/12/31', today), { ok: true, value: '1990-12-31' });
  assert.deepEqual(parseBirthday('90/1/1', today), { ok: false, error: 'birthday.rocYear', params: { roc: 90, gregorian: '2001/1/1' } });
  assert.deepEqual(parseBirthday('090/01/01', today), { ok: false, error: 'birthday.rocYear', params: { roc: 90, gregorian: '2001/1/1' } });
  assert.equal(err(parseBirthday('1990-01-01', today)), 'birthday.slashes');
  assert.equal(err(parseBirthday('19900101', today)), 'birthday.slashes');
  assert.equal(err(parseBirthday('2001/2/29', today)), 'birthday.invalid');
  assert.equal(err(parseBirthday('2030/1/1', today)), 'birthday.future');
  assert.equal(err(parseBirthday('1899/12/31', today)), 'birthday.tooOld');
  assert.equal(err(parseBirthday('yesterday', today)), 'birthday.format');
  assert.deepEqual(parseIsoOrSlashDate('1985-03-07', today), { ok: true, value: '1985-03-07' });
  assert.deepEqual(parseIsoOrSlashDate('1985/3/7', today), { ok: true, value: '1985-03-07' });
  assert.equal(err(parseIsoOrSlashDate('74/3/7', today)), 'birthday.format');
});

test('mobile and email formats', () => {
  assert.deepEqual(validateMobile('0912-345-678'), { ok: true, value: '0912345678' });
  assert.deepEqual(validateMobile('+886 912 345 678'), { ok: true, value: '0912345678' });
  assert.equal(err(validateMobile('02-2345-6789')), 'mobile.format');
  assert.equal(err(validateMobile('091234567')), 'mobile.format');
  assert.deepEqual(validateEmail(' Teacher@School.EDU.tw '), { ok: true, value: 'Teacher@school.edu.tw' });
  assert.equal(err(validateEmail('teacher@')), 'email.format');
  assert.equal(err(validateEmail('teacher school@x.tw')), 'email.format');
  assert.equal(err(validateEmail('a@b')), 'email.format');
});

test('names compare after normalising width and spaces', () => {
  assert.ok(sameName('王 小明', '王小明'));
  assert.ok(sameName('王\u3000小明', '王小明'));
  assert.ok(sameName('ＷＡＮＧ Ｘｉａｏ－ｍｉｎｇ', 'wang xiao-ming'));
  assert.ok(!sameName('王小明', '王小名'));
  assert.equal(normalizeName(' 林 美華 '), '林美華');
  assert.equal(err(validatePersonName('  ')), 'name.required');
  assert.equal(err(validatePersonName('王'.repeat(51))), 'name.tooLong');
});
