import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOf, recordRow } from './flow.ts';

test('the count: absent is 10; only 10, 20, 50 or 100; anything else is 10 and says so', () => {
  assert.deepEqual(countOf(undefined), { count: 10, bad: false });
  for (const n of ['10', '20', '50', '100']) assert.deepEqual(countOf(n), { count: Number(n), bad: false });
  for (const n of ['', '0', '7', '1000', '20.0', ' 20', 'abc', '-10']) assert.deepEqual(countOf(n), { count: 10, bad: true }, n);
});

test('a record row names the browser, the system and the kind of device', () => {
  const row = recordRow({ at: new Date(0), accountId: 'a', kind: 'authentication', method: 'county', result: 'failed', ip: null, clientName: null, userAgent: 'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Mobile/15E148 Safari/604.1' });
  assert.equal(row.device, 'tablet');
  assert.equal(row.method, 'county');
  assert.equal(row.ip, null);
});
