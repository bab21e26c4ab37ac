import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestDb, skipReason, testDrivers } from '../../test/support/postgres.ts';
import type { Db } from '../storage/db.ts';
import type { DirectoryRepo, Store } from '../storage/ports.ts';
import { sqlStore } from '../storage/repos.ts';
import { importSchoolsFile, seedDirectory } from './seed.ts';

const tmp = mkdtempSync(join(tmpdir(), 'edusso-directory-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const header = '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址';
const file = (name: string, ...lines: string[]) => {
  const path = join(tmp, name);
  writeFileSync(path, [header, ...lines].join('\n'));
  return path;
};

for (const driver of testDrivers) {
  describe(`school directory (${driver})`, { skip: skipReason(driver) }, () => {
    let db: Db;
    let store: Store;
    let dir: DirectoryRepo;
    let close: (() => Promise<void>) | undefined;
    before(async () => {
      ({ db, close } = await openTestDb(driver));
      store = sqlStore(db);
      dir = store.directory;
    });
    after(() => close?.());

    const count = async (sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n;
    // Every column of every directory row, updated_at included: "nothing changed" means this is equal.
    const snapshot = async () =>
      (
        await db.query<{ h: string }>(`SELECT
          (SELECT md5(string_agg(c::text, '|' ORDER BY code)) FROM counties c) ||
          (SELECT md5(string_agg(d::text, '|' ORDER BY code)) FROM districts d) ||
          (SELECT md5(string_agg(s::text, '|' ORDER BY code)) FROM schools s) AS h`)
      )[0]!.h;

    test('seeding loads 22 counties, 368 districts, 2,608 elementary schools and 6,813 kindergartens', async () => {
      const started = performance.now();
      assert.deepEqual(await seedDirectory(store), { loaded: true, counties: 22, districts: 368, schools: 9421 });
      console.log(`${driver}: cold seed ${(performance.now() - started).toFixed(0)} ms`);
      assert.equal(await count('counties'), 22);
      assert.equal(await count('districts'), 368);
      assert.equal(await count(`schools WHERE level = '國小'`), 2608);
      assert.equal(await count(`schools WHERE level = '幼兒園'`), 6813);
      assert.equal(await count('schools WHERE district_code IS NULL'), 0, 'every shipped school has its district');
    });

    test('seeding again changes nothing, and is quick', async () => {
      const before = await snapshot();
      const started = performance.now();
      assert.deepEqual(await seedDirectory(store), { loaded: false, counties: 0, districts: 0, schools: 0 });
      const warm = performance.now() - started;
      console.log(`${driver}: warm seed ${warm.toFixed(0)} ms`);
      assert.ok(warm < 1000, `warm seed took ${warm} ms`);
      // Even a forced reload (the checksum forgotten) writes no row that has not changed.
      await db.query(`DELETE FROM seed_state WHERE name = 'directory'`);
      assert.equal((await seedDirectory(store)).loaded, true);
      assert.equal(await snapshot(), before);
      assert.equal(await count('schools'), 9421);
    });

    test('MOE county codes from the shipped files', async () => {
      const byName = Object.fromEntries((await db.query<{ name: string; moe_code: string; moe_codes: string[] }>(
        'SELECT name, moe_code, moe_codes FROM counties',
      )).map((c) => [c.name, [c.moe_code, c.moe_codes.join(' ')]]));
      assert.deepEqual(byName['新北市'], ['01', '01']);
      assert.deepEqual(byName['雲林縣'], ['09', '09']);
      assert.deepEqual(byName['臺中市'], ['06', '06 19']);
      assert.deepEqual(byName['臺北市'], ['30', '30 31 32 33 34 35 36 37 38 39 40 41 42']);
      assert.deepEqual(byName['連江縣'], ['72', '72']);
      assert.equal((await dir.countyOfSchoolCode('353604'))?.name, '臺北市');
      assert.equal((await dir.countyOfSchoolCode('014XA1-01'))?.name, '新北市');
      assert.equal(await dir.countyOfSchoolCode('990001'), undefined);
    });

    test('the cascade 縣市 → 行政區 → 學制 → 學校 for 雲林縣', async () => {
      const yunlin = (await dir.listCounties()).find((c) => c.name === '雲林縣')!;
      assert.equal(yunlin.moeCode, '09');
      const districts = await dir.listDistricts(yunlin.code);
      assert.equal(districts.length, 20);
      const douliu = districts.find((d) => d.name === '斗六市')!;
      assert.deepEqual(await dir.listLevels(yunlin.code, douliu.code), ['幼兒園', '國小']);
      const schools = await dir.listSchools(yunlin.code, douliu.code, '國小');
      assert.ok(schools.length >= 10 && schools.some((s) => s.code === '094601' && s.name === '縣立鎮西國小'));
      assert.ok((await dir.listSchools(yunlin.code, douliu.code, '幼兒園')).every((s) => s.name.includes('幼兒園')));
      assert.deepEqual(await dir.listSchools(yunlin.code, douliu.code, '大專校院'), []);
      assert.deepEqual(await dir.listLevels(yunlin.code, 'nowhere'), []);
      assert.deepEqual(await dir.getSchool('094601'), {
        code: '094601', name: '縣立鎮西國小', level: '國小', countyCode: yunlin.code, countyName: '雲林縣',
        districtCode: douliu.code, districtName: '斗六市', ownership: '公立',
        address: '[640]雲林縣斗六市中和里西平路3號', phone: '(05)5322047', url: 'https://jces.ylc.edu.tw/',
      });
      assert.equal(await dir.getSchool('000000'), undefined);
    });

    test('import schools: new level appears in the cascade; re-import updates in place', async () => {
      const yunlin = (await dir.listCounties()).find((c) => c.name === '雲林縣')!;
      const douliu = (await dir.listDistricts(yunlin.code)).find((d) => d.name === '斗六市')!;
      const jh = file('jh.csv', '114,094501,縣立斗六國中,公立,[09]雲林縣,[640]雲林縣斗六市,(05)1,');
      assert.deepEqual(await importSchoolsFile(store, jh, { level: '國中' }), { inserted: 1, updated: 0, errors: [], applied: true });
      assert.deepEqual(await dir.listLevels(yunlin.code, douliu.code), ['幼兒園', '國小', '國中']);
      assert.deepEqual(await importSchoolsFile(store, jh, { level: '國中' }), { inserted: 0, updated: 0, errors: [], applied: true });

      const total = await count('schools');
      const renamed = file('renamed.csv', '114,094601,縣立鎮西國民小學,公立,[09]雲林縣,[640]雲林縣斗六市中和里西平路3號,(05)5322047,');
      assert.deepEqual(await importSchoolsFile(store, renamed), { inserted: 0, updated: 1, errors: [], applied: true });
      assert.equal((await dir.getSchool('094601'))!.name, '縣立鎮西國民小學');
      assert.equal(await count('schools'), total, 'no duplicate');
    });

    test('import schools: a file with errors changes nothing unless skipInvalid; Big5 files are read', async () => {
      const before = await snapshot();
      const bad = file('bad.csv', '114,094601,改名國小,公立,[09]雲林縣,,,', '114,094502,某國中,公立,[99]火星,,,');
      const refused = await importSchoolsFile(store, bad, { level: '國中' });
      assert.equal(refused.applied, false);
      assert.deepEqual(refused.errors, [{ line: 3, field: '縣市名稱', reason: 'unknown county "火星"' }]);
      assert.equal(await snapshot(), before, 'unchanged');
      assert.equal((await importSchoolsFile(store, bad, { level: '研究所', skipInvalid: true })).applied, false, 'an unknown level is never skipped');

      const skipped = await importSchoolsFile(store, bad, { skipInvalid: true });
      assert.deepEqual([skipped.applied, skipped.updated, skipped.errors.length], [true, 1, 1]);
      const kept = (await dir.getSchool('094601'))!;
      assert.deepEqual([kept.name, kept.address, kept.districtName], ['改名國小', null, '斗六市'], 'a row without a district keeps the known one');

      const big5 = join(tmp, `big5-${driver}.csv`);
      // 學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址 / 114,094501,縣立斗六國中,公立,[09]雲林縣,[640]雲林縣斗六市,, in Big5
      const big5Text =
        'bec7a67eabd72ca54ebd582cbec7aed5a657bad92ca4bd2fa870a5df2cbfa4a5aba657bad92ca661a77d2cb971b8dc2cbaf4a77d0a313134' +
        '2c3039343530312cbfa4a5dfa4e6a4bbb0eaa4a42ca4bda5df2c5b30395db6b3aa4cbfa42c5b3634305db6b3aa4cbfa4a4e6a4bba5ab2c2c0a';
      writeFileSync(big5, Buffer.from(big5Text, 'hex'));
      const fromBig5 = await importSchoolsFile(store, big5);
      assert.deepEqual(fromBig5.errors, []);
      assert.equal((await dir.getSchool('094501'))?.name, '縣立斗六國中');
    });
  });
}
