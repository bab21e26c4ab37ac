import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyIdNumber, randomIdNumber, validateIdNumber } from './national-id.ts';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('national ID: valid and invalid checksums', () => {
  assert.deepEqual(validateIdNumber('A123456789'), { ok: true, value: { value: 'A123456789', kind: 'national' } });
  assert.deepEqual(validateIdNumber('R159658904'), { ok: true, value: { value: 'R159658904', kind: 'national' } });
  assert.equal(err(validateIdNumber('R159658905')), 'id.checksum');
  assert.deepEqual(validateIdNumber('A123456788'), { ok: false, error: 'id.checksum' });
  assert.equal(err(validateIdNumber('B123456789')), 'id.checksum');
});

test('normalised: trimmed, upper case, full-width to half-width, inner spaces and dashes', () => {
  const expected = { ok: true, value: { value: 'A123456789', kind: 'national' } };
  assert.deepEqual(validateIdNumber(' a123456789 '), expected);
  assert.deepEqual(validateIdNumber('ａ１２３４５６７８９'), expected, 'full-width, lower case');
  assert.deepEqual(validateIdNumber('Ａ１２３　４５６　７８９'), expected, 'ideographic spaces');
  assert.deepEqual(validateIdNumber('A-123-456-789'), expected);
});

test('resident certificates: old (second letter A–D) and new (second digit 8 or 9)', () => {
  assert.deepEqual(validateIdNumber('AA00000009'), { ok: true, value: { value: 'AA00000009', kind: 'resident-old' } });
  assert.equal(err(validateIdNumber('AA00000008')), 'id.checksum');
  assert.deepEqual(validateIdNumber('A800000014'), { ok: true, value: { value: 'A800000014', kind: 'resident-new' } });
  assert.equal(err(validateIdNumber('A800000015')), 'id.checksum');
  assert.equal(classifyIdNumber('FD12345678'), 'resident-old');
  assert.equal(classifyIdNumber('F912345678'), 'resident-new');
  assert.equal(classifyIdNumber('F312345678'), 'other');
});

test('wrong shapes are id.format; empty is id.required', () => {
  assert.equal(err(validateIdNumber('')), 'id.required');
  assert.equal(err(validateIdNumber('   ')), 'id.required');
  assert.equal(err(validateIdNumber('A323456789')), 'id.format', 'second digit 3');
  assert.equal(err(validateIdNumber('AE23456789')), 'id.format', 'second letter E');
  assert.equal(err(validateIdNumber('A12345678')), 'id.format', 'nine characters');
  assert.equal(err(validateIdNumber('A1234567890')), 'id.format', 'eleven characters');
  assert.equal(err(validateIdNumber('1123456789')), 'id.format', 'no letter');
});

test('other ID (其他身分 ID): free text, trimmed, 1–30 characters, kept exactly', () => {
  assert.deepEqual(validateIdNumber(' P-2024-0001 ', { allowOther: true }), { ok: true, value: { value: 'P-2024-0001', kind: 'other' } });
  assert.deepEqual(validateIdNumber('ｘ　1', { allowOther: true }), { ok: true, value: { value: 'ｘ　1', kind: 'other' } }, 'not rewritten');
  assert.equal(err(validateIdNumber('P-2024-0001')), 'id.format', 'only when allowed');
  assert.equal(validateIdNumber('x'.repeat(30), { allowOther: true }).ok, true);
  assert.equal(err(validateIdNumber('x'.repeat(31), { allowOther: true })), 'id.otherTooLong');
  assert.equal(err(validateIdNumber('', { allowOther: true })), 'id.required');
  // A mistyped ID number is not accepted as some other ID.
  assert.equal(err(validateIdNumber('A123456788', { allowOther: true })), 'id.checksum');
  assert.equal(err(validateIdNumber('A323456789', { allowOther: true })), 'id.format');
});

test('randomIdNumber makes checksum-valid numbers of each kind, and every other last digit fails', () => {
  for (const kind of ['national', 'resident-old', 'resident-new'] as const) {
    for (let i = 0; i < 300; i++) {
      const id = randomIdNumber(kind);
      const r = validateIdNumber(id);
      assert.ok(r.ok && r.value.kind === kind && r.value.value === id, id);
      const broken = id.slice(0, 9) + ((Number(id[9]) + 1 + (i % 9)) % 10);
      assert.equal(err(validateIdNumber(broken)), 'id.checksum', broken);
    }
  }
});

test('randomIdNumber is deterministic with a seeded rng and fast enough for a million', () => {
  let seed = 42;
  const rng = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const first = randomIdNumber('national', rng);
  seed = 42;
  assert.equal(randomIdNumber('national', rng), first);
  const started = performance.now();
  for (let i = 0; i < 1_000_000; i++) randomIdNumber('national');
  const ms = performance.now() - started;
  assert.ok(ms < 5000, `a million took ${Math.round(ms)} ms`);
});
