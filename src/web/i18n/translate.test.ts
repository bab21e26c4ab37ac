import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { translator } from './translate.ts';

const src = fileURLToPath(new URL('../../', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : f.endsWith('.ts') && !f.endsWith('.test.ts') ? [path] : [];
  });

test('every message key the code names has a zh-TW and an English text', () => {
  const zh = translator('zh-TW');
  const en = translator('en');
  const keys = new Set<string>();
  for (const file of files(src)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*\.[\w.-]+)'/g)) keys.add(m[1]!);
  }
  assert.ok(keys.size > 100, `found ${keys.size} keys`);
  const missing = [...keys].filter((k) => zh(k) === k || en(k) === k);
  assert.deepEqual(missing, []);
});

test('parameters are filled in, and an unknown key shows itself rather than nothing', () => {
  assert.equal(translator('zh-TW')('register.stepOf', { n: 2, total: 9, name: '選擇學校' }), '步驟 2 / 9：選擇學校');
  assert.equal(translator('en')('birthday.rocYear', { roc: 90, gregorian: '2001/1/1' }), 'Please use the Western year: for ROC year 90 enter 2001/1/1');
  assert.equal(translator('en')('no.such.key'), 'no.such.key');
});
