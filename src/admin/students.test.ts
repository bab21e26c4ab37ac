import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateAccountName } from '../domain/account-name.ts';
import { validatePassword } from '../domain/password-policy.ts';
import { initialPassword } from '../security/initial-password.ts';
import type { ClassInfo, StudentCandidate } from '../storage/ports.ts';
import { accountNameFor, currentClass, plan } from './students.ts';

const cls = (year: string, semester: string, classno: string, classtitle = ''): ClassInfo => ({ year, semester, grade: classno.slice(0, 1), classno, classtitle });
const candidate = (name: string, classes: ClassInfo[]): StudentCandidate => ({ schoolCode: '094601', idHash: name, idSealed: 'x', birthdaySealed: 'x', name, classes });

test('a student is in the class of the latest school year and semester', () => {
  assert.equal(currentClass([cls('113', '2', '601'), cls('114', '1', '701'), cls('113', '1', '601')])!.classno, '701');
  assert.equal(currentClass([]), undefined);
});

test('the plan numbers students within their class by name, classes in order, and keeps one class when asked', () => {
  const people = [candidate('王', [cls('114', '1', '702', '七年二班')]), candidate('陳', [cls('114', '1', '701', '七年一班')]), candidate('林', [cls('114', '1', '701', '七年一班')]), candidate('無班', [])];
  const all = plan(people);
  assert.deepEqual(
    all.map((s) => [s.classNo, s.number]),
    [['', 1], ['701', 1], ['701', 2], ['702', 1]],
  );
  assert.deepEqual(plan(people, '701').map((s) => s.classTitle), ['七年一班', '七年一班']);
  assert.deepEqual(plan(people, '999'), []);
});

test('account names are valid, lowercase, short and tell the school, class and number', () => {
  assert.equal(accountNameFor('094601', '701', 3), 's09460170103');
  assert.equal(accountNameFor('094601', '', 12), 's094601x12');
  assert.equal(accountNameFor('A12345', '7-A/1', 1), 'sa123457a101');
  for (const name of [accountNameFor('094601', '701', 3), accountNameFor('094601', 'longclassname', 120), accountNameFor('999999', '', 1)]) assert.equal(validateAccountName(name).ok, true, name);
});

test('initial passwords are readable, different each time, and pass the one password policy', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const pw = initialPassword('s09460170103');
    assert.match(pw, /^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    assert.doesNotMatch(pw, /[0O1lIo5S2Z]/);
    assert.equal(validatePassword(pw, { account: 's09460170103' }).ok, true, pw);
    seen.add(pw);
  }
  assert.equal(seen.size, 200);
});
