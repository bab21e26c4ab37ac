import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as flow from './flow.ts';

test('the page comes back to a local next only, never to itself or another site', () => {
  assert.equal(flow.firstPasswordUrl('/interaction/abc'), '/account/password/first?next=%2Finteraction%2Fabc');
  assert.equal(flow.firstPasswordUrl('/account?x=1'), '/account/password/first?next=%2Faccount%3Fx%3D1');
  assert.equal(flow.firstPasswordUrl('https://evil.example/'), flow.PATH);
  assert.equal(flow.firstPasswordUrl('//evil.example/'), flow.PATH);
  assert.equal(flow.firstPasswordUrl(flow.PATH), flow.PATH);
  assert.equal(flow.firstPasswordUrl(undefined), flow.PATH);
});

test('after the change: the waiting page (an application’s sign-in too), else the account', () => {
  assert.equal(flow.continueTo('/interaction/abc'), '/interaction/abc');
  assert.equal(flow.continueTo('/apps'), '/apps');
  assert.equal(flow.continueTo(''), '/account');
  assert.equal(flow.continueTo('//evil.example'), '/account');
  assert.equal(flow.continueTo(`${flow.PATH}?next=%2Fapps`), '/account', 'never back to the page itself');
  assert.equal(flow.continueTo(['/apps']), '/account', 'a repeated query parameter is not a path');
});

test('the gate lets only the page through; a GET comes back afterwards, a POST does not', () => {
  assert.equal(flow.allowedWhileFlagged(flow.PATH), true);
  for (const path of ['/', '/account', '/account/password', '/apps', '/admin', '/interaction/x', '/account/password/first/x']) assert.equal(flow.allowedWhileFlagged(path), false, path);
  assert.equal(flow.gateFor('GET', '/apps'), '/account/password/first?next=%2Fapps');
  assert.equal(flow.gateFor('HEAD', '/apps'), '/account/password/first?next=%2Fapps');
  assert.equal(flow.gateFor('POST', '/account/contacts'), flow.PATH);
});
