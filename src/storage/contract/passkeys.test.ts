import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: passkeys', (t) => {
  test('a passkey is stored with its key, listed for its owner only, and renamed or removed only by its owner', async () => {
    const { passkeys, accounts } = t().store;
    const owner = await accounts.create({ username: 'passkey.owner', passwordHash: 'x', displayName: '甲' });
    const other = await accounts.create({ username: 'passkey.other', passwordHash: 'x', displayName: '乙' });
    const key = new Uint8Array([1, 2, 3, 250]);
    await passkeys.add({ id: 'cred-1', accountId: owner.id, publicKey: key, counter: 0, transports: ['internal', 'hybrid'], name: '筆電' });
    await passkeys.add({ id: 'cred-2', accountId: owner.id, publicKey: key, counter: 5, transports: [], name: '手機' });
    await assert.rejects(passkeys.add({ id: 'cred-1', accountId: other.id, publicKey: key, counter: 0, transports: [], name: 'x' }), 'one credential id, one account');
    const found = await passkeys.find('cred-1');
    assert.deepEqual([found?.accountId, [...found!.publicKey], found?.transports, found?.name, found?.lastUsedAt], [owner.id, [1, 2, 3, 250], ['internal', 'hybrid'], '筆電', null]);
    assert.deepEqual((await passkeys.listForAccount(owner.id)).map((p) => p.id), ['cred-1', 'cred-2']);
    assert.equal(await passkeys.countForAccount(other.id), 0);
    assert.equal(await passkeys.rename(other.id, 'cred-1', 'stolen'), false);
    assert.equal(await passkeys.rename(owner.id, 'cred-1', '辦公室筆電'), true);
    assert.equal((await passkeys.find('cred-1'))?.name, '辦公室筆電');
    assert.equal(await passkeys.remove(other.id, 'cred-2'), undefined, "another account's passkey stays");
    assert.equal((await passkeys.remove(owner.id, 'cred-2'))?.name, '手機');
    assert.equal(await passkeys.countForAccount(owner.id), 1);
  });

  test('a use moves the counter forward once; a counter that did not grow, or moved meanwhile, is refused', async () => {
    const { passkeys, accounts } = t().store;
    const owner = await accounts.create({ username: 'passkey.counter', passwordHash: 'x', displayName: '丙' });
    await passkeys.add({ id: 'cred-c', accountId: owner.id, publicKey: new Uint8Array([9]), counter: 3, transports: [], name: 'key' });
    assert.equal(await passkeys.used('cred-c', 3, 3), false, 'the same counter again: a clone or a replay');
    assert.equal(await passkeys.used('cred-c', 3, 4), true);
    assert.ok((await passkeys.find('cred-c'))?.lastUsedAt instanceof Date);
    assert.equal(await passkeys.used('cred-c', 3, 5), false, 'the counter moved since it was read');
    assert.equal((await passkeys.find('cred-c'))?.counter, 4);
    await passkeys.add({ id: 'cred-z', accountId: owner.id, publicKey: new Uint8Array([9]), counter: 0, transports: [], name: 'no counter' });
    assert.equal(await passkeys.used('cred-z', 0, 0), true, 'authenticators without a counter send 0 every time');
  });
});
