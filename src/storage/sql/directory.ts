import { one, type Queryable } from '../db.ts';
import { schoolLevels } from '../../directory/levels.ts';
import type { DirectoryRepo, SchoolRow, SourcePeopleRepo, SourcePerson } from '../ports.ts';

const BATCH = 500;

async function inBatches<T>(items: T[], run: (batch: T[]) => Promise<void>, size = BATCH) {
  for (let i = 0; i < items.length; i += size) await run(items.slice(i, i + size));
}

/** Multi-row VALUES ($1,$2,…),(…) for a batch. */
function values(rows: unknown[][]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(',')})`).join(',');
  return { sql, params };
}

const schoolColumns = ['name', 'level', 'county_code', 'district_code', 'ownership', 'address', 'phone', 'url'];
// What an update sets each column to. A row whose district could not be told keeps the one already known.
const schoolUpdate = schoolColumns.map((c) =>
  c === 'district_code'
    ? `CASE WHEN EXCLUDED.district_code IS NULL AND EXCLUDED.county_code = schools.county_code THEN schools.district_code ELSE EXCLUDED.district_code END`
    : `EXCLUDED.${c}`,
);

export function sqlDirectory(q: Queryable): DirectoryRepo {
  return {
    async upsertCounties(counties) {
      const v = values(counties.map((c) => [c.code, c.name, c.english, c.fullname, c.moeCode, c.moeCodes]));
      await q.query(
        `INSERT INTO counties (code, name, english, fullname, moe_code, moe_codes) VALUES ${v.sql}
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, english = EXCLUDED.english, fullname = EXCLUDED.fullname,
           moe_code = EXCLUDED.moe_code, moe_codes = EXCLUDED.moe_codes`,
        v.params,
      );
    },
    async upsertDistricts(districts) {
      await inBatches(districts, async (batch) => {
        const v = values(batch.map((d) => [d.code, d.countyCode, d.name, d.english]));
        await q.query(
          `INSERT INTO districts (code, county_code, name, english) VALUES ${v.sql}
           ON CONFLICT (code) DO UPDATE SET county_code = EXCLUDED.county_code, name = EXCLUDED.name, english = EXCLUDED.english`,
          v.params,
        );
      });
    },
    async upsertSchools(schools) {
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
    },
    listCounties: () => q.query(`SELECT code, name, english, moe_code AS "moeCode" FROM counties ORDER BY code`),
    findCounty: (nameOrCode) => one(q, `SELECT code, name FROM counties WHERE name = $1 OR code = $1`, [nameOrCode.replace(/台/g, '臺')]),
    countyOfSchoolCode: (schoolCode) => one(q, `SELECT code, name FROM counties WHERE $1 = ANY (moe_codes)`, [schoolCode.slice(0, 2)]),
    listDistricts: (countyCode) => q.query(`SELECT code, name, english FROM districts WHERE county_code = $1 ORDER BY code`, [countyCode]),
    async listLevels(countyCode, districtCode) {
      const rows = await q.query<{ level: string }>(`SELECT DISTINCT level FROM schools WHERE county_code = $1 AND district_code = $2`, [countyCode, districtCode]);
      const present = new Set(rows.map((r) => r.level));
      return schoolLevels.filter((l) => present.has(l));
    },
    listSchools: (countyCode, districtCode, level) =>
      q.query(`SELECT code, name FROM schools WHERE county_code = $1 AND district_code = $2 AND level = $3 ORDER BY name, code`, [countyCode, districtCode, level]),
    getSchool: (code) =>
      one(
        q,
        `SELECT s.code, s.name, s.level, s.county_code AS "countyCode", c.name AS "countyName",
                s.district_code AS "districtCode", d.name AS "districtName", s.ownership, s.address, s.phone, s.url
           FROM schools s JOIN counties c ON c.code = s.county_code LEFT JOIN districts d ON d.code = s.district_code
          WHERE s.code = $1`,
        [code],
      ),
    async searchSchools({ q: text, countyCodes, limit, offset }) {
      const where: string[] = [];
      const params: unknown[] = [];
      const term = text?.trim().replace(/台/g, '臺');
      if (term) {
        const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
        params.push(`${escaped.toUpperCase()}%`, `%${escaped}%`);
        where.push(`(s.code LIKE $${params.length - 1} OR replace(s.name, '台', '臺') LIKE $${params.length})`);
      }
      if (countyCodes) {
        params.push(countyCodes);
        where.push(`s.county_code = ANY ($${params.length}::text[])`);
      }
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = await one<{ n: string }>(q, `SELECT count(*) AS n FROM schools s ${filter}`, params);
      const rows = await q.query<SchoolRow>(
        `SELECT s.code, s.name, s.level, s.county_code AS "countyCode", c.name AS "countyName",
                s.district_code AS "districtCode", d.name AS "districtName", s.ownership, s.address, s.phone, s.url
           FROM schools s JOIN counties c ON c.code = s.county_code LEFT JOIN districts d ON d.code = s.district_code
           ${filter} ORDER BY s.code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      );
      return { rows, total: Number(total?.n ?? 0) };
    },
    async schoolCodes() {
      return (await q.query<{ code: string }>('SELECT code FROM schools')).map((r) => r.code);
    },
    async seedChecksum(name) {
      return (await one<{ checksum: string }>(q, `SELECT checksum FROM seed_state WHERE name = $1`, [name]))?.checksum;
    },
    async setSeedChecksum(name, checksum) {
      await q.query(
        `INSERT INTO seed_state (name, checksum) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()`,
        [name, checksum],
      );
    },
    async lockSeeding() {
      await q.query('SELECT pg_advisory_xact_lock(727275)');
    },
  };
}

