import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affiliationOf, checkQuery, gate, keepIfListed, noPlace, schoolChange } from './flow.ts';

test('the page opens only for a signed-in account whose password was proven recently', () => {
  assert.equal(gate(false, false), 'sign-in');
  assert.equal(gate(true, false), 'password');
  assert.equal(gate(true, true), 'open');
});

test('a choice is kept only when the earlier choices list it', () => {
  const districts = [{ value: '10009010' }, { value: '10009020' }];
  assert.equal(keepIfListed('10009020', districts), '10009020');
  assert.equal(keepIfListed('63000010', districts), '', "another county's district is dropped");
  assert.equal(keepIfListed('', districts), '');
});

test('the query needs a school and a well-formed 身分證字號或居留證號 (normalized)', () => {
  assert.deepEqual(checkQuery(noPlace, '').errors, { school: { key: 'schoolTransfer.chooseSchool' }, id_number: { key: 'schoolTransfer.idRequired' } });
  assert.deepEqual(checkQuery({ ...noPlace, school: '094602' }, 'N123456789').errors, { id_number: { key: 'schoolTransfer.idInvalid' } });
  assert.deepEqual(checkQuery({ ...noPlace, school: '094602' }, ' y120135791 '), { errors: {}, idNumber: 'Y120135791' });
  assert.ok(checkQuery({ ...noPlace, school: '094602' }, 'some other id').errors.id_number, 'other kinds of ID are not asked here');
});

test('更新 takes the source record as the only affiliation; the audit names both schools', () => {
  const source = { schoolCode: '094602', idHash: 'h', idSealed: 's', birthdaySealed: 'b', name: '王小明', identity: '教師', titles: ['教師'], classes: [] };
  const next = affiliationOf(source);
  assert.deepEqual(next, { schoolCode: '094602', identity: '教師', titles: ['教師'], classes: [] });
  assert.deepEqual(schoolChange([{ schoolCode: '094601' }, { schoolCode: '313601' }], next), { from: ['094601', '313601'], to: ['094602'] });
});
