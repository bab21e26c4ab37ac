import { after, before, describe } from 'node:test';
import { openTestDb, skipReason, testDrivers } from '../../../test/support/postgres.ts';
import type { Db } from '../db.ts';
import type { Store } from '../ports.ts';
import { sqlStore } from '../repos.ts';

export interface ContractContext {
  db: Db;
  store: Store;
}

/**
 * One contract on every server kind the project keeps, each on a fresh database with one county
 * and one school (雲林縣, 縣立鎮西國小), which several tables refer to.
 */
export function contract(name: string, body: (t: () => ContractContext) => void) {
  for (const driver of testDrivers) {
    describe(`${name} (${driver})`, { skip: skipReason(driver) }, () => {
      let ctx: ContractContext | undefined;
      let close: (() => Promise<void>) | undefined;
      before(async () => {
        const opened = await openTestDb(driver);
        close = opened.close;
        ctx = { db: opened.db, store: sqlStore(opened.db) };
        await ctx.store.directory.upsertCounties([{ code: '10009000', name: '雲林縣', english: 'Yunlin County', fullname: '臺灣省雲林縣', moeCode: '09', moeCodes: ['09'] }]);
        await ctx.store.directory.upsertDistricts([{ code: '10009010', countyCode: '10009000', name: '斗六市', english: 'Douliu', fullname: '雲林縣斗六市' }]);
        await ctx.store.directory.upsertSchools([
          { code: '094601', name: '縣立鎮西國小', level: '國小', countyCode: '10009000', countyName: '雲林縣', districtCode: '10009010', districtName: '斗六市', ownership: '公立', address: null, phone: null, url: null },
        ]);
      });
      after(() => close?.());
      body(() => ctx!);
    });
  }
}
