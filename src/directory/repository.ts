import { one, type Queryable } from '../storage/db.ts';
import { schoolLevels, type SchoolLevel } from './levels.ts';
import type { SchoolRecord } from './moe-school-csv.ts';
import type { District, Place } from './places.ts';

export interface County extends Place {
  /** The county's own 2-digit MOE code (the statistics' 縣市代碼). */
  moeCode: string | null;
  /** Every MOE code a school code in this county may start with. */
  moeCodes: string[];
}

const BATCH = 500;

async function inBatches<T>(items: T[], run: (batch: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) await run(items.slice(i, i + BATCH));
}

/** Multi-row VALUES ($1,$2,…),(…) for a batch. */
function values(rows: unknown[][]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(',')})`).join(',');
  return { sql, params };
}

export async function upsertCounties(q: Queryable, counties: County[]): Promise<void> {
  const v = values(counties.map((c) => [c.code, c.name, c.english, c.fullname, c.moeCode, c.moeCodes]));
  await q.query(
    `INSERT INTO counties (code, name, english, fullname, moe_code, moe_codes) VALUES ${v.sql}
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, english = EXCLUDED.english, fullname = EXCLUDED.fullname,
       moe_code = EXCLUDED.moe_code, moe_codes = EXCLUDED.moe_codes`,
    v.params,
  );
}

export async function upsertDistricts(q: Queryable, districts: District[]): Promise<void> {
  await inBatches(districts, async (batch) => {
    const v = values(batch.map((d) => [d.code, d.countyCode, d.name, d.english]));
    await q.query(
      `INSERT INTO districts (code, county_code, name, english) VALUES ${v.sql}
       ON CONFLICT (code) DO UPDATE SET county_code = EXCLUDED.county_code, name = EXCLUDED.name, english = EXCLUDED.english`,
      v.params,
    );
  });
}

const schoolColumns = ['name', 'level', 'county_code', 'district_code', 'ownership', 'address', 'phone', 'url'];
// What an update sets each column to. A row whose district could not be told keeps the one already known.
const schoolUpdate = schoolColumns.map((c) =>
  c === 'district_code'
    ? `CASE WHEN EXCLUDED.district_code IS NULL AND EXCLUDED.county_code = schools.county_code THEN schools.district_code ELSE EXCLUDED.district_code END`
    : `EXCLUDED.${c}`,
);

/**
 * School code is the key: a re-import updates in place, and a row whose data did not change is left
 * alone (its updated_at too). The last record wins when a code repeats.
 */
export async function upsertSchools(q: Queryable, schools: SchoolRecord[]): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const unique = [...new Map(schools.map((s) => [s.code, s])).values()];
  let inserted = 0;
  let updated = 0;
  await inBatches(unique, async (batch) => {
    const v = values(batch.map((s) => [s.code, s.name, s.level, s.countyCode, s.districtCode, s.ownership, s.address, s.phone, s.url]));
    const rows = await q.query<{ inserted: boolean }>(
      `INSERT INTO schools (code, ${schoolColumns}) VALUES ${v.sql}
       ON CONFLICT (code) DO UPDATE SET ${schoolColumns.map((c, i) => `${c} = ${schoolUpdate[i]}`).join(', ')}, updated_at = now()
       WHERE (${schoolColumns.map((c) => `schools.${c}`)}) IS DISTINCT FROM (${schoolUpdate})
       RETURNING (xmax = 0) AS inserted`,
      v.params,
    );
    const added = rows.filter((r) => r.inserted).length;
    inserted += added;
    updated += rows.length - added;
  });
  return { inserted, updated, unchanged: unique.length - inserted - updated };
}

/** A school as the directory shows it: the same fields an import reads. */
export type SchoolView = SchoolRecord;

export const listCounties = (q: Queryable) =>
  q.query<{ code: string; name: string; english: string; moeCode: string | null }>(
    `SELECT code, name, english, moe_code AS "moeCode" FROM counties ORDER BY code`,
  );

/** The county a school code belongs to, by its first two digits. */
export const countyOfSchoolCode = (q: Queryable, schoolCode: string) =>
  one<{ code: string; name: string }>(q, `SELECT code, name FROM counties WHERE $1 = ANY (moe_codes)`, [schoolCode.slice(0, 2)]);

export const listDistricts = (q: Queryable, countyCode: string) =>
  q.query<{ code: string; name: string; english: string }>(
    `SELECT code, name, english FROM districts WHERE county_code = $1 ORDER BY code`,
    [countyCode],
  );

/** The levels (學制) with at least one school in the district, in the form's fixed order. */
export async function listLevels(q: Queryable, countyCode: string, districtCode: string): Promise<SchoolLevel[]> {
  const rows = await q.query<{ level: string }>(
    `SELECT DISTINCT level FROM schools WHERE county_code = $1 AND district_code = $2`,
    [countyCode, districtCode],
  );
  const present = new Set(rows.map((r) => r.level));
  return schoolLevels.filter((l) => present.has(l));
}

export const listSchools = (q: Queryable, countyCode: string, districtCode: string, level: string) =>
  q.query<{ code: string; name: string }>(
    `SELECT code, name FROM schools WHERE county_code = $1 AND district_code = $2 AND level = $3 ORDER BY name, code`,
    [countyCode, districtCode, level],
  );

export const getSchool = (q: Queryable, code: string) =>
  one<SchoolView>(
    q,
    `SELECT s.code, s.name, s.level, s.county_code AS "countyCode", c.name AS "countyName",
            s.district_code AS "districtCode", d.name AS "districtName", s.ownership, s.address, s.phone, s.url
       FROM schools s JOIN counties c ON c.code = s.county_code LEFT JOIN districts d ON d.code = s.district_code
      WHERE s.code = $1`,
    [code],
  );
