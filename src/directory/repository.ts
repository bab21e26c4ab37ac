import { one, type Queryable } from '../storage/db.ts';
import { schoolLevels } from './levels.ts';
import type { SchoolRecord } from './moe-school-csv.ts';
import type { District, Place } from './places.ts';

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

export async function upsertCounties(q: Queryable, counties: Place[]) {
  const v = values(counties.map((c) => [c.code, c.name, c.english, c.fullname]));
  await q.query(
    `INSERT INTO counties (code, name, english, fullname) VALUES ${v.sql}
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, english = EXCLUDED.english, fullname = EXCLUDED.fullname`,
    v.params,
  );
}

export async function upsertDistricts(q: Queryable, districts: District[]) {
  await inBatches(districts, async (batch) => {
    const v = values(batch.map((d) => [d.code, d.countyCode, d.name, d.english]));
    await q.query(
      `INSERT INTO districts (code, county_code, name, english) VALUES ${v.sql}
       ON CONFLICT (code) DO UPDATE SET county_code = EXCLUDED.county_code, name = EXCLUDED.name, english = EXCLUDED.english`,
      v.params,
    );
  });
}

/** School code is the key: a re-import updates in place. Returns how many codes were new. */
export async function upsertSchools(q: Queryable, schools: SchoolRecord[]): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  await inBatches(schools, async (batch) => {
    const v = values(batch.map((s) => [s.code, s.name, s.level, s.countyCode, s.districtCode, s.ownership, s.address, s.phone, s.url]));
    const rows = await q.query<{ inserted: boolean }>(
      `INSERT INTO schools (code, name, level, county_code, district_code, ownership, address, phone, url) VALUES ${v.sql}
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, county_code = EXCLUDED.county_code,
         district_code = EXCLUDED.district_code, ownership = EXCLUDED.ownership, address = EXCLUDED.address,
         phone = EXCLUDED.phone, url = EXCLUDED.url, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      v.params,
    );
    inserted += rows.filter((r) => r.inserted).length;
  });
  return { inserted, updated: schools.length - inserted };
}

export interface SchoolView {
  code: string;
  name: string;
  level: string;
  countyCode: string;
  countyName: string;
  districtCode: string | null;
  districtName: string | null;
}

export const listCounties = (q: Queryable) =>
  q.query<{ code: string; name: string; english: string }>(`SELECT code, name, english FROM counties ORDER BY code`);

export const listDistricts = (q: Queryable, countyCode: string) =>
  q.query<{ code: string; name: string; english: string }>(
    `SELECT code, name, english FROM districts WHERE county_code = $1 ORDER BY code`,
    [countyCode],
  );

export async function listLevels(q: Queryable, countyCode: string, districtCode: string): Promise<string[]> {
  const rows = await q.query<{ level: string }>(
    `SELECT DISTINCT level FROM schools WHERE county_code = $1 AND district_code = $2`,
    [countyCode, districtCode],
  );
  const present = new Set(rows.map((r) => r.level));
  return schoolLevels.filter((l) => present.has(l));
}

export const listSchools = (q: Queryable, countyCode: string, districtCode: string, level: string) =>
  q.query<{ code: string; name: string }>(
    `SELECT code, name FROM schools WHERE county_code = $1 AND district_code = $2 AND level = $3 ORDER BY name`,
    [countyCode, districtCode, level],
  );

export async function getSchool(q: Queryable, code: string): Promise<SchoolView | undefined> {
  const r = await one<Record<string, string>>(
    q,
    `SELECT s.code, s.name, s.level, s.county_code, c.name AS county_name, s.district_code, d.name AS district_name
       FROM schools s JOIN counties c ON c.code = s.county_code LEFT JOIN districts d ON d.code = s.district_code
      WHERE s.code = $1`,
    [code],
  );
  return (
    r && {
      code: r.code!,
      name: r.name!,
      level: r.level!,
      countyCode: r.county_code!,
      countyName: r.county_name!,
      districtCode: r.district_code ?? null,
      districtName: r.district_name ?? null,
    }
  );
}
