import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasUnsafeCharacters } from './safe-text.ts';
import { isHttpUrl } from './safe-url.ts';

test('control and bidi-override characters are unsafe in names; ordinary Chinese and English are not', () => {
  for (const bad of ['App\u202Eppa', 'a\u2066b', 'x\u200Fy', 'tab\there', 'nul\u0000', 'c1\u0085']) assert.ok(hasUnsafeCharacters(bad), JSON.stringify(bad));
  for (const good of ['示範應用服務 Demo App', '雲林縣 教育處', "O'Brien & Co."]) assert.ok(!hasUnsafeCharacters(good), good);
});

test('only http and https URLs pass', () => {
  assert.ok(isHttpUrl('https://app.example.edu.tw/cb'));
  assert.ok(isHttpUrl('http://localhost:3000/'));
  for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'ftp://x/', 'not a url']) assert.ok(!isHttpUrl(bad), bad);
});
