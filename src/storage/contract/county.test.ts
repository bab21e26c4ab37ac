import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: county providers and linked identities', (t) => {
  const provider = {
    id: 'county-yl',
    countyCode: '10009000',
    displayName: '雲林縣教育處',
    kind: 'oidc' as const,
    issuer: 'https://idp.ylc.example',
    clientId: 'sso',
    clientSecretSealed: 'sealed',
    scopes: 'openid profile',
    claims: { subject: 'sub', name: 'name', idNumber: 'id_number' },
    labels: { login: '雲林縣教育人員登入' },
    endpoints: {},
  };

  test('providers: added with their county name, an icon, listed, removed', async () => {
    const { countyProviders } = t().store;
    await countyProviders.insert(provider);
    await assert.rejects(countyProviders.insert(provider), 'one id once');
    const got = await countyProviders.get('county-yl');
    assert.deepEqual([got?.countyName, got?.clientSecretSealed, got?.claims.idNumber, got?.labels.login, got?.hasIcon], ['雲林縣', 'sealed', 'id_number', '雲林縣教育人員登入', false]);
    await countyProviders.setIcon('county-yl', Buffer.from('<svg/>'), 'image/svg+xml');
    assert.deepEqual(await countyProviders.icon('county-yl'), { bytes: Buffer.from('<svg/>'), type: 'image/svg+xml' });
    assert.deepEqual((await countyProviders.list()).map((p) => [p.id, p.hasIcon]), [['county-yl', true]]);
  });

  test('identities: one county identity belongs to one account; listed with the county; unlinked', async () => {
    const { countyIdentities, accounts, countyProviders } = t().store;
    if (!(await countyProviders.get('county-yl'))) await countyProviders.insert(provider);
    const a = await accounts.create({ username: 'linked.one', passwordHash: 'h', displayName: '甲' });
    const b = await accounts.create({ username: 'linked.two', passwordHash: 'h', displayName: '乙' });
    assert.equal(await countyIdentities.accountFor('county-yl', 'sub-1'), undefined);
    assert.equal(await countyIdentities.link('county-yl', 'sub-1', a.id), true);
    assert.equal(await countyIdentities.link('county-yl', 'sub-1', a.id), true, 'linking again is fine');
    assert.equal(await countyIdentities.link('county-yl', 'sub-1', b.id), false, 'never moved to another account');
    assert.equal(await countyIdentities.accountFor('county-yl', 'sub-1'), a.id);
    const listed = await countyIdentities.forAccount(a.id);
    assert.deepEqual(listed.map((l) => [l.providerId, l.subject, l.countyName, l.displayName]), [['county-yl', 'sub-1', '雲林縣', '雲林縣教育處']]);
    assert.equal(await countyIdentities.unlink(b.id, 'county-yl', 'sub-1'), false, 'only by its own account');
    assert.equal(await countyIdentities.unlink(a.id, 'county-yl', 'sub-1'), true);
    assert.equal(await countyIdentities.accountFor('county-yl', 'sub-1'), undefined);
    await countyIdentities.link('county-yl', 'sub-2', a.id);
    assert.equal(await countyProviders.remove('county-yl'), true);
    assert.deepEqual(await countyIdentities.forAccount(a.id), [], 'removing a county removes its links');
  });
});
