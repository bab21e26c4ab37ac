import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizedApps, chosenApps, chosenClientIds } from './flow.ts';

const facts = { a: { name: '成績系統', firstParty: false }, b: { name: '圖書館系統', firstParty: true } } as Record<string, { name: string; firstParty: boolean }>;
const grants = [
  { grantId: 'g2', clientId: 'a', scopes: ['openid', 'email'], issuedAt: new Date(2_000) },
  { grantId: 'g1', clientId: 'b', scopes: ['openid'], issuedAt: new Date(1_000) },
  { grantId: 'g3', clientId: 'a', scopes: ['profile', 'openid'], issuedAt: new Date(500) },
  { grantId: 'g4', clientId: 'removed', scopes: ['openid'], issuedAt: new Date(0) },
];

test("an account's grants become one row per application: scopes merged in the consent page's order, since the first consent", () => {
  const apps = authorizedApps(grants, (id) => facts[id], ['openid', 'profile', 'email']);
  assert.deepEqual(
    apps.map((a) => [a.clientId, a.scopes, a.since.getTime(), a.grantIds]),
    [
      ['a', ['openid', 'profile', 'email'], 500, ['g2', 'g3']],
      ['b', ['openid'], 1_000, ['g1']],
    ],
    "a removed client's grant is not listed",
  );
});

test('only ticked fields of this account count; unknown ids are ignored', () => {
  const apps = authorizedApps(grants, (id) => facts[id], ['openid']);
  const ids = chosenClientIds({ _csrf: 'x', 'app.a': 'on', 'app.elsewhere': 'on', 'app.b': '' });
  assert.deepEqual(ids, ['a', 'elsewhere']);
  assert.deepEqual(chosenApps(apps, ids).map((a) => a.clientId), ['a']);
});
