import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNext } from './signed-in.ts';

test('safeNext keeps local paths and refuses anything that leaves the site', () => {
  assert.equal(safeNext('/account/password'), '/account/password');
  assert.equal(safeNext('/account?x=1'), '/account?x=1');
  for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', '/a b', undefined, ['/x']])
    assert.equal(safeNext(bad), undefined, String(bad));
});
