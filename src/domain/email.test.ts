import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateEmail } from './email.ts';

const err = (r: { ok: boolean; error?: string }) => (r.ok ? undefined : r.error);

test('trimmed, domain lower-cased, local part kept', () => {
  assert.deepEqual(validateEmail(' Teacher@School.EDU.tw '), { ok: true, value: 'Teacher@school.edu.tw' });
  assert.deepEqual(validateEmail('wang.xm+sso@mail.edu.tw'), { ok: true, value: 'wang.xm+sso@mail.edu.tw' });
  assert.deepEqual(validateEmail('ｔｅａｃｈｅｒ＠ｇｍａｉｌ．ｃｏｍ'), { ok: true, value: 'teacher@gmail.com' }, 'full-width');
  assert.deepEqual(validateEmail('a@xn--kpry57d.xn--kpry57d'), { ok: true, value: 'a@xn--kpry57d.xn--kpry57d' }, 'punycode');
});

test('bad shapes: email.format', () => {
  for (const s of ['not-an-email', 'teacher@', '@school.tw', 'teacher school@x.tw', 'a@b', 'a@b.c', 'a@@b.tw', 'a..b@x.tw', '.a@x.tw', 'a.@x.tw', 'a@-x.tw', 'a@x-.tw', 'a@x..tw', 'a@x.tw.', 'a@x.123', 'a@x_y.tw', '"a b"@x.tw', 'a<b>@x.tw']) {
    assert.equal(err(validateEmail(s)), 'email.format', s);
  }
  assert.equal(err(validateEmail('x'.repeat(65) + '@x.tw')), 'email.format', 'local part over 64');
  assert.equal(err(validateEmail('a@' + 'x'.repeat(64) + '.tw')), 'email.format', 'label over 63');
});

test('empty: email.required; over 254: email.tooLong (254 itself is fine)', () => {
  assert.equal(err(validateEmail('  ')), 'email.required');
  const domain = (n: number) => Array.from({ length: Math.ceil(n / 50) }, () => 'x'.repeat(49)).join('.').slice(0, n - 3) + '.tw';
  const at254 = 'a'.repeat(10) + '@' + domain(243);
  assert.equal(at254.length, 254);
  assert.equal(validateEmail(at254).ok, true);
  assert.equal(err(validateEmail('a' + at254)), 'email.tooLong');
});
