import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

contract('storage contract: replacing affiliations (更新個人資料)', (t) => {
  test('the new affiliations replace every old one, the first primary; a failing transaction keeps the old', async () => {
    const { store } = t();
    await store.directory.upsertSchools([
      { code: '094602', name: '縣立鎮東國小', level: '國小', countyCode: '10009000', countyName: '雲林縣', districtCode: '10009010', districtName: '斗六市', ownership: '公立', address: null, phone: null, url: null },
    ]);
    const account = await store.accounts.create({ username: 'moved.teacher', passwordHash: 'x', displayName: '丁' });
    const other = await store.accounts.create({ username: 'stayed.teacher', passwordHash: 'x', displayName: '戊' });
    await store.accounts.setAffiliation(account.id, { schoolCode: '094601', identity: '教師', titles: ['導師'], classes: [] });
    await store.accounts.setAffiliation(other.id, { schoolCode: '094601', identity: '教師', titles: ['組長'], classes: [] });
    const classes = [{ year: '114', semester: '1', grade: '2', classno: '201', classtitle: '二年一班' }];

    await store.transaction((repos) => repos.accounts.replaceAffiliations(account.id, [{ schoolCode: '094602', identity: '教師', titles: ['教師', '導師'], classes }]));
    const now = await store.accounts.affiliations(account.id);
    assert.deepEqual(
      now.map((a) => [a.schoolCode, a.schoolName, a.titles, a.classes, a.isPrimary]),
      [['094602', '縣立鎮東國小', ['教師', '導師'], classes, true]],
    );
    assert.deepEqual((await store.accounts.affiliations(other.id)).map((a) => a.titles), [['組長']], "another account's affiliations stay");

    await assert.rejects(
      store.transaction(async (repos) => {
        await repos.accounts.replaceAffiliations(account.id, [{ schoolCode: '094601', identity: '教師', titles: [], classes: [] }]);
        throw new Error('the audit failed');
      }),
    );
    assert.deepEqual((await store.accounts.affiliations(account.id)).map((a) => a.schoolCode), ['094602'], 'a rolled-back replacement changes nothing');
  });
});
