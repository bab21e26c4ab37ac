import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: connected applications changed, their tokens revoked; county providers changed', (t) => {
  test('a client is updated in place (name, first party, home URL, metadata); an unknown one is not', async () => {
    const { clients } = t().store;
    await clients.insert({ clientId: 'app-u', name: '舊名', firstParty: false, homeUrl: 'https://a.example/', metadata: { client_secret: 's1', scope: 'openid' } });
    assert.equal(await clients.update({ clientId: 'app-u', name: '新名', firstParty: true, homeUrl: null, metadata: { client_secret: 's2', scope: 'openid', disabled: true } }), true);
    const got = await clients.find('app-u');
    assert.deepEqual([got?.name, got?.firstParty, got?.homeUrl, got?.metadata.client_secret, got?.metadata.disabled], ['新名', true, null, 's2', true]);
    assert.equal(await clients.update({ clientId: 'nobody', name: 'x', firstParty: false, homeUrl: null, metadata: {} }), false);
  });

  test("revoking a client removes its grants, codes and tokens (and what hangs on its grants), not another client's nor sessions", async () => {
    const { oidcPayloads } = t().store;
    await oidcPayloads.upsert('Grant', 'g1', { accountId: 'acc', clientId: 'app-r' }, 600);
    await oidcPayloads.upsert('AccessToken', 'at1', { accountId: 'acc', clientId: 'app-r', grantId: 'g1' }, 600);
    await oidcPayloads.upsert('RefreshToken', 'rt1', { accountId: 'acc', grantId: 'g1' }, 600);
    await oidcPayloads.upsert('ClientCredentials', 'cc1', { clientId: 'app-r' }, 600);
    await oidcPayloads.upsert('Grant', 'g2', { accountId: 'acc', clientId: 'app-other' }, 600);
    await oidcPayloads.upsert('AccessToken', 'at2', { accountId: 'acc', clientId: 'app-other', grantId: 'g2' }, 600);
    await oidcPayloads.upsert('Session', 's1', { accountId: 'acc', clientId: 'app-r', authorizations: { 'app-r': { grantId: 'g1' } } }, 600);
    assert.equal(await oidcPayloads.revokeClient('app-r'), 4);
    for (const [model, id] of [['Grant', 'g1'], ['AccessToken', 'at1'], ['RefreshToken', 'rt1'], ['ClientCredentials', 'cc1']] as const)
      assert.equal(await oidcPayloads.find(model, 'id', id), undefined, `${model} ${id}`);
    assert.ok(await oidcPayloads.find('AccessToken', 'id', 'at2'), 'another client keeps its tokens');
    assert.ok(await oidcPayloads.find('Session', 'id', 's1'), 'sessions stay');
    assert.equal(await oidcPayloads.revokeClient('app-r'), 0);
  });

  test('a county provider is updated in place; its county and icon stay', async () => {
    const { countyProviders } = t().store;
    const row = { id: 'county-u', countyCode: '10009000', displayName: '雲林縣', kind: 'oidc' as const, issuer: 'https://idp.example', clientId: 'a', clientSecretSealed: 'sealed-1', scopes: 'openid', claims: { subject: 'sub', name: 'name' }, labels: {}, endpoints: {} };
    await countyProviders.insert(row);
    await countyProviders.setIcon('county-u', Buffer.from('<svg/>'), 'image/svg+xml');
    assert.equal(await countyProviders.update({ ...row, displayName: '雲林縣教育處', clientSecretSealed: 'sealed-2', claims: { subject: 'sub', name: 'name', idNumber: 'id_number' }, labels: { login: '登入' } }), true);
    const got = await countyProviders.get('county-u');
    assert.deepEqual([got?.displayName, got?.clientSecretSealed, got?.claims.idNumber, got?.labels.login, got?.countyName, got?.hasIcon], ['雲林縣教育處', 'sealed-2', 'id_number', '登入', '雲林縣', true]);
    assert.equal(await countyProviders.update({ ...row, id: 'nothing' }), false);
  });
});
