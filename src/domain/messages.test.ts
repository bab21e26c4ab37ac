import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { domainMessages } from './messages.ts';

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'messages.ts');
const usedKeys = new Set(
  sources.flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/(?:fail|push)\('([a-z]+\.[A-Za-z]+)'/g)].map((m) => m[1]!)),
);

test('every key the rules return has a zh-TW and an English text', () => {
  assert.ok(usedKeys.size > 30, `${usedKeys.size} keys found`);
  for (const key of usedKeys) {
    const m = domainMessages[key];
    assert.ok(m, `missing text for ${key}`);
    assert.ok(m['zh-TW'].trim() && m.en.trim(), key);
  }
});

test('both languages use the same parameters', () => {
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, m] of Object.entries(domainMessages)) assert.deepEqual(params(m.en), params(m['zh-TW']), key);
});

test('the ROC-year message reads as the manual asks', () => {
  const text = domainMessages['birthday.rocYear']!['zh-TW'].replace('{roc}', '90').replace('{gregorian}', '2001/1/1');
  assert.equal(text, '民國 90 年請輸入 2001/1/1');
});
