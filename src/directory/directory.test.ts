import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Db } from '../storage/db.ts';
import { migrate } from '../storage/migrate.ts';
import { openDb } from '../storage/open.ts';
import { parseCsv } from './csv.ts';
import { parseMoeSchools } from './moe-school-csv.ts';
import { loadPlaces } from './places.ts';
import { getSchool, listCounties, listDistricts, listLevels, listSchools } from './repository.ts';
import { importSchoolsFile, seedDirectory } from './seed.ts';

let db: Db;
const dir = mkdtempSync(join(tmpdir(), 'edusso-dir-'));
before(async () => {
  db = await openDb({ dataDir: null });
  await migrate(db);
});
after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('CSV: quotes, embedded commas, quotes and newlines, CRLF, BOM', () => {
  const rows = parseCsv('\ufeffa,"b,1","say ""hi"""\r\n"multi\nline",x,\r\n\r\nlast,row,end');
  assert.deepEqual(rows, [
    { line: 1, fields: ['a', 'b,1', 'say "hi"'] },
    { line: 2, fields: ['multi\nline', 'x', ''] },
    { line: 5, fields: ['last', 'row', 'end'] },
  ]);
});

test('seeding loads 22 counties, 368 districts and the shipped schools once', async () => {
  const first = await seedDirectory(db);
  assert.equal(first.loaded, true);
  assert.equal((await listCounties(db)).length, 22);
  assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM districts'))[0]!.n, 368);
  const schools = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schools'))[0]!.n;
  assert.equal(schools, first.schools);
  assert.ok(schools > 9000);
  assert.deepEqual(await seedDirectory(db), { loaded: false, schools: 0 });
  const unplaced = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schools WHERE district_code IS NULL'))[0]!.n;
  assert.equal(unplaced, 0, 'every shipped school has its district');
});

test('the cascade 縣市 → 行政區 → 學制 → 學校 for 雲林縣', async () => {
  const yunlin = (await listCounties(db)).find((c) => c.name === '雲林縣')!;
  const douliu = (await listDistricts(db, yunlin.code)).find((d) => d.name === '斗六市')!;
  assert.deepEqual(await listLevels(db, yunlin.code, douliu.code), ['幼兒園', '國小']);
  const schools = await listSchools(db, yunlin.code, douliu.code, '國小');
  assert.ok(schools.some((s) => s.code === '094601' && s.name === '縣立鎮西國小'));
  assert.deepEqual(await getSchool(db, '094601'), {
    code: '094601', name: '縣立鎮西國小', level: '國小', countyCode: yunlin.code, countyName: '雲林縣', districtCode: douliu.code, districtName: '斗六市',
  });
});

test('MOE layouts: the 9-column senior-high list with 備註, district from the address, levels from names', () => {
  const places = loadPlaces();
  const senior = [
    '"學年度","代碼","學校名稱","公/私立","縣市名稱","地址","電話","網址","備註"',
    '114,093301,國立斗六高級中學,公立,[09]雲林縣,[640]雲林縣斗六市民生南路32號,(05)5322039,https://www.tlsh.ylc.edu.tw,',
    '114,093501,國立虎尾高級農工職業學校,公立,[09]雲林縣,[632]台雲林縣虎尾鎮博愛路65號,(05)6322767,,完全中學',
    '114,BAD,無代碼,公立,[09]雲林縣,,,,',
  ].join('\n');
  const r = parseMoeSchools(senior, places);
  assert.deepEqual(r.schools.map((s) => [s.code, s.level, s.districtCode && places.districts.find((d) => d.code === s.districtCode)!.name]), [
    ['093301', '高中', '斗六市'],
    ['093501', '高中', null],
  ]);
  assert.equal(r.errors[0]!.line, 4);
  assert.equal(r.errors[0]!.field, '代碼');
  const withLevel = parseMoeSchools(senior, places, '國中');
  assert.ok(withLevel.schools.every((s) => s.level === '國中'), '--level wins');
  assert.match(parseMoeSchools('a,b\n1,2', places).errors[0]!.reason, /not an MOE school list/);
});

test('import schools: re-import updates in place, a bad file changes nothing', async () => {
  const file = join(dir, 'jh.csv');
  writeFileSync(file, '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址\n114,094501,縣立斗六國中,公立,[09]雲林縣,[640]雲林縣斗六市,(05)1,\n');
  assert.deepEqual(await importSchoolsFile(db, file, { level: '國中' }), { inserted: 1, updated: 0, errors: [], applied: true });
  writeFileSync(file, '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址\n114,094501,縣立斗六國民中學,公立,[09]雲林縣,[640]雲林縣斗六市,(05)1,\n');
  assert.deepEqual(await importSchoolsFile(db, file, { level: '國中' }), { inserted: 0, updated: 1, errors: [], applied: true });
  assert.equal((await getSchool(db, '094501'))!.name, '縣立斗六國民中學');
  writeFileSync(file, '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址\n114,094501,改名國中,公立,[09]雲林縣,,,\n114,094502,某國中,公立,[99]火星,,,\n');
  const bad = await importSchoolsFile(db, file, { level: '國中' });
  assert.equal(bad.applied, false);
  assert.equal(bad.errors[0]!.field, '縣市名稱');
  assert.equal((await getSchool(db, '094501'))!.name, '縣立斗六國民中學', 'unchanged');
});
