import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as flow from './flow.ts';

test('a code sent moves to the code step; a proven code to the new password, or to the helpdesk for an administrator-disabled account', () => {
  const s = flow.codeSent(flow.initialState('activation'), 'demo.teacher', 'id-1');
  assert.equal(s.step, 'code');
  assert.equal(flow.codeProven(s, false).step, 'reset');
  assert.equal(flow.codeProven(s, true).step, 'helpdesk');
  assert.equal(flow.completed(flow.codeProven(s, false)).accountId, undefined);
});

test('a reset is for active accounts, an activation for disabled ones', () => {
  assert.equal(flow.eligible('reset', 'active'), true);
  assert.equal(flow.eligible('reset', 'disabled'), false);
  assert.equal(flow.eligible('activation', 'disabled'), true);
  assert.equal(flow.eligible('activation', 'active'), false);
});

test('only the current step is shown; the account step may be posted again from the code step', () => {
  const s = flow.codeSent(flow.initialState('reset'), 'x', undefined);
  assert.equal(flow.redirectForShow(s, 'reset'), 'code');
  assert.equal(flow.redirectForSubmit(s, 'account'), undefined);
  assert.equal(flow.redirectForSubmit(s, 'reset'), 'code');
  assert.equal(flow.stepPath('reset', 'code'), '/forgot-password/code/code');
  assert.equal(flow.stepPath('activation', 'account'), '/activate');
});
