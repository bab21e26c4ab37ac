import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeUserAgent } from './user-agent.ts';

test('a User-Agent header becomes browser, system and kind of device', () => {
  const chrome = summarizeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36');
  assert.deepEqual(chrome, { browser: 'Chrome 120', system: 'Windows 10', device: 'desktop' });
  const iphone = summarizeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1');
  assert.equal(iphone.device, 'mobile');
  assert.match(iphone.system, /^iOS 17/);
  assert.deepEqual(summarizeUserAgent(undefined), { browser: '', system: '', device: 'desktop' });
});
