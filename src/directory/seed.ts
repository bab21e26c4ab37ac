import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CountyRow, DirectoryRepo, Store } from '../storage/ports.ts';
import { parseCsv } from './csv.ts';
import { parseMoeSchools, type RowError } from './moe-school-csv.ts';
import { loadPlaces, readAsset, type Places } from './places.ts';

// Part of the checksum: bump it when the way the shipped files are read changes, so existing databases reload.
const SEED_VERSION = '2';
const shipped = ['counties.json', 'districts.json', 'moe-114-elementary-schools.csv', 'moe-113-kindergartens.csv', 'moe-114-elementary-basic-stats.csv'] as const;
type Shipped = (typeof shipped)[number];

/** Rows of a CSV as objects keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h.trim(), (r.fields[i] ?? '').trim()])));
}

/**
 * The MOE county codes: `[NN]縣市` in the school list gives every prefix school codes use (臺北市 31–42),
 * the statistics' 縣市代碼 the county's own code (臺北市 30); where that has two (臺中市 06 and 19), the lowest.
 */
export function moeCountyCodes(texts: Record<Shipped, string>, places: Places): CountyRow[] {
  const own = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, countyCode: string, moe: string) => m.set(countyCode, (m.get(countyCode) ?? new Set()).add(moe));
  for (const r of records(texts['moe-114-elementary-basic-stats.csv'])) {
    const county = places.county(r['縣市名稱'] ?? '');
    const moe = r['縣市代碼'] ?? '';
    if (!county || !/^\d\d$/.test(moe)) continue;
    add(own, county.code, moe);
    add(all, county.code, moe);
  }
  for (const r of records(texts['moe-114-elementary-schools.csv'])) {
    const m = /^\[(\d\d)\](.+)$/.exec(r['縣市名稱'] ?? '');
    const county = m && places.county(m[2]!);
    if (county) add(all, county.code, m[1]!);
  }
  return places.counties.map((c) => ({
    ...c,
    moeCode: [...(own.get(c.code) ?? all.get(c.code) ?? [])].sort()[0] ?? null,
    moeCodes: [...(all.get(c.code) ?? [])].sort(),
  }));
}

/**
 * Loads the shipped counties, districts, elementary schools and kindergartens, all in one transaction.
 * A database already holding this exact data (same files, same SEED_VERSION) is left alone.
 */
export async function seedDirectory(store: Store): Promise<{ loaded: boolean; counties: number; districts: number; schools: number }> {
  const texts = Object.fromEntries(shipped.map((n) => [n, readAsset(n)])) as Record<Shipped, string>;
  const checksum = createHash('sha256').update(SEED_VERSION).update(shipped.map((n) => texts[n]).join('\0')).digest('hex');
  const seeded = async (directory: DirectoryRepo) => (await directory.seedChecksum('directory')) === checksum;
  const skipped = { loaded: false, counties: 0, districts: 0, schools: 0 };
  if (await seeded(store.directory)) return skipped;

  const places = loadPlaces();
  const elementary = parseMoeSchools(texts['moe-114-elementary-schools.csv'], places, '國小');
  const kindergartens = parseMoeSchools(texts['moe-113-kindergartens.csv'], places);
  const problems = [...elementary.errors, ...kindergartens.errors];
  if (problems.length) throw new Error(`shipped school lists have invalid rows: ${JSON.stringify(problems.slice(0, 5))}`);
  // The statistics name each elementary school's district, for addresses that do not.
  const statsDistrict = new Map<string, { code: string; name: string }>();
  for (const r of records(texts['moe-114-elementary-basic-stats.csv'])) {
    const county = places.county(r['縣市名稱'] ?? '');
    const district = county && places.district(county.code, r['鄉鎮市區'] ?? '');
    if (district) statsDistrict.set(r['學校代碼']!, district);
  }
  for (const s of elementary.schools) {
    const d = s.districtCode ? undefined : statsDistrict.get(s.code);
    if (d) (s.districtCode = d.code), (s.districtName = d.name);
  }
  const counties = moeCountyCodes(texts, places);
  const schools = [...elementary.schools, ...kindergartens.schools];

  return store.transaction(async ({ directory }) => {
    // Two nodes starting at once: the second waits, then finds the work done.
    await directory.lockSeeding();
    if (await seeded(directory)) return skipped;
    await directory.upsertCounties(counties);
    await directory.upsertDistricts(places.districts);
    await directory.upsertSchools(schools);
    await directory.setSeedChecksum('directory', checksum);
    return { loaded: true, counties: counties.length, districts: places.districts.length, schools: schools.length };
  });
}

/** UTF-8 (with or without BOM), else Big5, the other encoding MOE files come in. */
const readText = (path: string) => decodeCsvBytes(readFileSync(path));

/** An uploaded or read file's text: UTF-8 (with or without BOM), else Big5. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('big5').decode(bytes);
  }
}

export interface ImportResult {
  /** Schools new to the directory. */
  inserted: number;
  /** Schools already known whose data changed (an identical row is neither). */
  updated: number;
  errors: RowError[];
  /** False when the file had errors and skipInvalid was not given: nothing was written. */
  applied: boolean;
}

/** `edusso import schools FILE [--level …] [--skip-invalid]`: every row valid, or nothing changes unless skipInvalid. */
export async function importSchoolsFile(store: Store, path: string, opts: { level?: string; skipInvalid?: boolean } = {}): Promise<ImportResult> {
  const { schools, errors } = parseMoeSchools(readText(path), loadPlaces(), opts.level);
  const fatal = errors.some((e) => e.field === 'header' || e.field === 'level'); // no row can be trusted
  if ((errors.length && !opts.skipInvalid) || fatal) return { inserted: 0, updated: 0, errors, applied: false };
  const { inserted, updated } = await store.transaction(({ directory }) => directory.upsertSchools(schools));
  return { inserted, updated, errors, applied: true };
}
