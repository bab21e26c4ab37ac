import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcePerson } from '../ports.ts';
import { contract } from './each-driver.ts';

contract('storage contract: directory, source people, health', (t) => {
  test('directory: the cascade, a school, counties by name or code, seed checksums', async () => {
    const { directory, health } = t().store;
    await health.ping();
    assert.deepEqual(await directory.findCounty('雲林縣'), { code: '10009000', name: '雲林縣' });
    assert.deepEqual(await directory.findCounty('10009000'), { code: '10009000', name: '雲林縣' });
    assert.equal(await directory.findCounty('火星'), undefined);
    assert.equal((await directory.countyOfSchoolCode('094601'))?.name, '雲林縣');
    assert.deepEqual(await directory.listLevels('10009000', '10009010'), ['國小']);
    assert.deepEqual(await directory.listSchools('10009000', '10009010', '國小'), [{ code: '094601', name: '縣立鎮西國小' }]);
    assert.equal((await directory.getSchool('094601'))?.districtName, '斗六市');
    assert.ok((await directory.schoolCodes()).includes('094601'));
    const school = (await directory.getSchool('094601'))!;
    assert.deepEqual(await directory.upsertSchools([school]), { inserted: 0, updated: 0, unchanged: 1 });
    assert.deepEqual(await directory.upsertSchools([{ ...school, phone: '(05)1' }]), { inserted: 0, updated: 1, unchanged: 0 });
    assert.equal(await directory.seedChecksum('contract'), undefined);
    await t().store.transaction(async (repos) => {
      await repos.directory.lockSeeding();
      await repos.directory.setSeedChecksum('contract', 'abc');
    });
    assert.equal(await directory.seedChecksum('contract'), 'abc');
  });

  test('source people: upserted by school, person and identity; found by the hash', async () => {
    const { sourcePeople } = t().store;
    const p: SourcePerson = { schoolCode: '094601', idHash: 'idh', idSealed: 'ids', name: '林老師', birthdayHash: 'bh', birthdaySealed: 'bs', identity: '教師', titles: ['導師'], classes: [] };
    assert.deepEqual(await sourcePeople.upsert([p, { ...p, identity: '職員', titles: ['幹事'] }]), { inserted: 2, updated: 0 });
    assert.deepEqual(await sourcePeople.upsert([{ ...p, titles: ['組長'] }]), { inserted: 0, updated: 1 });
    const found = await sourcePeople.find('094601', 'idh');
    assert.deepEqual(found.map((r) => [r.identity, r.titles]), [['教師', ['組長']], ['職員', ['幹事']]]);
    assert.deepEqual(await sourcePeople.find('094601', 'other'), []);
  });

  test('a transaction hands over every repository; a failure leaves nothing behind', async () => {
    const { store } = t();
    await assert.rejects(
      store.transaction(async (repos) => {
        const a = await repos.accounts.create({ username: 'tx.half', passwordHash: 'h', displayName: 'x' });
        await repos.audit.record({ type: 'account.registered', accountId: a.id });
        await repos.outbox.enqueue({ channel: 'email', to: 'half@example.edu.tw', text: 'x' });
        throw new Error('crash mid-way');
      }),
    );
    assert.equal(await store.accounts.findByUsername('tx.half'), undefined);
    assert.equal((await store.outbox.recent(50)).filter((m) => m.to === 'half@example.edu.tw').length, 0);
  });

  test('accounts: the sealed person behind an account', async () => {
    const { accounts } = t().store;
    const a = await accounts.create({ username: 'sealed.one', passwordHash: 'h', displayName: 'x', personIdSealed: 'sid', birthdaySealed: 'sb', personIdHash: 'ph-1' });
    assert.deepEqual(await accounts.sealedPerson(a.id), { idSealed: 'sid', birthdaySealed: 'sb' });
    assert.equal((await accounts.findByPersonHash('ph-1'))?.id, a.id);
  });
});
