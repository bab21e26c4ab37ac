import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newClientSchema } from './client-registry.ts';

test('client add refuses a home URL that is not http(s): it becomes a link on the 介接應用服務 page', () => {
  const base = { name: 'App', redirectUris: ['https://app.example.edu.tw/cb'] };
  assert.equal(newClientSchema.safeParse({ ...base, homeUrl: 'https://app.example.edu.tw/' }).success, true);
  for (const homeUrl of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x'])
    assert.equal(newClientSchema.safeParse({ ...base, homeUrl }).success, false, homeUrl);
});
