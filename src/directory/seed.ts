import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../storage/db.ts';
import { parseCsv } from './csv.ts';
import { parseMoeSchools, type RowError } from './moe-school-csv.ts';
import { loadPlaces } from './places.ts';
import { upsertCounties, upsertDistricts, upsertSchools } from './repository.ts';

const shipped = ['counties.json', 'districts.json', 'moe-114-elementary-schools.csv', 'moe-113-kindergartens.csv', 'moe-114-elementary-basic-stats.csv'];
const read = (name: string) => readFileSync(new URL(`../../assets/taiwan/${name}`, import.meta.url), 'utf8');

/** Loads the shipped counties, districts and school lists once; a later start with the same files does nothing. */
export async function seedDirectory(db: Db): Promise<{ loaded: boolean; schools: number }> {
  const texts = Object.fromEntries(shipped.map((n) => [n, read(n)]));
  const checksum = createHash('sha256').update(Object.values(texts).join('\0')).digest('hex');
  const state = await db.query<{ checksum: string }>(`SELECT checksum FROM seed_state WHERE name = 'directory'`);
  if (state[0]?.checksum === checksum) return { loaded: false, schools: 0 };

  const places = loadPlaces();
  const elementary = parseMoeSchools(texts['moe-114-elementary-schools.csv']!, places, '國小');
  const kindergartens = parseMoeSchools(texts['moe-113-kindergartens.csv']!, places);
  // The statistics file names each elementary school's district where its address does not.
  const statsDistrict = new Map<string, string>();
  for (const { fields } of parseCsv(texts['moe-114-elementary-basic-stats.csv']!).slice(1)) {
    const county = places.county(fields[2] ?? '');
    const district = county && places.district(county.code, fields[3] ?? '');
    if (district) statsDistrict.set(fields[4]!, district.code);
  }
  for (const s of elementary.schools) s.districtCode ??= statsDistrict.get(s.code) ?? null;
  const schools = [...elementary.schools, ...kindergartens.schools];

  await db.transaction(async (tx) => {
    await upsertCounties(tx, places.counties);
    await upsertDistricts(tx, places.districts);
    await upsertSchools(tx, schools);
    await tx.query(
      `INSERT INTO seed_state (name, checksum) VALUES ('directory', $1)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()`,
      [checksum],
    );
  });
  return { loaded: true, schools: schools.length };
}

/** `edusso import schools FILE [--level …]`: all rows valid, or nothing changes unless skipInvalid. */
export async function importSchoolsFile(
  db: Db,
  path: string,
  opts: { level?: string; skipInvalid?: boolean } = {},
): Promise<{ inserted: number; updated: number; errors: RowError[]; applied: boolean }> {
  const { schools, errors } = parseMoeSchools(readFileSync(path, 'utf8'), loadPlaces(), opts.level);
  if (errors.length && !opts.skipInvalid) return { inserted: 0, updated: 0, errors, applied: false };
  const counts = await db.transaction((tx) => upsertSchools(tx, schools));
  return { ...counts, errors, applied: true };
}
