import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcePerson } from '../ports.ts';
import { contract } from './each-driver.ts';

const person = (n: number, over: Partial<SourcePerson> = {}): SourcePerson => ({
  schoolCode: '094601',
  idHash: `hash-${n}`,
  idSealed: `sealed-${n}`,
  name: `人${String.fromCharCode(0x4e00 + n)}`,
  birthdayHash: `bday-${n}`,
  birthdaySealed: `bsealed-${n}`,
  identity: '教師',
  titles: ['導師'],
  classes: [],
  ...over,
});

contract('storage contract: uploads, source records by school, school search', (t) => {
  test('an upload is kept as given and committed once, never after it expired', async () => {
    const { uploads } = t().store;
    const counts = { rows: 2, records: 1, inserted: 1, updated: 0, unchanged: 0, errors: 0 };
    const errors = [{ line: 3, field: 'id_number', key: 'id.checksum', detail: 'id.checksum' }];
    await uploads.create({ id: 'u1', kind: 'people', rows: [person(1)], errors, counts, createdBy: 'account:x', expiresAt: new Date(Date.now() + 60_000) });
    await uploads.create({ id: 'u2', kind: 'schools', rows: [], errors: [], counts, createdBy: 'client:y', expiresAt: new Date(Date.now() - 1000) });
    const u = await uploads.find('u1');
    assert.deepEqual([u?.kind, u?.rows, u?.errors, u?.counts, u?.createdBy, u?.committedAt], ['people', [person(1)], errors, counts, 'account:x', null]);
    assert.ok(u!.createdAt instanceof Date && u!.expiresAt instanceof Date);
    assert.equal(await uploads.find('nothing'), undefined);
    assert.equal(await uploads.markCommitted('u1'), true);
    assert.equal(await uploads.markCommitted('u1'), false, 'once');
    assert.ok((await uploads.find('u1'))!.committedAt instanceof Date);
    assert.equal(await uploads.markCommitted('u2'), false, 'expired');
    assert.equal(await uploads.markCommitted('nothing'), false);
  });

  test('a school’s source records: paged by name, one by key, removed, and compared with a new file', async () => {
    const { sourcePeople } = t().store;
    await sourcePeople.upsert([person(3), person(1), person(2), person(2, { identity: '職員', titles: [] })]);
    const first = await sourcePeople.listBySchool('094601', { limit: 2, offset: 0 });
    assert.equal(first.total, 4);
    assert.deepEqual(first.rows.map((r) => [r.name, r.identity]), [[person(1).name, '教師'], [person(2).name, '教師']]);
    const second = await sourcePeople.listBySchool('094601', { limit: 2, offset: 2 });
    assert.deepEqual(second.rows.map((r) => [r.name, r.identity]), [[person(2).name, '職員'], [person(3).name, '教師']]);
    assert.deepEqual(await sourcePeople.listBySchool('999999', { limit: 10, offset: 0 }), { rows: [], total: 0 });

    assert.deepEqual(await sourcePeople.get('094601', 'hash-2', '職員'), person(2, { identity: '職員', titles: [] }));
    assert.equal(await sourcePeople.get('094601', 'hash-2', '學生'), undefined);

    // Sealed values differ on every sealing; only what they seal, hashed, counts.
    assert.equal(await sourcePeople.unchanged([person(1, { idSealed: 'other', birthdaySealed: 'other' }), person(3, { titles: ['主任'] }), person(9)]), 1);

    assert.equal(await sourcePeople.remove('094601', 'hash-2', '職員'), true);
    assert.equal(await sourcePeople.remove('094601', 'hash-2', '職員'), false);
    assert.deepEqual((await sourcePeople.find('094601', 'hash-2')).map((r) => r.identity), ['教師']);
  });

  test('schools are found by code prefix or name, within counties; a wildcard is a plain character', async () => {
    const { directory } = t().store;
    const by = async (q: string | undefined, countyCodes: string[] | null) => (await directory.searchSchools({ q, countyCodes, limit: 10, offset: 0 })).rows.map((s) => s.code);
    assert.deepEqual(await by('0946', null), ['094601']);
    assert.deepEqual(await by('鎮西', ['10009000']), ['094601']);
    assert.deepEqual(await by('鎮西', ['63000000']), []);
    assert.deepEqual(await by('%', null), [], 'a wildcard is a character');
    assert.deepEqual(await by(undefined, []), []);
    const all = await directory.searchSchools({ countyCodes: null, limit: 10, offset: 0 });
    assert.equal(all.total, 1);
    assert.equal(all.rows[0]!.countyName, '雲林縣');
  });
});
