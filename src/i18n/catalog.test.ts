import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { steps } from '../flows/registration/flow.ts';
import { supportedScopes } from '../oidc/claims.ts';
import { catalog, isMessageKey } from './catalog.ts';
import { translator } from './translate.ts';

const src = fileURLToPath(new URL('../', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [path] : [];
  });

/** Keys written out in the code: t('…'), text(lang, '…'), a rule's fail('…')/push('…'), and `key: '…'` / `error: '…'` results. */
function keysInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\b(?:t|fail|push)\(\s*'([a-zA-Z][\w-]*\.[\w.-]+)'/g,
    /\btext\(\s*\w+,\s*'([a-zA-Z][\w-]*\.[\w.-]+)'/g,
    /\b(?:key|error)\s*:\s*'([a-z][\w-]*\.[\w.-]+)'/g,
    /\?\s*'([a-z][\w-]*\.[a-zA-Z][\w.-]*)'\s*:\s*'([a-z][\w-]*\.[a-zA-Z][\w.-]*)'/g,
  ];
  for (const file of files(src)) {
    const code = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const m of code.matchAll(pattern)) for (const k of m.slice(1)) if (k) found.set(k, file);
  }
  return found;
}

test('every message key the code names has a text in both languages', () => {
  const keys = keysInCode();
  assert.ok(keys.size > 150, `found ${keys.size} keys`);
  const missing = [...keys].filter(([k]) => !isMessageKey(k)).map(([k, file]) => `${k} (${file.slice(src.length)})`);
  assert.deepEqual(missing, []);
});

test('keys the code builds from data exist: every scope, every registration step', () => {
  const keys = [...supportedScopes.map((s) => `scope.${s}`), ...steps.map((s) => `register.step.${s}`), 'error.oidc.invalid_client', 'error.oidc.invalid_redirect_uri'];
  assert.deepEqual(
    keys.filter((k) => !isMessageKey(k)),
    [],
  );
});

test('every text is written in both languages, with the same parameters', () => {
  const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, m] of Object.entries(catalog)) {
    assert.ok(m['zh-TW'].trim() && m.en.trim(), `${key} is empty in a language`);
    assert.deepEqual(params(m.en), params(m['zh-TW']), key);
  }
});

test('consent shows one distinct line per scope in each language', () => {
  for (const lang of ['zh-TW', 'en'] as const) {
    const t = translator(lang);
    const lines = supportedScopes.map((s) => t(`scope.${s}`));
    assert.equal(new Set(lines).size, lines.length, lines.join(' | '));
    // The two identifiers a teacher could not tell apart read differently in their words, not only in one.
    assert.ok(!/識別碼/.test(t('scope.openid')) || lang === 'en', t('scope.openid'));
  }
});

test('parameters are filled in, and an unknown key shows itself rather than nothing', () => {
  assert.equal(translator('zh-TW')('register.stepOf', { n: 2, total: 9, name: '選擇學校' }), '步驟 2 / 9：選擇學校');
  assert.equal(translator('en')('birthday.rocYear', { roc: 90, gregorian: '2001/1/1' }), 'Please use the Western year: for ROC year 90 enter 2001/1/1');
  // @ts-expect-error a key written in the code must be in the catalog (this line stops compiling the day it is)
  assert.equal(translator('en')('no.such.key'), 'no.such.key');
  const dataKey: string = 'no.such.key';
  assert.equal(translator('en')(dataKey), 'no.such.key');
});

test('the ROC-year message reads as the manual asks', () => {
  assert.equal(translator('zh-TW')('birthday.rocYear', { roc: 90, gregorian: '2001/1/1' }), '民國 90 年請輸入 2001/1/1');
});
