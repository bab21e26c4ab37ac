import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

const person = (idHash: string, name: string, identity: '教師' | '學生', classno = '701') => ({
  schoolCode: '094601',
  idHash,
  idSealed: `sealed-${idHash}`,
  name,
  birthdayHash: `b-${idHash}`,
  birthdaySealed: `bs-${idHash}`,
  identity,
  titles: [],
  classes: [{ year: '114', semester: '1', grade: '7', classno, classtitle: '七年一班' }],
});

contract('storage contract: students', (t) => {
  test('students without an account are the source records with identity 學生 whose person no account holds', async () => {
    const { sourcePeople, students, accounts } = t().store;
    await sourcePeople.upsert([person('h1', '乙生', '學生'), person('h2', '甲生', '學生'), person('h3', '丙師', '教師'), person('h4', '丁生', '學生', '702')]);
    assert.deepEqual((await students.withoutAccount('094601')).map((s) => s.name), ['丁生', '乙生', '甲生'].sort());
    const a = await accounts.create({ username: 'stud.one', passwordHash: 'x', displayName: '乙生', personIdHash: 'h1', mustChangePassword: true });
    assert.equal(a.mustChangePassword, true);
    const without = await students.withoutAccount('094601');
    assert.deepEqual(without.map((s) => s.idHash).sort(), ['h2', 'h4']);
    assert.deepEqual(without.find((s) => s.idHash === 'h2'), { schoolCode: '094601', idHash: 'h2', idSealed: 'sealed-h2', birthdaySealed: 'bs-h2', name: '甲生', classes: person('h2', '', '學生').classes });

    await accounts.setAffiliation(a.id, { schoolCode: '094601', identity: '學生', titles: [], classes: person('h1', '', '學生').classes });
    const teacher = await accounts.create({ username: 'teach.one', passwordHash: 'x', displayName: '丙師' });
    await accounts.setAffiliation(teacher.id, { schoolCode: '094601', identity: '教師', titles: [], classes: [] });
    const withAccount = await students.withAccount('094601');
    assert.deepEqual(withAccount.map((s) => [s.username, s.displayName, s.mustChangePassword, s.classes[0]!.classno]), [['stud.one', '乙生', true, '701']]);
  });

  test('the flag is set and cleared; an account created without it does not have it', async () => {
    const { accounts } = t().store;
    const a = await accounts.create({ username: 'flag.plain', passwordHash: 'x', displayName: '戊' });
    assert.equal(a.mustChangePassword, false);
    await accounts.setMustChangePassword(a.id, true);
    assert.equal((await accounts.findById(a.id))!.mustChangePassword, true);
    assert.equal((await accounts.findByUsername('flag.plain'))!.mustChangePassword, true);
    await accounts.setMustChangePassword(a.id, false);
    assert.equal((await accounts.findById(a.id))!.mustChangePassword, false);
  });

  test('taken account names, and batches newest first without any password', async () => {
    const { students, accounts } = t().store;
    await accounts.create({ username: 'taken.name', passwordHash: 'x', displayName: '己' });
    assert.deepEqual(await students.takenUsernames(['taken.name', 'free.name']), ['taken.name']);
    assert.deepEqual(await students.takenUsernames([]), []);
    const first = await students.recordBatch({ schoolCode: '094601', classNo: '701', actor: 'cli', kind: 'provision', accountCount: 3 });
    assert.match(first.id, /^[0-9a-f-]{36}$/);
    assert.ok(first.createdAt instanceof Date);
    const second = await students.recordBatch({ schoolCode: '094601', classNo: null, actor: 'account:x', kind: 'reset', accountCount: 1 });
    const listed = await students.batches('094601', 10);
    assert.deepEqual(listed.map((b) => b.id).slice(0, 2), [second.id, first.id]);
    assert.deepEqual(Object.keys(listed[0]!).sort(), ['accountCount', 'actor', 'classNo', 'createdAt', 'id', 'kind', 'schoolCode']);
    await assert.rejects(students.recordBatch({ schoolCode: '094601', classNo: null, actor: 'cli', kind: 'other' as 'reset', accountCount: 1 }), /check/);
    await assert.rejects(students.recordBatch({ schoolCode: '999999', classNo: null, actor: 'cli', kind: 'provision', accountCount: 1 }), /foreign key/);
  });
});
