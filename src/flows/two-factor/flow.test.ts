import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowed, nextStep, resultOf, stepNumber, stepPath } from './flow.ts';

test('the binding steps run prepare → apps → setup, and setup binds instead of 「下一步」', () => {
  assert.deepEqual([nextStep('prepare'), nextStep('apps'), nextStep('setup')], ['apps', 'setup', undefined]);
  assert.deepEqual([stepNumber('prepare'), stepNumber('setup')], [1, 3]);
  assert.equal(stepPath('apps'), '/account/two-factor/apps');
});

test('enabling once, new codes only while on, removal while bound; nothing before binding', () => {
  const none = { bound: false, enabled: false };
  const bound = { bound: true, enabled: false };
  const on = { bound: true, enabled: true };
  assert.deepEqual([allowed('enable', none), allowed('regenerate', none), allowed('remove', none)], [false, false, false]);
  assert.deepEqual([allowed('enable', bound), allowed('regenerate', bound), allowed('remove', bound)], [true, false, true]);
  assert.deepEqual([allowed('enable', on), allowed('regenerate', on), allowed('remove', on)], [false, true, true]);
});

test('only the known results are shown after a redirect', () => {
  assert.equal(resultOf('bound'), 'bound');
  assert.equal(resultOf('<script>'), undefined);
});