const PEOPLE_BATCH = 5000;

const toPerson = (r: Record<string, any>): SourcePerson => ({
  schoolCode: r.school_code,
  idHash: r.id_hash,
  idSealed: r.id_sealed,
  name: r.name,
  birthdayHash: r.birthday_hash,
  birthdaySealed: r.birthday_sealed,
  identity: r.identity,
  titles: r.titles,
  classes: r.classes,
});

export function sqlSourcePeople(q: Queryable): SourcePeopleRepo {
  return {
    /** Columns travel as arrays through unnest: one statement per 5,000 people. */
    async upsert(people) {
      let inserted = 0;
      await inBatches(
        people,
        async (batch) => {
          const columns: string[][] = Array.from({ length: 9 }, () => []);
          for (const p of batch)
            [p.schoolCode, p.idHash, p.idSealed, p.name, p.birthdayHash, p.birthdaySealed, p.identity, JSON.stringify(p.titles), JSON.stringify(p.classes)].forEach(
              (value, c) => columns[c]!.push(value),
            );
          const result = await q.query<{ inserted: boolean }>(
            `INSERT INTO source_people (school_code, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles, classes)
             SELECT school, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles::jsonb, classes::jsonb
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                 AS u(school, id_hash, id_sealed, name, birthday_hash, birthday_sealed, identity, titles, classes)
             ON CONFLICT (school_code, id_hash, identity) DO UPDATE SET id_sealed = EXCLUDED.id_sealed, name = EXCLUDED.name,
               birthday_hash = EXCLUDED.birthday_hash, birthday_sealed = EXCLUDED.birthday_sealed, titles = EXCLUDED.titles,
               classes = EXCLUDED.classes, updated_at = now()
             RETURNING (xmax = 0) AS inserted`,
            columns,
          );
          inserted += result.filter((r) => r.inserted).length;
        },
        PEOPLE_BATCH,
      );
      return { inserted, updated: people.length - inserted };
    },
    async find(schoolCode, idHash) {
      const rows = await q.query<Record<string, any>>(`SELECT * FROM source_people WHERE school_code = $1 AND id_hash = $2 ORDER BY identity`, [schoolCode, idHash]);
      return rows.map(toPerson);
    },
    async listBySchool(schoolCode, { limit, offset }) {
      const total = await one<{ n: string }>(q, `SELECT count(*) AS n FROM source_people WHERE school_code = $1`, [schoolCode]);
      const rows = await q.query<Record<string, any>>(
        `SELECT * FROM source_people WHERE school_code = $1 ORDER BY name, identity, id_hash LIMIT $2 OFFSET $3`,
        [schoolCode, limit, offset],
      );
      return { rows: rows.map(toPerson), total: Number(total?.n ?? 0) };
    },
    async get(schoolCode, idHash, identity) {
      const r = await one<Record<string, any>>(q, `SELECT * FROM source_people WHERE school_code = $1 AND id_hash = $2 AND identity = $3`, [schoolCode, idHash, identity]);
      return r && toPerson(r);
    },
    async remove(schoolCode, idHash, identity) {
      const rows = await q.query(`DELETE FROM source_people WHERE school_code = $1 AND id_hash = $2 AND identity = $3 RETURNING 1`, [schoolCode, idHash, identity]);
      return rows.length === 1;
    },
    async unchanged(people) {
      let same = 0;
      await inBatches(
        people,
        async (batch) => {
          const columns: string[][] = Array.from({ length: 7 }, () => []);
          for (const p of batch)
            [p.schoolCode, p.idHash, p.identity, p.name, p.birthdayHash, JSON.stringify(p.titles), JSON.stringify(p.classes)].forEach((value, c) => columns[c]!.push(value));
          const r = await one<{ n: string }>(
            q,
            `SELECT count(*) AS n FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                 AS u(school, id_hash, identity, name, birthday_hash, titles, classes)
               JOIN source_people p ON p.school_code = u.school AND p.id_hash = u.id_hash AND p.identity = u.identity
              WHERE p.name = u.name AND p.birthday_hash = u.birthday_hash AND p.titles = u.titles::jsonb AND p.classes = u.classes::jsonb`,
            columns,
          );
          same += Number(r?.n ?? 0);
        },
        PEOPLE_BATCH,
      );
      return same;
    },
  };
}
