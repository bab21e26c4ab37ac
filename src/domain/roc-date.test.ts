import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBirthday, parseIsoOrSlashDate, toSlashDate } from './roc-date.ts';

const now = new Date('2026-11-24T12:00:00Z');
const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('YYYY/M/D with slashes, returned as YYYY-MM-DD', () => {
  assert.deepEqual(parseBirthday('2001/1/1', now), { ok: true, value: '2001-01-01' });
  assert.deepEqual(parseBirthday('1990/12/31', now), { ok: true, value: '1990-12-31' });
  assert.deepEqual(parseBirthday('1990/01/05', now), { ok: true, value: '1990-01-05' });
  assert.deepEqual(parseBirthday(' １９９０／１／５ ', now), { ok: true, value: '1990-01-05' }, 'full-width');
  assert.deepEqual(parseBirthday('2000/2/29', now), { ok: true, value: '2000-02-29' }, 'leap year');
});

test('a ROC year is answered with the Gregorian date to type', () => {
  const roc90 = { ok: false, error: 'birthday.rocYear', params: { roc: 90, gregorian: '2001/1/1' } };
  assert.deepEqual(parseBirthday('90/1/1', now), roc90);
  assert.deepEqual(parseBirthday('090/01/01', now), roc90);
  assert.deepEqual(parseBirthday('民國90年1月1日', now), roc90);
  assert.deepEqual(parseBirthday('90.1.1', now), roc90);
  assert.deepEqual(parseBirthday('68/11/20', now), { ok: false, error: 'birthday.rocYear', params: { roc: 68, gregorian: '1979/11/20' } });
  assert.deepEqual(parseBirthday('104/3/5', now), { ok: false, error: 'birthday.rocYear', params: { roc: 104, gregorian: '2015/3/5' } });
  assert.equal(err(parseBirthday('90/2/30', now)), 'birthday.invalid', 'a ROC date that does not exist');
  assert.equal(err(parseBirthday('0/1/1', now)), 'birthday.format');
});

test('other separators or none: birthday.slashes', () => {
  for (const s of ['1990-01-01', '1990.1.1', '1990年1月1日', '19900101']) assert.equal(err(parseBirthday(s, now)), 'birthday.slashes', s);
});

test('other shapes: birthday.format; empty: birthday.required', () => {
  for (const s of ['yesterday', '1/1/1990', '1990/1', '01/01/90x', '1990//1/1']) assert.equal(err(parseBirthday(s, now)), 'birthday.format', s);
  assert.equal(err(parseBirthday('', now)), 'birthday.required');
  assert.equal(err(parseBirthday('  ', now)), 'birthday.required');
});

test('a real calendar date, not in the future, not before 1900', () => {
  assert.equal(err(parseBirthday('2001/2/29', now)), 'birthday.invalid');
  assert.equal(err(parseBirthday('1990/13/1', now)), 'birthday.invalid');
  assert.equal(err(parseBirthday('1990/4/31', now)), 'birthday.invalid');
  assert.equal(err(parseBirthday('1899/12/31', now)), 'birthday.tooOld');
  assert.deepEqual(parseBirthday('1900/1/1', now), { ok: true, value: '1900-01-01' });
  assert.deepEqual(parseBirthday('2026/11/24', now), { ok: true, value: '2026-11-24' }, 'today');
  assert.equal(err(parseBirthday('2026/11/25', now)), 'birthday.future');
});

test('"today" is the date in Taiwan', () => {
  const earlyMorningInTaipei = new Date('2026-11-24T17:00:00Z'); // 01:00 on 11/25 in Taipei
  assert.deepEqual(parseBirthday('2026/11/25', earlyMorningInTaipei), { ok: true, value: '2026-11-25' });
});

test('import files: YYYY-MM-DD or YYYY/M/D', () => {
  assert.deepEqual(parseIsoOrSlashDate('1985-03-07', now), { ok: true, value: '1985-03-07' });
  assert.deepEqual(parseIsoOrSlashDate('1985-3-7', now), { ok: true, value: '1985-03-07' });
  assert.deepEqual(parseIsoOrSlashDate('1985/3/7', now), { ok: true, value: '1985-03-07' });
  assert.deepEqual(parseIsoOrSlashDate('\ufeff1985-03-07 ', now), { ok: true, value: '1985-03-07' });
  assert.equal(err(parseIsoOrSlashDate('1985-03/07', now)), 'birthday.format', 'mixed separators');
  assert.equal(err(parseIsoOrSlashDate('74/3/7', now)), 'birthday.format');
  assert.equal(err(parseIsoOrSlashDate('1985-02-30', now)), 'birthday.invalid');
  assert.equal(err(parseIsoOrSlashDate('2030-01-01', now)), 'birthday.future');
  assert.equal(err(parseIsoOrSlashDate('1899-01-01', now)), 'birthday.tooOld');
  assert.equal(err(parseIsoOrSlashDate('', now)), 'birthday.required');
});

test('toSlashDate shows a stored date the way it is typed', () => {
  assert.equal(toSlashDate('2001-01-01'), '2001/1/1');
  assert.equal(toSlashDate('1979-11-20'), '1979/11/20');
});
