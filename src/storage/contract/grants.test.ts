import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: an account revokes the grants it gave (應用服務授權清單)', (t) => {
  test("a grant, its tokens and its place in the account's sessions go at once; another account's grant is untouched", async () => {
    const { accounts, oidcPayloads } = t().store;
    const a = await accounts.create({ username: 'grants.a', passwordHash: 'x', displayName: 'A' });
    const b = await accounts.create({ username: 'grants.b', passwordHash: 'x', displayName: 'B' });
    await oidcPayloads.upsert('Grant', 'ga', { accountId: a.id, clientId: 'app1', openid: { scope: 'openid email' }, iat: 1_700_000_000, jti: 'ga' }, 600);
    await oidcPayloads.upsert('Grant', 'ga2', { accountId: a.id, clientId: 'app2', openid: { scope: 'openid' }, iat: 1_700_000_100, jti: 'ga2' }, 600);
    await oidcPayloads.upsert('Grant', 'gb', { accountId: b.id, clientId: 'app1', openid: { scope: 'openid' }, iat: 1_700_000_000, jti: 'gb' }, 600);
    await oidcPayloads.upsert('RefreshToken', 'rta', { accountId: a.id, grantId: 'ga' }, 600);
    await oidcPayloads.upsert('AccessToken', 'ata', { accountId: a.id, grantId: 'ga' }, 600);
    await oidcPayloads.upsert('RefreshToken', 'rta2', { accountId: a.id, grantId: 'ga2' }, 600);
    await oidcPayloads.upsert('RefreshToken', 'rtb', { accountId: b.id, grantId: 'gb' }, 600);
    const authorizations = { app1: { sid: 'sid-a', grantId: 'ga' }, app2: { sid: 'sid-a2', grantId: 'ga2' } };
    await oidcPayloads.upsert('Session', 'sa', { accountId: a.id, authorizations }, 600);
    await oidcPayloads.upsert('Session', 'sb', { accountId: b.id, authorizations: { app1: { sid: 'sid-b', grantId: 'gb' } } }, 600);

    const listed = await oidcPayloads.grantsForAccount(a.id);
    assert.deepEqual(listed.map((g) => [g.grantId, g.clientId, g.scopes]), [['ga', 'app1', ['openid', 'email']], ['ga2', 'app2', ['openid']]]);
    assert.equal(listed[0]!.issuedAt.getTime(), 1_700_000_000_000);

    assert.equal(await oidcPayloads.revokeGrant(a.id, 'gb'), undefined, "another account's grant id changes nothing");
    assert.ok(await oidcPayloads.find('Grant', 'id', 'gb'));
    assert.ok(await oidcPayloads.find('RefreshToken', 'id', 'rtb'));

    assert.deepEqual(await oidcPayloads.revokeGrant(a.id, 'ga'), { clientId: 'app1', sids: ['sid-a'] });
    for (const [model, id] of [['Grant', 'ga'], ['RefreshToken', 'rta'], ['AccessToken', 'ata']] as const)
      assert.equal(await oidcPayloads.find(model, 'id', id), undefined, `${model} ${id} revoked`);
    assert.deepEqual((await oidcPayloads.find('Session', 'id', 'sa'))!.authorizations, { app2: authorizations.app2 }, 'the session forgets only that client');
    assert.ok(await oidcPayloads.find('RefreshToken', 'id', 'rta2'), 'the other application keeps its tokens');
    assert.deepEqual((await oidcPayloads.find('Session', 'id', 'sb'))!.authorizations, { app1: { sid: 'sid-b', grantId: 'gb' } });
    assert.deepEqual((await oidcPayloads.grantsForAccount(a.id)).map((g) => g.grantId), ['ga2']);
    assert.equal(await oidcPayloads.revokeGrant(a.id, 'ga'), undefined, 'a second revoke finds nothing');
  });
});
