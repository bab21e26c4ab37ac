import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeName, sameName, validatePersonName } from './person-name.ts';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('names compare equal after normalising width, spaces and middle dots', () => {
  assert.ok(sameName('王 小明', '王小明'));
  assert.ok(sameName('王\u3000小明', '王小明'), 'ideographic space');
  assert.ok(sameName(' 王小明\t', '王小明'));
  assert.ok(sameName('ＷＡＮＧ Ｘｉａｏ－ｍｉｎｇ', 'wang xiao-ming'), 'full-width letters');
  assert.ok(sameName('瓦歷斯‧諾幹', '瓦歷斯·諾幹'), 'different middle dots');
  assert.ok(sameName('瓦歷斯・諾幹', '瓦歷斯諾幹'));
  assert.ok(sameName('王\u200b小明', '王小明'), 'zero-width space');
  assert.ok(!sameName('王小明', '王小名'));
  assert.ok(!sameName('wang xiao-ming', 'wang xiaoming'), 'hyphens matter');
  assert.equal(normalizeName(' 林 美華 '), '林美華');
});

test('validatePersonName: 1–50 characters, trimmed, full-width ASCII folded, CJK kept as typed', () => {
  assert.deepEqual(validatePersonName('  林美華 '), { ok: true, value: '林美華' });
  assert.deepEqual(validatePersonName('Ｍａｒｙ　Ｃｈｅｎ'), { ok: true, value: 'Mary Chen' });
  assert.deepEqual(validatePersonName('王'), { ok: true, value: '王' });
  assert.deepEqual(validatePersonName('\uf900'), { ok: true, value: '\uf900' }, 'a compatibility ideograph is not rewritten');
  assert.equal(validatePersonName('王'.repeat(50)).ok, true);
  assert.equal(err(validatePersonName('王'.repeat(51))), 'name.tooLong');
  assert.equal(validatePersonName('𠀋'.repeat(50)).ok, true, 'characters outside the basic plane count once');
  assert.equal(err(validatePersonName('  ')), 'name.required');
  assert.equal(err(validatePersonName('\u3000')), 'name.required');
  assert.equal(err(validatePersonName('<script>')), 'name.characters');
  assert.equal(err(validatePersonName('王\u0000明')), 'name.characters');
});
