import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { piiVault } from '../security/pii.ts';
import type { Db } from '../storage/db.ts';
import { openTestDb } from '../../test/support/postgres.ts';
import { demoPeopleCsv } from './demo-people.ts';
import { importPeople } from './import.ts';
import type { Store } from '../storage/ports.ts';
import { sqlStore } from '../storage/repos.ts';

const vault = piiVault({ PII_ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdefgh', PII_HASH_KEY: 'test-hash-key-0123456789abcdefghijkl' });
let db: Db;
let store: Store;
let closeDb: () => Promise<void>;
const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM source_people'))[0]!.n;

before(async () => {
  ({ db, close: closeDb } = await openTestDb('embedded', 'seeded'));
  store = sqlStore(db);
});
after(() => closeDb());

const header = 'school_code,id_number,name,birthday,identity,titles,class_year,class_semester,class_grade,class_no,class_title';

test('a file with bad rows reports each (line, field, reason) and changes nothing', async () => {
  const csv = [
    header,
    '094601,A123456789,王大明,1980-01-02,教師,教師;導師,114,1,3,301,三年一班',
    '999999,A123456789,王大明,1980-01-02,教師,,,,,,',
    '094601,A123456788,李四,1980-01-02,教師,,,,,,',
    '094601,B123456780,張三,1980-13-02,教師,,,,,,',
    '094601,C123456781,趙五,1980-01-02,校長,,,,,,',
    '094601,D123456782,錢六,1980-01-02,教師,,114,3,3,301,三年一班',
  ].join('\n');
  const r = await importPeople(store, vault, csv);
  assert.equal(r.applied, false);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.field]),
    [
      [3, 'school_code'],
      [4, 'id_number'],
      [5, 'birthday'],
      [6, 'identity'],
      [7, 'class_semester'],
    ],
  );
  assert.match(r.errors[0]!.reason, /unknown school code "999999"/);
  assert.equal(await count(), 0, 'nothing imported');
  const partial = await importPeople(store, vault, csv, { skipInvalid: true });
  assert.equal(partial.applied, true);
  assert.equal(await count(), 1, '--skip-invalid imports the good row');
  await db.query('DELETE FROM source_people');
});

test('rows of one person merge (one row per class); zh-TW headers, BOM and YYYY/M/D accepted; re-import is idempotent', async () => {
  const csv =
    '\ufeff學校代碼,身分證字號,姓名,生日,身分,職稱,學年度,學期,年級,班級代號,班級名稱\n' +
    '094601,E123456783,林老師,1975/4/5,教師,教師;導師,114,1,3,301,三年一班\n' +
    '094601,E123456783,林老師,1975/4/5,教師,資訊組長,114,1,4,401,四年一班\n' +
    '313601,E123456783,林老師,1975/4/5,職員,幹事,,,,,\n';
  const first = await importPeople(store, vault, csv);
  assert.deepEqual([first.rows, first.people, first.inserted, first.updated], [3, 2, 2, 0]);
  const again = await importPeople(store, vault, csv);
  assert.deepEqual([again.inserted, again.updated], [0, 2]);
  assert.equal(await count(), 2);
  const [lin] = await store.sourcePeople.find('094601', vault.idHash('E123456783'));
  assert.deepEqual(lin!.titles, ['教師', '導師', '資訊組長']);
  assert.deepEqual(lin!.classes.map((c) => c.classno), ['301', '401']);
  assert.equal(lin!.birthdayHash, vault.birthdayHash('1975-04-05'));
  const stored = await db.query<{ id_sealed: string; birthday_sealed: string }>('SELECT id_sealed, birthday_sealed FROM source_people');
  assert.ok(stored.every((r) => !r.id_sealed.includes('E123456783') && vault.open(r.id_sealed) === 'E123456783'), 'identity numbers sealed');
  assert.ok(stored.every((r) => vault.open(r.birthday_sealed) === '1975-04-05'));

  const conflicting = await importPeople(store, vault, `${header}\n094601,E123456783,林老師,1975-04-05,教師,,,,,,\n094601,E123456783,林先生,1975-04-05,教師,,,,,,`);
  assert.match(conflicting.errors[0]!.reason, /same person as line 2/);
});

test('the header must name the required columns', async () => {
  const r = await importPeople(store, vault, 'school,id,name\n094601,A123456789,x');
  assert.match(r.errors[0]!.reason, /missing column\(s\): school_code, id_number, birthday, identity/);
});

test('generated demo source data is valid and imports cleanly', async () => {
  const lines = [...demoPeopleCsv({ schools: ['094601', '313601'], students: true })];
  assert.ok(lines.length > 100);
  const r = await importPeople(store, vault, lines.join('\n'));
  assert.deepEqual(r.errors, []);
  assert.ok(r.people > 50);
  const again = [...demoPeopleCsv({ schools: ['094601', '313601'], students: true })];
  assert.deepEqual(again, lines, 'the same seed gives the same people');
});
