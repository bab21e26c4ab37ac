import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSettings, SettingsError } from './settings.ts';

const secrets = {
  COOKIE_SECRET: 'c'.repeat(40),
  KEY_ENCRYPTION_SECRET: 'k'.repeat(40),
  PII_ENCRYPTION_KEY: 'p'.repeat(40),
  PII_HASH_KEY: 'h'.repeat(40),
};

test('production refuses missing secrets, a plain-http public issuer and a test captcha answer', () => {
  assert.throws(() => loadSettings({ NODE_ENV: 'production', ISSUER: 'https://sso.example.edu.tw' }), (e: Error) => e instanceof SettingsError && /COOKIE_SECRET must be set/.test(e.message));
  assert.throws(() => loadSettings({ NODE_ENV: 'production', ISSUER: 'http://sso.example.edu.tw', ...secrets }), /ISSUER must use https/);
  assert.throws(() => loadSettings({ NODE_ENV: 'production', ISSUER: 'https://sso.example.edu.tw', SMTP_URL: 'smtp://mail:25', ...secrets }), /SMS_GATEWAY_URL must be set/);
  assert.throws(() => loadSettings({ NODE_ENV: 'production', ISSUER: 'https://sso.example.edu.tw', CAPTCHA_TEST_ANSWER: '123', ...secrets }), /CAPTCHA_TEST_ANSWER must not be set/);
  assert.throws(() => loadSettings({ NODE_ENV: 'production', ISSUER: 'https://sso.example.edu.tw', ...secrets }), /SMTP_URL must be set/);
  const full = { NODE_ENV: 'production', ISSUER: 'https://sso.example.edu.tw', SMTP_URL: 'smtp://mail:25', SMS_GATEWAY_URL: 'https://sms.example/send', ...secrets };
  assert.throws(() => loadSettings(full), /TRUST_PROXY=true is required/);
  const ok = loadSettings({ ...full, TRUST_PROXY: 'true' });
  assert.equal(ok.seedDemo, false);
  assert.equal(ok.production, true);
});

test('TRUSTED_PROXY_HOPS: one proxy unless told, at least one', () => {
  assert.equal(loadSettings({}).trustedProxyHops, 1);
  assert.equal(loadSettings({ TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops, 2);
  assert.throws(() => loadSettings({ TRUSTED_PROXY_HOPS: '0' }), /TRUSTED_PROXY_HOPS/);
});

test('bad values are named with the reason', () => {
  assert.throws(() => loadSettings({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => loadSettings({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must start with postgres/);
  assert.throws(() => loadSettings({ CAPTCHA_TEST_ANSWER: '12' }), /three digits/);
  assert.throws(() => loadSettings({ COOKIE_SECRET: 'short' }), /at least 32/);
});

test('outside production, missing secrets are generated once and kept in DATA_DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edusso-settings-'));
  try {
    const a = loadSettings({ DATA_DIR: dir });
    const b = loadSettings({ DATA_DIR: dir });
    assert.deepEqual(a.secrets, b.secrets);
    assert.equal(statSync(join(dir, 'secrets.json')).mode & 0o777, 0o600);
    assert.ok(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).COOKIE_SECRET);
    assert.equal(a.issuer, 'http://localhost:3000');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
